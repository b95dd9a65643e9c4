// @vitest-environment jsdom
/**
 * The atlas model's as-of date and statement-only switch: which of the document's features are
 * shown, and what happens to the open popup and to a hidden feature the reader asks for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { AtlasState } from '../../src/lib/ui/atlas-state.svelte.ts';

const layers: AtlasLayer[] = ['areas', 'borders', 'routes', 'places'].map((name) =>
  JSON.parse(readFileSync(`geodata/layers/${name}.geojson`, 'utf8')),
);
const hidden = (atlas: AtlasState) => [...atlas.hiddenFeatureIds].sort();

describe('the as-of date', () => {
  it('starts at the document’s date, where the 2020–2022 line no longer holds', () => {
    const atlas = new AtlasState(layers);
    expect(atlas.asOf).toBe('2023-08-14');
    expect(hidden(atlas)).toEqual(['lachin-road-2020-2022']);
  });

  it('hides what did not hold on the day chosen, kept inside the range', () => {
    const atlas = new AtlasState(layers);
    atlas.setAsOf('2021-06-01');
    expect(hidden(atlas)).toEqual(['lachin-checkpoint', 'lachin-road']);
    atlas.setAsOf('2019-01-01');
    expect(atlas.asOf).toBe('2020-11-10');
    atlas.setAsOf('not a date');
    expect(atlas.asOf).toBe('2020-11-10');
    atlas.setAsOf('2030-01-01');
    expect(atlas.asOf).toBe('2023-08-14');
  });

  it('closes the popup of a feature the new date hides', () => {
    const atlas = new AtlasState(layers);
    atlas.select({ featureId: 'lachin-road', origin: 'list' });
    atlas.setAsOf('2023-01-01');
    expect(atlas.selection?.featureId).toBe('lachin-road');
    atlas.setAsOf('2021-06-01');
    expect(atlas.selection).toBeNull();
  });

  it('moves to the nearest day a hidden feature held when the reader asks for it, and says so', () => {
    const atlas = new AtlasState(layers);
    atlas.select({ featureId: 'lachin-road-2020-2022', origin: 'text' });
    expect(atlas.selection?.featureId).toBe('lachin-road-2020-2022');
    expect(atlas.asOf).toBe('2022-08-29');
    expect(atlas.isShown('lachin-road-2020-2022')).toBe(true);
    expect(atlas.notice).toContain('29 August 2022');
  });
});

describe('the statement’s places only', () => {
  it('hides the places only the page’s related posts name, and shows them again', () => {
    const atlas = new AtlasState(layers);
    atlas.select({ featureId: 'shusha', origin: 'list' });
    atlas.setStatementOnly(true);
    expect(hidden(atlas)).toEqual(
      ['indonesia', 'islamabad', 'lachin-road-2020-2022', 'pakistan', 'shusha', 'sri-lanka'].sort(),
    );
    expect(atlas.selection).toBeNull();
    atlas.select({ featureId: 'islamabad', origin: 'text' });
    expect(atlas.statementOnly).toBe(false);
    expect(atlas.isShown('islamabad')).toBe(true);
  });
});
