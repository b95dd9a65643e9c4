// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import ImportedPopup from '../../src/lib/ui/ImportedPopup.svelte';
import type { ImportedLayerEntry } from '../../src/lib/ui/layer-model.ts';
import PopupContent from '../../src/lib/ui/PopupContent.svelte';

const documentText = readFileSync(
  'geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt',
  'utf8',
);
const feature = (layer: string, id: string): AtlasFeature =>
  (JSON.parse(readFileSync(`geodata/layers/${layer}.geojson`, 'utf8')) as AtlasLayer).features.find(
    (f) => f.id === id,
  )!;

afterEach(cleanup);

describe('the popup content', () => {
  it('shows the name, other names, kind, geometry in words, length and excerpts', () => {
    render(PopupContent, {
      feature: feature('routes', 'lachin-road'),
      documentText,
      onShowInText: () => {},
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Lachin road');
    expect(document.body.textContent).toContain('Lachin corridor');
    expect(document.body.textContent).toContain('Route');
    expect(document.body.textContent).toMatch(/schematic: /);
    expect(document.body.textContent).toMatch(/\d+\.\d km/);
    const marks = [...document.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['Lachin road', 'Lachin road']);
    expect(document.querySelector('blockquote')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      feature('routes', 'lachin-road').properties.mentions[0]!.excerpt,
    );
  });

  it('folds excerpts past the first three behind “N more”, and “Show in text” names the mention', async () => {
    const onShowInText = vi.fn();
    const garabagh = feature('areas', 'garabagh-region');
    render(PopupContent, { feature: garabagh, documentText, onShowInText });
    expect(document.querySelectorAll('.excerpt')).toHaveLength(3);
    screen.getByRole('button', { name: '1 more' }).click();
    await tick();
    expect(document.querySelectorAll('.excerpt')).toHaveLength(4);
    screen.getAllByRole('button', { name: 'Show in text' })[3]!.click();
    expect(onShowInText).toHaveBeenCalledWith(garabagh.properties.mentions[3]!.start);
  });

  it('puts text from data into the page as text, never as markup', () => {
    const hostile = structuredClone(feature('places', 'yevlakh'));
    hostile.properties.variants = [{ name: '<img src=x onerror="window.hacked=1">' }];
    render(PopupContent, { feature: hostile, documentText, onShowInText: () => {} });
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain('<img src=x onerror="window.hacked=1">');
  });
});

describe('the popup of a reader’s feature', () => {
  const layer = {
    id: 'import-1',
    name: 'my trace',
    origin: 'imported',
    labelProperty: 'title',
  } as unknown as ImportedLayerEntry;

  it('is titled by the layer’s label, lists every property as text, and links only web addresses', () => {
    render(ImportedPopup, {
      feature: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [46.5, 39.5] },
        properties: {
          title: 'A spring',
          source: 'https://example.org/springs?id=4',
          script: 'javascript:alert(1)',
          data: 'data:text/html,<script>alert(1)</script>',
          near: 'see http://example.org',
          tags: ['water', '<b>x</b>'],
        },
      },
      layer,
      index: 6,
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('A spring');
    expect(document.body.textContent).toContain('From your layer my trace · feature 7 · Point');
    const links = [...document.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/springs?id=4',
    ]);
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(document.body.textContent).toContain('javascript:alert(1)');
    expect(document.body.textContent).toContain('["water","<b>x</b>"]');
    expect(document.querySelector('b, script')).toBeNull();
  });
});
