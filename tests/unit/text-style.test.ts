/**
 * A reader's text's places on the map (src/lib/map/style/text-layers.ts): valid by the style
 * spec beside the atlas's style, a suggestion drawn apart from a confirmed place with constant
 * paint only (one shader per layer type), and picked before the atlas's own features.
 */
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';
import { IMPORTED_LAYERS_BEFORE } from '../../src/lib/map/style/imported-highlight.ts';
import { buildAtlasStyle } from '../../src/lib/map/style/index.ts';
import { interactiveLayerIds } from '../../src/lib/map/style/interaction.ts';
import {
  textLayerStyle,
  textMapFeatures,
  textSource,
} from '../../src/lib/map/style/text-layers.ts';
import type { TextFeature } from '../../src/lib/texts/review.ts';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const style = buildAtlasStyle({
  basemap: {
    countries: readJson('geodata/basemap/countries.geojson'),
    countryLabels: readJson('geodata/basemap/country-labels.geojson'),
    bounds: BASEMAP_BOUNDS,
  },
  layers: ['areas', 'borders', 'routes', 'places'].map((name) =>
    readJson(`geodata/layers/${name}.geojson`),
  ),
});

const feature = (id: string, certainty: 'suggested' | 'confirmed', line = false) =>
  ({
    type: 'Feature',
    id,
    geometry: line
      ? {
          type: 'LineString',
          coordinates: [
            [41, 41],
            [42, 42],
          ],
        }
      : { type: 'Point', coordinates: [41, 41] },
    properties: { name: id, certainty, mentions: [] },
  }) as unknown as TextFeature;

describe('a text’s places on the map', () => {
  const data = textMapFeatures([
    feature('batumi', 'suggested'),
    feature('poti', 'confirmed'),
    feature('batumi-poti-route', 'suggested', true),
  ]);
  const layers = textLayerStyle('text-1', '#117733');

  it('is valid beside the atlas’s style, as the map adds it', () => {
    const before = style.layers.findIndex((layer) => layer.id === IMPORTED_LAYERS_BEFORE);
    const withText = {
      ...style,
      sources: { ...style.sources, 'text-1': textSource(data) },
      layers: [...style.layers.slice(0, before), ...layers, ...style.layers.slice(before)],
    };
    expect(validateStyleMin(withText)).toEqual([]);
  });

  it('draws a suggestion and a confirmed place in layers of their own, paint constant', () => {
    const drawnBy = (layerId: string) => {
      const layer = layers.find((candidate) => candidate.id === layerId)!;
      const filter = featureFilter((layer as unknown as { filter: never }).filter, 'filter');
      return data.features
        .filter((f) =>
          filter.filter({ zoom: 8 }, {
            type: f.geometry.type === 'Point' ? 1 : 2,
            properties: f.properties,
            geometry: [],
          } as never),
        )
        .map((f) => f.properties!.featureId);
    };
    expect(drawnBy('text-1-suggested')).toEqual(['batumi']);
    expect(drawnBy('text-1-confirmed')).toEqual(['poti']);
    expect(drawnBy('text-1-line-suggested')).toEqual(['batumi-poti-route']);
    const paintOf = (id: string) =>
      (layers.find((layer) => layer.id === id) as { paint: Record<string, unknown> }).paint;
    // Hollow against filled.
    expect(paintOf('text-1-suggested')['circle-color']).not.toBe('#117733');
    expect(paintOf('text-1-suggested')['circle-stroke-color']).toBe('#117733');
    expect(paintOf('text-1-confirmed')['circle-color']).toBe('#117733');
    for (const layer of layers)
      for (const [property, value] of Object.entries(
        (layer as { paint?: Record<string, unknown> }).paint ?? {},
      ))
        expect(
          typeof value !== 'object' ||
            (Array.isArray(value) && value.every((v) => typeof v === 'number')),
          `${layer.id} ${property}`,
        ).toBe(true);
  });

  it('is picked before the atlas’s own features', () => {
    expect(
      interactiveLayerIds([...style.layers, ...layers])
        .slice(0, 4)
        .sort(),
    ).toEqual([
      'text-1-confirmed',
      'text-1-line-confirmed',
      'text-1-line-suggested',
      'text-1-suggested',
    ]);
  });
});
