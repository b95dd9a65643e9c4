/**
 * The map's context (geodata/basemap: the world, towns, rivers, lakes, built by
 * scripts/build-basemap.ts) as committed, the town extraction on records of our own, and the
 * context as the style draws it.
 */
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionalTowns, type GazetteerRecord } from '../../scripts/basemap-towns.ts';
import { lettersBeyondLatin } from '../../scripts/basemap-label-glyphs.ts';
import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import {
  CONTEXT_SOURCE,
  contextFeatures,
  type ContextData,
} from '../../src/lib/map/style/features.ts';
import { buildAtlasStyle } from '../../src/lib/map/style/index.ts';

const path = (file: string) => `geodata/basemap/${file}`;
const read = <Collection = FeatureCollection>(file: string): Collection =>
  JSON.parse(readFileSync(path(file), 'utf8'));
const world = read<FeatureCollection<Polygon | MultiPolygon>>('world.geojson');
const worldLabels =
  read<FeatureCollection<Point, { name: string; sizeRank: number }>>('world-labels.geojson');
const cities = read<FeatureCollection<Point>>('cities.geojson');
const towns = read<FeatureCollection<Point>>('towns.geojson');
const rivers = read('rivers.geojson');
const minorRivers = read('rivers-minor.geojson');
const lakes = read<FeatureCollection<Polygon | MultiPolygon>>('lakes.geojson');
const allTowns = [...cities.features, ...towns.features];
const layers: AtlasLayer[] = ['areas', 'borders', 'routes', 'places'].map((name) =>
  JSON.parse(readFileSync(`geodata/layers/${name}.geojson`, 'utf8')),
);
const context: ContextData = {
  world,
  worldLabels,
  lakes,
  rivers: { ...rivers, features: [...rivers.features, ...minorRivers.features] },
  towns: { ...cities, features: allTowns },
};
const townNamed = (name: string) => allTowns.find((town) => town.properties!.name === name);

