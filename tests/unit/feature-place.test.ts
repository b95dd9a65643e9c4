import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import fc from 'fast-check';
import type { Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBounds, popupAnchor, unionBounds } from '../../src/lib/geo/feature-place.ts';

const position = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
);
const positions = (min: number) => fc.array(position, { minLength: min, maxLength: 8 });
const geometry: fc.Arbitrary<Geometry> = fc.oneof(
  position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
  positions(1).map((coordinates) => ({ type: 'MultiPoint' as const, coordinates })),
  positions(2).map((coordinates) => ({ type: 'LineString' as const, coordinates })),
  fc.array(positions(2), { minLength: 1, maxLength: 3 }).map((coordinates) => ({
    type: 'MultiLineString' as const,
    coordinates,
  })),
  fc
    .array(fc.array(positions(3), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
    .map((polygons) => ({
      type: 'MultiPolygon' as const,
      // Closed rings, as GeoJSON has them.
      coordinates: polygons.map((rings) => rings.map((ring) => [...ring, ring[0]!])),
    })),
);

describe('featureBounds', () => {
  it('is the box turf draws around every kind of geometry', () => {
    fc.assert(
      fc.property(geometry, (shape) => {
        expect(featureBounds(shape)).toEqual(
          bbox({ type: 'Feature', geometry: shape, properties: {} }).slice(0, 4),
        );
      }),
    );
  });

  it('walks into geometry collections, and has no box for a geometry with no positions', () => {
    expect(
      featureBounds({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [46, 40] },
          {
            type: 'LineString',
            coordinates: [
              [45, 39],
              [47.5, 41],
            ],
          },
        ],
      }),
    ).toEqual([45, 39, 47.5, 41]);
    expect(featureBounds({ type: 'MultiPoint', coordinates: [] })).toEqual([
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
    ]);
  });

  it('unites boxes', () => {
    expect(
      unionBounds([
        [46, 39, 47, 40],
        [45.5, 39.5, 46.5, 41],
      ]),
    ).toEqual([45.5, 39, 47, 41]);
  });
});

describe('popupAnchor', () => {
  it('is the point itself for a point', async () => {
    expect(await popupAnchor({ type: 'Point', coordinates: [46.75, 39.81] })).toEqual([
      46.75, 39.81,
    ]);
  });

  it('is the middle of a line, measured along it', async () => {
    // Two legs of very different lengths: the middle lies on the long one.
    const coordinates: Position[] = [
      [46.0, 39.0],
      [46.1, 39.0],
      [47.0, 40.0],
    ];
    const [x, y] = await popupAnchor({ type: 'LineString', coordinates });
    const fromStart =
      distance(coordinates[0]!, coordinates[1]!) + distance(coordinates[1]!, [x, y]);
    const toEnd = distance([x, y], coordinates[2]!);
    expect(fromStart).toBeCloseTo(toEnd, 3);
    expect(x).toBeGreaterThan(46.1);
  });

  it('is inside a polygon, even a concave one whose centre lies outside it', async () => {
    const horseshoe: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [46, 39],
          [47, 39],
          [47, 40],
          [46.8, 40],
          [46.8, 39.2],
          [46.2, 39.2],
          [46.2, 40],
          [46, 40],
          [46, 39],
        ],
      ],
    };
    const anchor = await popupAnchor(horseshoe);
    expect(booleanPointInPolygon(anchor, horseshoe)).toBe(true);
  });
});
