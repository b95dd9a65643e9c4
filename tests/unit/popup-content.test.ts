// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import ImportedPopup from '../../src/lib/ui/ImportedPopup.svelte';
import type { ImportedLayerEntry } from '../../src/lib/ui/layer-model.ts';
import { mentionRelations } from '../../src/lib/ui/mention-relations.ts';
import PopupContent from '../../src/lib/ui/PopupContent.svelte';
import PopupFrame from '../../src/lib/ui/PopupFrame.svelte';
import { createRawSnippet } from 'svelte';

const documentText = readFileSync(
  'geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt',
  'utf8',
);
const feature = (layer: string, id: string): AtlasFeature =>
  (JSON.parse(readFileSync(`geodata/layers/${layer}.geojson`, 'utf8')) as AtlasLayer).features.find(
    (f) => f.id === id,
  )!;

afterEach(cleanup);

const allFeatures = ['areas', 'borders', 'routes', 'places'].flatMap(
  (layer) =>
    (JSON.parse(readFileSync(`geodata/layers/${layer}.geojson`, 'utf8')) as AtlasLayer).features,
);
const relationsOf = mentionRelations(allFeatures);
const text = () => document.body.textContent!.replace(/\s+/g, ' ');

describe('the popup’s frame', () => {
  it('is headed by the name, with a close button that says what it closes', () => {
    const onClose = vi.fn();
    render(PopupFrame, {
      title: 'Lachin road',
      onClose,
      children: createRawSnippet(() => ({ render: () => '<p>body</p>' })),
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Lachin road');
    expect(screen.getByRole('region', { name: 'Lachin road' })).toBeTruthy();
    screen.getByRole('button', { name: 'Close Lachin road' }).click();
    expect(onClose).toHaveBeenCalledOnce();
    // The header (name and button) stays outside the part that scrolls, above it.
    const header = document.querySelector('.popup-header')!;
    expect(header.nextElementSibling!.classList.contains('popup-scroll')).toBe(true);
    expect(header.closest('.popup-scroll')).toBeNull();
    expect(document.querySelector('.popup-scroll')!.textContent).toBe('body');
  });
});

describe('the popup content', () => {
  it('shows other names, kind, geometry in words, length and excerpts', () => {
    render(PopupContent, {
      feature: feature('routes', 'lachin-road'),
      documentText,
      onShowInText: () => {},
    });
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

  it('says when every mention of a place is inside a longer name, in the count and the excerpts', () => {
    const khankendi = feature('places', 'khankendi');
    render(PopupContent, {
      feature: khankendi,
      documentText,
      onShowInText: () => {},
      relations: relationsOf('khankendi'),
    });
    expect(text()).toContain(
      'What the text says (2 mentions, named within “Aghdam-Khankendi road”)',
    );
    expect(
      [...document.querySelectorAll('.excerpt .section-note')].map((n) => n.textContent),
    ).toEqual(['within “Aghdam-Khankendi road”', 'within “Aghdam-Khankendi road”']);
  });

  it('lists the places named within a compound name, each a button that opens it', () => {
    const onOpen = vi.fn();
    render(PopupContent, {
      feature: feature('routes', 'aghdam-khankendi-road'),
      documentText,
      onShowInText: () => {},
      relations: relationsOf('aghdam-khankendi-road'),
      nameOf: (id: string) => ({ aghdam: 'Aghdam', khankendi: 'Khankendi' })[id] ?? id,
      onOpen,
    });
    expect(text()).toContain('Named within it: Aghdam, Khankendi');
    screen.getByRole('button', { name: 'Khankendi' }).click();
    expect(onOpen).toHaveBeenCalledWith('khankendi');
    expect(text()).toContain('What the text says (2 mentions)');
  });

  it('links the other line of the Lachin road, whose mentions are the same words', () => {
    const onOpen = vi.fn();
    render(PopupContent, {
      feature: feature('routes', 'lachin-road'),
      documentText,
      onShowInText: () => {},
      relations: relationsOf('lachin-road'),
      nameOf: () => 'Lachin road (10 November 2020 to 30 August 2022)',
      onOpen,
    });
    expect(text()).toContain(
      'The same words in the text also name: Lachin road (10 November 2020 to 30 August 2022)',
    );
    screen.getByRole('button', { name: /Lachin road \(10 November 2020/ }).click();
    expect(onOpen).toHaveBeenCalledWith('lachin-road-2020-2022');
  });

  it('marks a place only the page’s related posts name', () => {
    render(PopupContent, {
      feature: feature('places', 'islamabad'),
      documentText,
      onShowInText: () => {},
      relations: relationsOf('islamabad'),
    });
    expect(text()).toContain('named only in the page’s related posts');
    cleanup();
    render(PopupContent, {
      feature: feature('places', 'yevlakh'),
      documentText,
      onShowInText: () => {},
      relations: relationsOf('yevlakh'),
    });
    expect(text()).not.toContain('related posts');
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

  it('lists every property as text, and links only web addresses', () => {
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