describe('the context as built', () => {
  it('covers the world outside the box: land on every continent, sea between', () => {
    const onLand = (point: [number, number]) =>
      world.features.some((country) => booleanPointInPolygon(point, country));
    const land: [number, number][] = [
      [2.35, 48.85], // Paris
      [31.2, 30.0], // Cairo
      [116.4, 39.9], // Beijing
      [-74.0, 40.7], // New York
      [-46.6, -23.5], // São Paulo
      [151.2, -33.9], // Sydney
      [37.6, 55.75], // Moscow
      [30, 40], // Anatolia, west of the box
    ];
    for (const point of land) expect(onLand(point), `${point}`).toBe(true);
    for (const sea of [
      [-30, 30],
      [-140, 0],
      [70, -20],
    ] as [number, number][])
      expect(onLand(sea), `${sea}`).toBe(false);
    expect(world.features.length).toBeGreaterThan(150);
  });

  it('names the world’s countries beyond the box, each on its own land, the larger first', () => {
    const byName = new Map(worldLabels.features.map((label) => [label.properties.name, label]));
    // Where a reader's text may take the map: each name where the country is.
    const within: [string, [number, number, number, number]][] = [
      ['Portugal', [-9.6, 36.9, -6.1, 42.2]],
      ['Ukraine', [22, 44.3, 40.3, 52.4]],
      ['Japan', [129, 30, 146, 46]],
      ['Egypt', [24.7, 22, 37, 31.7]],
      ['Brazil', [-74, -34, -34, 5.3]],
      ['Syria', [35.7, 32.3, 42.4, 37.4]],
    ];
    for (const [name, [west, south, east, north]] of within) {
      const [longitude = NaN, latitude = NaN] = byName.get(name)?.geometry.coordinates ?? [];
      expect(longitude >= west && longitude <= east, name).toBe(true);
      expect(latitude >= south && latitude <= north, name).toBe(true);
      const onLand = world.features.some((country) =>
        booleanPointInPolygon([longitude, latitude], country),
      );
      expect(onLand, name).toBe(true);
    }
    // The box names its own countries (country-labels.geojson): never twice.
    for (const name of ['Azerbaijan', 'Armenia', 'Georgia', 'Turkey', 'Iran', 'Russia'])
      expect(byName.has(name), name).toBe(false);
    expect(worldLabels.features.length).toBeGreaterThan(150);
    const rankOf = (name: string) => byName.get(name)!.properties.sizeRank;
    expect(rankOf('Canada')).toBe(1);
    expect(rankOf('Brazil')).toBeLessThan(rankOf('Ukraine'));
    expect(rankOf('Ukraine')).toBeLessThan(rankOf('Portugal'));
  });

  it('labels the towns a reader of either route looks for, each place once', () => {
    for (const name of [
      'Laçın',
      'Goris',
      'Kornidzor',
      'Tegh',
      'Zabux',
      'Əsgəran',
      'Xocalı',
      'Şuşa',
    ])
      expect(townNamed(name), name).toBeDefined();
    expect(townNamed('Laçın')!.properties).toMatchObject({ otherName: 'Berdzor', rank: 3 });
    expect(townNamed('Zabux')!.properties).toMatchObject({ otherName: 'Aghavno', rank: 4 });
    expect(allTowns.length).toBeGreaterThan(500);
    expect(allTowns.length).toBeLessThan(1000);
    expect(cities.features.every((city) => city.properties!.rank === 1)).toBe(true);
    expect(towns.features.every((town) => town.properties!.rank > 1)).toBe(true);
  });

  it('has the major rivers named, the minor ones apart, and the region’s lakes', () => {
    const named = new Set(rivers.features.map((river) => river.properties!.name).filter(Boolean));
    expect([...named].sort()).toEqual(['Aras', 'Kura']);
    expect(rivers.features.every((river) => river.properties!.major)).toBe(true);
    expect(minorRivers.features.some((river) => river.properties!.major)).toBe(false);
    expect(rivers.features.length + minorRivers.features.length).toBeGreaterThan(30);
    const sevan: [number, number] = [45.3, 40.35];
    expect(lakes.features.some((lake) => booleanPointInPolygon(sevan, lake))).toBe(true);
  });

  it('stays small: what the page loads is compact and rounded', () => {
    const kilobytes = (file: string) => statSync(path(file)).size / 1024;
    expect(kilobytes('world.geojson')).toBeLessThan(60);
    expect(kilobytes('world-labels.geojson')).toBeLessThan(30);
    expect(kilobytes('towns.geojson') + kilobytes('cities.geojson')).toBeLessThan(100);
    expect(kilobytes('rivers.geojson') + kilobytes('rivers-minor.geojson')).toBeLessThan(30);
    expect(kilobytes('lakes.geojson')).toBeLessThan(10);
    expect(kilobytes('label-glyphs.woff2')).toBeLessThan(4);
    const [west, south, east, north] = BASEMAP_BOUNDS;
    for (const town of allTowns) {
      const [longitude = NaN, latitude = NaN] = town.geometry.coordinates;
      expect(longitude >= west && longitude <= east && latitude >= south && latitude <= north).toBe(
        true,
      );
    }
  });

  it('has a face for every letter of the names beyond the page’s Latin face', () => {
    const { unicodeRange } = JSON.parse(readFileSync(path('label-glyphs.json'), 'utf8'));
    const names = [
      ...allTowns.flatMap((town) => [
        String(town.properties!.name),
        String(town.properties!.otherName ?? ''),
      ]),
      ...worldLabels.features.map((label) => label.properties.name),
    ];
    const needed = lettersBeyondLatin(names).map(
      (code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    );
    expect(needed).toContain('U+0259'); // ə
    expect(unicodeRange.split(',')).toEqual(needed);
  });
});

describe('the town extraction', () => {
  const record = (overrides: Partial<GazetteerRecord>): GazetteerRecord => ({
    id: 1,
    name: 'Ataville',
    alternateNames: [],
    latitude: 40,
    longitude: 45,
    population: 5000,
    featureCode: 'PPL',
    countryCode: 'AM',
    ...overrides,
  });
  const records = [
    record({ id: 1, name: 'Small', population: 600 }),
    record({ id: 2, name: 'Big', population: 250_000, featureCode: 'PPLC' }),
    record({ id: 3, name: 'Gone', featureCode: 'PPLQ' }),
    record({ id: 4, name: 'Far', longitude: 10 }),
    record({ id: 5, name: 'Duoburg', alternateNames: ['Duo', 'Other'], population: 20_000 }),
  ];
  const curated = {
    labels: [{ id: 5, name: 'Duo', otherName: 'Other', why: 'two names' }],
    villages: [],
  };

  it('keeps the places people live in inside the box, most populous first, ranked', () => {
    const towns = regionalTowns(records, [43, 38, 51, 42.5], curated);
    expect(towns.map((town) => town.properties)).toEqual([
      { name: 'Big', rank: 1 },
      { name: 'Duo', otherName: 'Other', rank: 2 },
      { name: 'Small', rank: 4 },
    ]);
    expect(regionalTowns(records, [43, 38, 51, 42.5], curated)).toEqual(towns);
  });

  it('refuses a curated label that is not one of the place’s own names', () => {
    const wrong = {
      labels: [{ id: 5, name: 'Duo', otherName: 'Invented', why: '' }],
      villages: [],
    };
    expect(() => regionalTowns(records, [43, 38, 51, 42.5], wrong)).toThrow(/Invented/);
  });
});

describe('the context on the map', () => {
  const features = contextFeatures(context, layers);

  it('leaves out the towns the document shows as its own places', () => {
    const names = features.features
      .filter((feature) => feature.properties!.context === 'town')
      .map((town) => town.properties!.name);
    expect(names).not.toContain('Xankəndi');
    expect(names).not.toContain('Şuşa');
    expect(names).toContain('Laçın');
    expect(names).toContain('Kornidzor');
  });

  it('is valid by the style spec with its data in, and every context layer draws something', () => {
    const style = buildAtlasStyle({
      basemap: {
        countries: read('countries.geojson'),
        countryLabels: read('country-labels.geojson'),
        bounds: BASEMAP_BOUNDS,
      },
      layers,
    });
    style.sources[CONTEXT_SOURCE] = { type: 'geojson', data: features };
    expect(validateStyleMin(style)).toEqual([]);
    const contextLayers = style.layers.filter(
      (layer) => 'source' in layer && layer.source === CONTEXT_SOURCE,
    );
    expect(contextLayers.length).toBeGreaterThanOrEqual(9);
    for (const layer of contextLayers) {
      const filter = featureFilter('filter' in layer ? layer.filter : undefined, 'filter');
      const drawn = features.features.filter((feature: Feature) =>
        filter.filter({ zoom: 12 }, { type: 1, properties: feature.properties ?? {} } as never),
      );
      expect(drawn.length, layer.id).toBeGreaterThan(0);
    }
  });
});
