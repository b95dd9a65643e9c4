/**
 * What the atlas puts on what a reader takes out of it: the quotation and the links
 * (src/lib/ui/quotation.ts), the clipboard's outcomes (clipboard.ts), the legend of what is
 * shown (visible-legend.ts) and the words around a map image or a printout (publication.ts).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { buildAtlasStyle } from '../../src/lib/map/style/index.ts';
import type { BasemapData } from '../../src/lib/map/style/features.ts';
import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';
import { COLOURS, DASHES, ROUTE_PALETTE } from '../../src/lib/map/style/theme.ts';
import { AtlasState } from '../../src/lib/ui/atlas-state.svelte.ts';
import { copyText } from '../../src/lib/ui/clipboard.ts';
import type { ImportedLayerEntry } from '../../src/lib/ui/layer-model.ts';
import { publicationText } from '../../src/lib/ui/publication.ts';
import { placeLink, quotationText } from '../../src/lib/ui/quotation.ts';
import { DRAWN, visibleLegend } from '../../src/lib/ui/visible-legend.ts';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const layers: AtlasLayer[] = ['areas', 'borders', 'routes', 'places'].map((name) =>
  readJson(`geodata/layers/${name}.geojson`),
);
const CITATION =
  'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure that ' +
  'the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
  'web address not established';

describe('a place’s link', () => {
  it('keeps the view and sets the feature, replacing another', () => {
    expect(placeLink('https://atlas.example/#map=9.00/39.80000/46.70000', 'yevlakh')).toBe(
      'https://atlas.example/#map=9.00/39.80000/46.70000&feature=yevlakh',
    );
    expect(
      placeLink('https://atlas.example/a/?x=1#map=9.00/39.80000/46.70000&feature=baku', 'yevlakh'),
    ).toBe('https://atlas.example/a/?x=1#map=9.00/39.80000/46.70000&feature=yevlakh');
    expect(placeLink('https://atlas.example/', 'yevlakh')).toBe(
      'https://atlas.example/#feature=yevlakh',
    );
  });

  it('keeps the fragment’s other parameters, a date say, and a reader’s feature’s slash', () => {
    expect(
      placeLink('https://atlas.example/#map=9.00/39.8/46.7&asof=2021-06-01', 'import-2/5'),
    ).toBe('https://atlas.example/#map=9.00/39.80000/46.70000&feature=import-2/5&asof=2021-06-01');
    expect(placeLink('https://atlas.example/#map=9.00/39.8/46.7&layout=wide', 'yevlakh')).toBe(
      'https://atlas.example/#map=9.00/39.80000/46.70000&feature=yevlakh&layout=wide',
    );
  });

  it('names a place of the reader’s text shown in the panel by its own id beside the text', () => {
    expect(
      placeLink('https://atlas.example/#map=7.00/42.0/42.0&text=text-1', 'text-1/kutaisi'),
    ).toBe('https://atlas.example/#map=7.00/42.00000/42.00000&text=text-1&feature=kutaisi');
  });
});

describe('a quotation', () => {
  it('is the excerpt in quotation marks as it is, the citation and the link, a line each', () => {
    const excerpt = 'They said “no” — and left.';
    expect(quotationText(excerpt, CITATION, 'https://atlas.example/#feature=x')).toBe(
      `“They said “no” — and left.”\n${CITATION}\nhttps://atlas.example/#feature=x`,
    );
  });
});

describe('the clipboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says whether the text was copied, and why not', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('a')).toEqual({ copied: true });
    expect(writeText).toHaveBeenCalledWith('a');

    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    expect(await copyText('a')).toEqual({
      copied: false,
      reason: 'the browser did not allow the page to copy',
    });

    vi.stubGlobal('navigator', {});
    expect(await copyText('a')).toEqual({
      copied: false,
      reason: 'this browser offers the page no clipboard here',
    });
  });
});

const importedLayer = (visible: boolean): ImportedLayerEntry =>
  ({
    id: 'import-1',
    name: 'my wells',
    origin: 'imported',
    visible,
    colour: '#332288',
    clustered: false,
    labelProperty: null,
    swapSuggested: false,
    data: { geometryTypes: ['Point', 'LineString'] },
  }) as unknown as ImportedLayerEntry;

describe('the legend of what is shown', () => {
  const atlas = new AtlasState(layers);

  it('lists each route in its colour and dash, the places, the border and the areas', () => {
    const legend = visibleLegend(atlas.layers);
    const routes = layers.find((layer) => layer.layer === 'routes')!.features;
    expect(legend.slice(0, routes.length).map((entry) => entry.label)).toEqual(
      routes.map((route) => route.properties.name),
    );
    expect(legend[0]!.symbol).toEqual({
      type: 'line',
      colour: ROUTE_PALETTE[0],
      width: DRAWN.routeWidth,
      dashes: DASHES.schematic,
    });
    expect(legend.map((entry) => entry.label)).toEqual(
      expect.arrayContaining(['Settlement', 'Checkpoint']),
    );
    expect(legend.at(-1)!.symbol).toEqual({ type: 'label', colour: COLOURS.region });
  });

  it('draws with the widths and radii of the map’s style', () => {
    const basemap: BasemapData = {
      countries: readJson('geodata/basemap/countries.geojson'),
      countryLabels: readJson('geodata/basemap/country-labels.geojson'),
      bounds: BASEMAP_BOUNDS,
    };
    const style = buildAtlasStyle({ basemap, layers });
    const paint = (id: string) =>
      style.layers.find((layer) => layer.id === id)!.paint as Record<string, unknown>;
    expect(paint('routes-line-lachin-road')['line-width']).toBe(DRAWN.routeWidth);
    expect(paint('borders-line')['line-width']).toBe(DRAWN.borderWidth);
    expect(paint('places-settlement')['circle-radius']).toBe(DRAWN.settlementRadius);
    expect(paint('places-checkpoint')['circle-radius']).toBe(DRAWN.checkpointRadius);
    expect(paint('places-checkpoint-centre')['circle-radius']).toBe(DRAWN.checkpointCentreRadius);
    expect(paint('places-settlement')['circle-stroke-width']).toBe(DRAWN.markerOutlineWidth);
  });

  it('leaves out a layer switched off, and lists the reader’s layers that are on', () => {
    const state = new AtlasState(layers);
    state.setVisible('routes', false);
    state.addLayer(importedLayer(true));
    const legend = visibleLegend(state.layers);
    const colours = legend.map((entry) => 'colour' in entry.symbol && entry.symbol.colour);
    expect(colours).toEqual(expect.arrayContaining([COLOURS.settlement, COLOURS.border]));
    for (const colour of ROUTE_PALETTE) expect(colours).not.toContain(colour);
    expect(legend.some((entry) => entry.label.startsWith('Dashed'))).toBe(false);
    expect(legend.at(-1)).toEqual({
      symbol: { type: 'layer', colour: '#332288', point: true, line: true, area: false },
      label: 'Your layer “my wells”',
    });
    state.setVisible('import-1', false);
    expect(visibleLegend(state.layers).some((entry) => entry.label.includes('my wells'))).toBe(
      false,
    );
  });

  it('at an “as of” date, lists only what held then', () => {
    const state = new AtlasState(layers);
    const labelsAt = (date: string) => {
      state.setAsOf(date);
      return visibleLegend(state.layers, (id) => state.isShown(id)).map(
        (entry) => `${entry.label} ${entry.detail ?? ''}`,
      );
    };
    // The Lachin road's line through Lachin town held until 30 August 2022; the checkpoint came
    // on 23 April 2023.
    expect(labelsAt('2021-06-01').filter((label) => label.startsWith('Lachin road'))).toEqual([
      'Lachin road 10 November 2020 to 30 August 2022',
    ]);
    expect(labelsAt('2021-06-01')).not.toContain('Checkpoint ');
    expect(labelsAt('2023-08-01').filter((label) => label.startsWith('Lachin road'))).toEqual([
      'Lachin road from 30 August 2022',
    ]);
    expect(labelsAt('2023-08-01')).toContain('Checkpoint ');
  });

  it('marks the places only the related posts name, and leaves them out with the switch', () => {
    const state = new AtlasState(layers);
    const related = (legend: ReturnType<typeof visibleLegend>) =>
      legend.filter((entry) => entry.label.includes('related posts'));
    expect(related(visibleLegend(state.layers, (id) => state.isShown(id)))).toEqual([
      expect.objectContaining({
        symbol: expect.objectContaining({
          colour: COLOURS.relatedOnlyFill,
          outline: COLOURS.relatedOnly,
        }),
      }),
    ]);
    state.setStatementOnly(true);
    expect(related(visibleLegend(state.layers, (id) => state.isShown(id)))).toEqual([]);
  });
});

describe('the words around a map image or a printout', () => {
  it('give the title, the publisher and date, the citation and every data source', () => {
    const text = publicationText(new AtlasState(layers));
    expect(text.title).toBe(
      'It is important to ensure that the historic opportunity for durable peace is not missed',
    );
    expect(text.subtitle).toBe(
      'Ministry of Foreign Affairs of the Republic of Azerbaijan, 14 August 2023',
    );
    // The map shows the document's date unless the reader picks another.
    expect(text.asOf).toBe('As of 14 August 2023: the map shows what held on that date.');
    expect(text.credits[0]).toBe(`Source: ${CITATION}.`);
    for (const source of ['Natural Earth', 'GeoNames (CC BY 4.0)', 'GSHHG/WDBII']) {
      expect(text.credits[1]).toContain(source);
    }
  });

  it('say the “as of” date the reader chose, and name a reader’s layer as theirs', () => {
    const atlas = new AtlasState(layers);
    atlas.setAsOf('2021-06-01');
    atlas.addLayer(importedLayer(true));
    const text = publicationText(atlas);
    expect(text.asOf).toBe('As of 1 June 2021: the map shows what held on that date.');
    expect(text.credits.at(-1)).toBe(
      '“my wells”: a layer the reader added, not from the document.',
    );
  });
});
