import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { checkpointIcon } from '../../src/lib/map/icons.ts';
import {
  buildAtlasStyle,
  INTERACTIVE_LAYER_IDS,
  mapFeatures,
  type BasemapData,
} from '../../src/lib/map/style.ts';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const basemap: BasemapData = {
  countries: readJson('geodata/basemap/countries.geojson'),
  countryLabels: readJson('geodata/basemap/country-labels.geojson'),
  sea: readJson('geodata/basemap/sea.geojson'),
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

  it('needs no server: no glyphs, sprite or tile URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style.sources)).not.toMatch(/https?:\/\//);
  });

  it('credits Natural Earth and draws every interactive layer it names', () => {
    expect(JSON.stringify(style.sources)).toContain('Natural Earth');
    const ids = style.layers.map((layer) => layer.id);
    for (const id of INTERACTIVE_LAYER_IDS) expect(ids).toContain(id);
  });

  it('draws schematic routes dashed and dated ones dotted, each route its own colour', () => {
    const routeLine = style.layers.find((layer) => layer.id === 'routes-line')!;
    const paint = JSON.stringify((routeLine as { paint: unknown }).paint);
    expect(paint).toContain('schematic');
    expect(paint).toContain('validTo');
    const routes = layers.find((layer) => layer.layer === 'routes')!;
    for (const route of routes.features) expect(paint).toContain(route.id);
  });

  it('gives the map flat properties only, keyed by the feature id', () => {
    const places = mapFeatures(layers.find((layer) => layer.layer === 'places')!);
    for (const feature of places.features) {
      expect(feature.properties!.atlasId).toBe(feature.id);
      for (const value of Object.values(feature.properties!))
        expect(typeof value).not.toBe('object');
    }
  });
});

describe('the checkpoint icon', () => {
  it('is a square image, opaque inside its diamond and transparent in its corners', () => {
    const icon = checkpointIcon(32);
    expect(icon.data.length).toBe(32 * 32 * 4);
    const alpha = (x: number, y: number) => icon.data[(y * 32 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(16, 16)).toBe(255);
  });
});
