import {
  featureFilter,
  validateStyleMin,
  type FilterSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';
import {
  ATLAS_SOURCE,
  BASEMAP_SOURCE,
  CONTEXT_SOURCE,
  mapFeatures,
  type BasemapData,
} from '../../src/lib/map/style/features.ts';
import {
  importedLayerStyle,
  importedSource,
  IMPORTED_LAYERS_BEFORE,
} from '../../src/lib/map/style/imported-layers.ts';
import { rehide } from '../../src/lib/map/style/atlas-layers.ts';
import { buildAtlasStyle } from '../../src/lib/map/style/index.ts';
import { HIGHLIGHT_SOURCE, interactiveLayerIds } from '../../src/lib/map/style/interaction.ts';
import { DASHES, ROUTE_PALETTE } from '../../src/lib/map/style/theme.ts';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const basemap: BasemapData = {
  countries: readJson('geodata/basemap/countries.geojson'),
  countryLabels: readJson('geodata/basemap/country-labels.geojson'),
  bounds: BASEMAP_BOUNDS,
};
const layers: AtlasLayer[] = ['areas', 'borders', 'routes', 'places'].map((name) =>
  readJson(`geodata/layers/${name}.geojson`),
);

describe('the map style', () => {
  const style = buildAtlasStyle({ basemap, layers });

  it('is valid by the MapLibre style spec', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('stays valid with no atlas layers at all (only the basemap)', () => {
    expect(validateStyleMin(buildAtlasStyle({ basemap, layers: [] }))).toEqual([]);
  });

  // The map does not validate at run time (the styles are checked here): imported layers, which
  // the page adds to the map later, are checked here too, drawn as points or in clusters.
  it('stays valid with imported layers added, as the map adds them', () => {
    for (const clustered of [false, true]) {
      const before = style.layers.findIndex((layer) => layer.id === IMPORTED_LAYERS_BEFORE);
      const withImport = {
        ...style,
        sources: {
          ...style.sources,
          'import-1': importedSource('atlas-import://blob%3Ahttp%3A%2F%2F127.0.0.1%2Fx', clustered),
        },
        layers: [
          ...style.layers.slice(0, before),
          ...importedLayerStyle('import-1', '#332288', { clustered, labelProperty: 'name' }),
          ...style.layers.slice(before),
        ],
      };
      expect(validateStyleMin(withImport)).toEqual([]);
    }
  });

  it('needs no server: no glyphs, sprite or tile URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style.sources)).not.toMatch(/https?:\/\//);
  });

  it('credits Natural Earth', () => {
    expect(JSON.stringify(style.sources)).toContain('Natural Earth');
  });

  it('lets a click pick points before lines before area labels, and nothing of the basemap', () => {
    const picked = interactiveLayerIds(style.layers);
    expect(picked).toEqual([
      'places-checkpoint',
      'places-settlement-related',
      'places-settlement',
      'routes-line-lachin-road',
      'routes-line-lachin-road-2020-2022',
      'routes-line-aghdam-khankendi-road',
      'borders-line',
      'areas-label-country-related',
      'areas-label-region-related',
      'areas-label-country',
      'areas-label-region',
    ]);
    // Imported layers are picked before all of them.
    const imported = importedLayerStyle('import-1', '#332288');
    expect(interactiveLayerIds([...style.layers, ...imported]).slice(0, 3)).toEqual([
      'import-1-fill',
      'import-1-line',
      'import-1-circle',
    ]);
  });

  it('draws schematic routes dashed and dated ones dotted, each route its own colour', () => {
    const routes = layers.find((layer) => layer.layer === 'routes')!;
    const paintOf = (id: string) =>
      (style.layers.find((layer) => layer.id === id) as { paint: Record<string, unknown> }).paint;
    routes.features.forEach((route, index) => {
      const paint = paintOf(`routes-line-${route.id}`);
      expect(paint['line-color']).toBe(ROUTE_PALETTE[index]);
      expect(paint['line-dasharray']).toEqual(
        route.properties.validTo ? DASHES.dated : DASHES.schematic,
      );
      expect(paintOf(`routes-label-${route.id}`)['text-color']).toBe(ROUTE_PALETTE[index]);
    });
    expect(new Set(routes.features.map((_, index) => ROUTE_PALETTE[index])).size).toBe(
      routes.features.length,
    );
  });

  it('keeps every paint property constant, so that each layer type needs one shader', () => {
    // A data-driven or feature-state paint value makes MapLibre compile another shader program,
    // which costs the first frames 100–400 ms where WebGL runs in software.
    for (const layer of [...style.layers, ...importedLayerStyle('import-1', '#332288')]) {
      for (const [property, value] of Object.entries(
        (layer as { paint?: Record<string, unknown> }).paint ?? {},
      )) {
        const constant =
          typeof value !== 'object' ||
          (Array.isArray(value) && value.every((item) => typeof item === 'number'));
        expect(constant, `${layer.id} ${property}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
    expect(JSON.stringify(style)).not.toContain('feature-state');
    // No icons either (another shader): every symbol is text, the checkpoint is circles.
    for (const layer of style.layers)
      if (layer.type === 'symbol') expect(layer.layout, layer.id).not.toHaveProperty('icon-image');
  });

  it('has four sources: the basemap, its context, every atlas layer, and the highlight', () => {
    expect(Object.keys(style.sources).sort()).toEqual(
      [ATLAS_SOURCE, BASEMAP_SOURCE, CONTEXT_SOURCE, HIGHLIGHT_SOURCE].sort(),
    );
    const atlas = style.sources[ATLAS_SOURCE] as { data: FeatureCollection };
    expect(atlas.data.features.map((feature) => feature.id)).toEqual(
      layers.flatMap((layer) => layer.features.map((feature) => feature.id)),
    );
    // Each atlas style layer draws only its own layer's features; the muted ones only those the
    // page's related posts alone name, and together all of them.
    const drawnByRelated = new Set<unknown>();
    style.layers.forEach((layer, index) => {
      const group = (layer.metadata as { 'atlas:group': string })['atlas:group'];
      if (!('source' in layer) || layer.source !== ATLAS_SOURCE) return;
      const filter = featureFilter(
        (layer as { filter?: FilterSpecification }).filter,
        `layers[${index}].filter`,
      );
      const drawn = atlas.data.features.filter((feature) =>
        filter.filter({ zoom: 6 }, {
          type: 1,
          properties: feature.properties!,
          geometry: [],
        } as never),
      );
      const muted = layer.id.endsWith('-related');
      if (!muted) expect(drawn.length, layer.id).toBeGreaterThan(0);
      for (const feature of drawn) {
        expect(feature.properties!.layer, layer.id).toBe(group);
        expect(feature.properties!.section === 'related', layer.id).toBe(muted);
        if (muted) drawnByRelated.add(feature.id);
      }
    });
    expect([...drawnByRelated].sort()).toEqual(
      ['indonesia', 'islamabad', 'pakistan', 'shusha', 'sri-lanka'].sort(),
    );
  });

  it('leaves out the features it is told to hide, from every layer of the atlas, and swaps them', () => {
    const hidden = ['lachin-road-2020-2022', 'shusha'];
    const hiding = buildAtlasStyle({ basemap, layers, hiddenFeatureIds: hidden });
    expect(validateStyleMin(hiding)).toEqual([]);
    const atlas = hiding.sources[ATLAS_SOURCE] as { data: FeatureCollection };
    const drawnBy = (filter: unknown) =>
      atlas.data.features
        .filter((feature) =>
          featureFilter(filter as FilterSpecification, 'layers[0].filter').filter({ zoom: 6 }, {
            type: 1,
            properties: feature.properties!,
            geometry: [],
          } as never),
        )
        .map((feature) => feature.id);
    const atlasLayers = hiding.layers.filter(
      (layer) => 'source' in layer && layer.source === ATLAS_SOURCE,
    ) as { id: string; filter: unknown }[];
    const everything = new Set(atlasLayers.flatMap((layer) => drawnBy(layer.filter)));
    for (const id of hidden) expect(everything.has(id), id).toBe(false);
    expect(everything.has('lachin-road')).toBe(true);
    // The map swaps the hidden features alone: the old line back, Yevlakh gone.
    const settlements = atlasLayers.find((layer) => layer.id === 'places-settlement')!;
    const swapped = rehide(settlements.filter, ['yevlakh']);
    expect(drawnBy(swapped)).toContain('khankendi');
    expect(drawnBy(swapped)).not.toContain('yevlakh');
    const line = atlasLayers.find((layer) => layer.id === 'routes-line-lachin-road-2020-2022')!;
    expect(drawnBy(line.filter)).toEqual([]);
    expect(drawnBy(rehide(line.filter, []))).toEqual(['lachin-road-2020-2022']);
    // A filter it did not make is not its to change.
    expect(rehide(['==', ['get', 'kind'], 'route'], [])).toBeNull();
  });

  it('draws highlights from a source of their own, empty and hidden until something is hovered or chosen', () => {
    expect(style.sources[HIGHLIGHT_SOURCE]).toEqual({
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
    });
    const highlightLayers = style.layers.filter(
      (layer) => 'source' in layer && layer.source === HIGHLIGHT_SOURCE,
    );
    expect(highlightLayers.map((layer) => layer.id)).toEqual([
      'highlight-border',
      'highlight-route',
      'highlight-area-label',
      'highlight-settlement',
      'highlight-checkpoint',
      'highlight-imported-line',
      'highlight-imported-circle',
    ]);
    for (const layer of highlightLayers) {
      // Hidden, so that the empty source loads no tiles for the first view.
      expect((layer.layout as { visibility?: string }).visibility, layer.id).toBe('none');
      // Never picked: a click goes to the feature itself.
      expect(interactiveLayerIds(style.layers)).not.toContain(layer.id);
    }
  });

  it('has no background layer: the sea is the container’s colour, the world under the box', () => {
    expect(style.layers.some((layer) => layer.type === 'background')).toBe(false);
    const basemapSource = style.sources[BASEMAP_SOURCE] as { data: FeatureCollection<Polygon> };
    const boxes = basemapSource.data.features.filter(
      (feature) => feature.properties!.basemap === 'box',
    );
    expect(boxes).toHaveLength(1);
    const [west, south, east, north] = BASEMAP_BOUNDS;
    expect(boxes[0]!.geometry.coordinates[0]).toEqual(
      expect.arrayContaining([
        [west, south],
        [east, north],
      ]),
    );
    // The world first, then the box in the sea's colour over it, then the region's land.
    expect(style.layers.map((layer) => layer.id).slice(0, 4)).toEqual([
      'context-world-land',
      'context-world-lines',
      'basemap-box',
      'basemap-land',
    ]);
  });

  it('gives the map flat properties only, keyed by the feature id', () => {
    const places = mapFeatures([layers.find((layer) => layer.layer === 'places')!]);
    for (const feature of places.features) {
      expect(feature.properties!.atlasId).toBe(feature.id);
      for (const value of Object.values(feature.properties!))
        expect(typeof value).not.toBe('object');
    }
  });
});
