// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
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
