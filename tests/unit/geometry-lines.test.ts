/** A geometry as its lines (src/lib/geo/geometry-lines.ts): what a popup is placed beside. */
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../src/lib/geo/geometry-lines.ts';

const ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];

describe('linesOf', () => {
  it('gives a point, and each point of many, as a line of one position', () => {
    expect(linesOf({ type: 'Point', coordinates: [1, 2] })).toEqual([[[1, 2]]]);
    expect(
      linesOf({
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual([[[1, 2]], [[3, 4]]]);
  });

  it('gives lines as they are, and every ring of every polygon', () => {
    expect(linesOf({ type: 'LineString', coordinates: ring })).toEqual([ring]);
    expect(linesOf({ type: 'MultiLineString', coordinates: [ring, ring] })).toEqual([ring, ring]);
    expect(linesOf({ type: 'Polygon', coordinates: [ring, ring] })).toEqual([ring, ring]);
    expect(linesOf({ type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] })).toEqual([
      ring,
      ring,
      ring,
    ]);
  });

  it('gives the lines of every part of a collection, in order', () => {
    expect(
      linesOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [5, 6] },
          { type: 'LineString', coordinates: ring },
        ],
      }),
    ).toEqual([[[5, 6]], ring]);
  });
});
