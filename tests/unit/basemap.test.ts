/**
 * Checks the committed offline basemap in geodata/basemap/ (derived by
 * scripts/build-basemap.ts) without regenerating it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';

import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';

type PolygonRings = Position[][];
type AreaGeometry = Polygon | MultiPolygon;

interface CountryProperties {
  id: string;
  name: string;
}

const BASEMAP_DIRECTORY = new URL('../../geodata/basemap/', import.meta.url);
const [WEST, SOUTH, EAST, NORTH] = BASEMAP_BOUNDS;
const AZERBAIJAN_ID = '031';
const ARMENIA_ID = '051';
/** Open Caspian water north of the Absheron peninsula. */
const CASPIAN_WATER_POINT: Position = [50.5, 41];
/** West of the Caspian's westernmost shore inside the bounds (Dagestan, about 47.98°E). */
const CASPIAN_WEST_COAST = 47.9;
/** Central Baku: on land, so in Azerbaijan and not in the sea. */
const BAKU_POINT: Position = [49.87, 40.41];

function readLayer<Geometry extends AreaGeometry | Point, Properties>(
  fileName: string,
): FeatureCollection<Geometry, Properties> {
  const path = fileURLToPath(new URL(fileName, BASEMAP_DIRECTORY));
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Geometry, Properties>;
}

const countries = readLayer<AreaGeometry, CountryProperties>('countries.geojson');
const labels = readLayer<Point, CountryProperties>('country-labels.geojson');
const areaLayers = { countries };

function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function allPositions(collection: FeatureCollection<AreaGeometry | Point>): Position[] {
  return collection.features.flatMap((feature) =>
    feature.geometry.type === 'Point'
      ? [feature.geometry.coordinates]
      : polygonsOf(feature.geometry).flat(2),
  );
}

function withinBounds([longitude = Number.NaN, latitude = Number.NaN]: Position): boolean {
  return longitude >= WEST && longitude <= EAST && latitude >= SOUTH && latitude <= NORTH;
}

function decimalPlaces(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

const pointInArea = (point: Position, geometry: AreaGeometry) =>
  booleanPointInPolygon(point, geometry);

function findById<Geometry extends AreaGeometry | Point>(
  collection: FeatureCollection<Geometry, CountryProperties>,
  id: string,
): Feature<Geometry, CountryProperties> | undefined {
  return collection.features.find((feature) => feature.properties.id === id);
}

describe('offline basemap (geodata/basemap)', () => {
  it.each(Object.entries({ ...areaLayers, labels }))(
    '%s: every coordinate lies in the bounds with at most 4 decimals',
    (_name, layer) => {
      const positions = allPositions(layer);
      expect(positions.length).toBeGreaterThan(0);
      expect(positions.filter((position) => position.length !== 2)).toEqual([]);
      expect(positions.filter((position) => !withinBounds(position))).toEqual([]);
      expect(
        positions.filter((position) => position.some((value) => decimalPlaces(value) > 4)),
      ).toEqual([]);
    },
  );

  it.each(Object.entries(areaLayers))(
    '%s: rings are closed, non-degenerate, exteriors counter-clockwise and holes clockwise',
    (_name, layer) => {
      for (const feature of layer.features) {
        for (const [exterior, ...holes] of polygonsOf(feature.geometry)) {
          expect(exterior).toBeDefined();
          expect(booleanClockwise(exterior ?? [])).toBe(false);
          for (const hole of holes) expect(booleanClockwise(hole)).toBe(true);
          for (const ring of [exterior ?? [], ...holes]) {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring[ring.length - 1]);
          }
        }
      }
    },
  );

  it('countries carry exactly { id, name } and include Azerbaijan and Armenia', () => {
    for (const country of countries.features) {
      expect(Object.keys(country.properties).sort()).toEqual(['id', 'name']);
      expect(country.properties.id).toMatch(/^\d{3}$/);
    }
    expect(findById(countries, AZERBAIJAN_ID)?.properties.name).toBe('Azerbaijan');
    expect(findById(countries, ARMENIA_ID)?.properties.name).toBe('Armenia');
  });

  it('labels include Azerbaijan and Armenia, one per country', () => {
    const labelIds = labels.features.map((label) => label.properties.id);
    expect(new Set(labelIds).size).toBe(labelIds.length);
    expect(labelIds).toContain(AZERBAIJAN_ID);
    expect(labelIds).toContain(ARMENIA_ID);
  });

  it('each label lies inside its own country polygon', () => {
    for (const label of labels.features) {
      const country = findById(countries, label.properties.id);
      expect(country, label.properties.name).toBeDefined();
      expect(label.properties.name).toBe(country?.properties.name);
      if (country !== undefined) {
        expect(
          pointInArea(label.geometry.coordinates, country.geometry),
          label.properties.name,
        ).toBe(true);
      }
    }
  });

  it('the sea is what no country covers, and that is the Caspian: open water, not Baku', () => {
    const inSomeCountry = (point: Position) =>
      countries.features.some((country) => pointInArea(point, country.geometry));
    for (const water of [CASPIAN_WATER_POINT, [50, 39.5], [49.5, 42]] as Position[])
      expect(inSomeCountry(water), `${water}`).toBe(false);
    const azerbaijan = findById(countries, AZERBAIJAN_ID);
    expect(azerbaijan && pointInArea(BAKU_POINT, azerbaijan.geometry)).toBe(true);
    // Nothing else in the box is left uncovered: no lake, no gap between countries. The map
    // draws the sea's colour wherever no country is, so any such gap would show as sea.
    const uncoveredWestOfTheCaspian: Position[] = [];
    for (let longitude = WEST + 0.025; longitude < EAST; longitude += 0.05)
      for (let latitude = SOUTH + 0.025; latitude < NORTH; latitude += 0.05)
        if (longitude < CASPIAN_WEST_COAST && !inSomeCountry([longitude, latitude]))
          uncoveredWestOfTheCaspian.push([longitude, latitude]);
    expect(uncoveredWestOfTheCaspian).toEqual([]);
  });
});
