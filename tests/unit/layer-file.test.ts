/**
 * Writing a layer file: the JSON layout (each coordinate pair on one line, nothing else changed)
 * and the normalised geometry (six decimals, no -0, right-hand winding).
 */
import { booleanClockwise } from '@turf/boolean-clockwise';
import fc from 'fast-check';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';

import { formatJson, normalizeGeometry } from '../../src/lib/geo/layer-file.ts';

/** Any longitude or latitude; never -0, which JSON itself writes as 0. */
const coordinate = fc.double({ min: -180, max: 180, noNaN: true }).map((value) => value + 0);
const position = fc.tuple(coordinate, coordinate);

describe('formatJson', () => {
  it('writes each coordinate pair on one line, two-space indented, ending in a newline', () => {
    const value = {
      type: 'LineString',
      coordinates: [
        [46.53111, 39.54806],
        [-0.5, 1e-7],
      ],
      bbox: [1, 2, 3, 4],
    };
    expect(formatJson(value)).toBe(
      [
        '{',
        '  "type": "LineString",',
        '  "coordinates": [',
        '    [46.53111, 39.54806],',
        '    [-0.5, 1e-7]',
        '  ],',
        '  "bbox": [1, 2, 3, 4]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('round-trips any JSON value: parsing its output gives the value back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(formatJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips geometries exactly and puts every position on a line of its own', () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 30 }), (coordinates) => {
        const value = { type: 'LineString', coordinates };
        const written = formatJson(value);
        expect(JSON.parse(written)).toEqual(value);
        const positionLines = written
          .split('\n')
          .filter((line) => /^\s*\[-?[\d.eE+-]+, -?[\d.eE+-]+\],?$/.test(line));
        expect(positionLines).toHaveLength(coordinates.length);
      }),
      { numRuns: 300 },
    );
  });

  it('differs from JSON.stringify(value, null, 2) only in the layout of number arrays', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const standard = JSON.stringify(value, null, 2) + '\n';
        const squeeze = (text: string) =>
          text.replace(/\[[-\d.eE+,\s]*\]/g, (a) => a.replace(/\s/g, ''));
        expect(squeeze(formatJson(value))).toBe(squeeze(standard));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves strings that look like number arrays unchanged', () => {
    const value = {
      note: '[1,\n2]',
      other: '[\n  1,\n  2\n]',
      list: ['[3,\n4]', '5'],
      numbersAsText: ['1', '2'],
    };
    const written = formatJson(value);
    expect(JSON.parse(written)).toEqual(value);
    expect(written).toContain('"note": "[1,\\n2]"');
    expect(written).toContain('"other": "[\\n  1,\\n  2\\n]"');
    expect(written).toContain('"numbersAsText": [\n    "1",\n    "2"\n  ]');
  });

  it('leaves arrays that mix numbers with other values on several lines', () => {
    expect(formatJson([1, 'a', null])).toBe(JSON.stringify([1, 'a', null], null, 2) + '\n');
    expect(formatJson([[1, 2], [3]])).toBe('[\n  [1, 2],\n  [3]\n]\n');
    expect(formatJson([])).toBe('[]\n');
  });
});

describe('normalizeGeometry', () => {
  it('rounds coordinates to six decimals', () => {
    const geometry = normalizeGeometry({
      type: 'LineString',
      coordinates: [
        [46.123456789, 39.9999996],
        [-46.1234565001, 0.0000004],
      ],
    });
    expect(geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [46.123457, 40],
        [-46.123457, 0],
      ],
    });
  });

  it('never writes -0, also where rounding a small negative number gives it', () => {
    const geometry = normalizeGeometry({
      type: 'MultiPoint',
      coordinates: [
        [-0, 1],
        [-0.0000001, -0.0000004],
      ],
    });
    if (geometry.type !== 'MultiPoint') throw new Error(`got a ${geometry.type}`);
    for (const value of geometry.coordinates.flat()) expect(Object.is(value, -0)).toBe(false);
    expect(JSON.stringify(geometry)).not.toContain('-0');
  });

  it('keeps at most six decimals for any coordinate', () => {
    fc.assert(
      fc.property(position, (point) => {
        const geometry = normalizeGeometry({ type: 'Point', coordinates: point });
        if (geometry.type !== 'Point') throw new Error(`got a ${geometry.type}`);
        geometry.coordinates.forEach((value, index) => {
          expect(String(value)).toMatch(/^-?\d+(\.\d{1,6})?$/);
          expect(Math.abs(value - point[index]!)).toBeLessThanOrEqual(5e-7 + 1e-12);
        });
      }),
      { numRuns: 500 },
    );
  });

  /** A closed ring around (x, y), counter-clockwise unless `clockwise`. */
  const ring = (x: number, y: number, size: number, clockwise: boolean): Position[] => {
    const corners: Position[] = [
      [x - size, y - size],
      [x + size, y - size],
      [x + size, y + size],
      [x - size, y + size],
    ];
    const ordered = clockwise ? corners.reverse() : corners;
    return [...ordered, ordered[0]!];
  };

  it('winds exterior rings counter-clockwise and holes clockwise, whichever way they came', () => {
    for (const exteriorClockwise of [true, false]) {
      for (const holeClockwise of [true, false]) {
        const polygon: Polygon = {
          type: 'Polygon',
          coordinates: [ring(46, 40, 1, exteriorClockwise), ring(46, 40, 0.5, holeClockwise)],
        };
        const wound = normalizeGeometry(polygon) as Polygon;
        const [exterior, hole] = wound.coordinates;
        expect(booleanClockwise(exterior!)).toBe(false);
        expect(booleanClockwise(hole!)).toBe(true);
        // The same rings, at most reversed.
        expect(new Set(exterior!.map(String))).toEqual(
          new Set(polygon.coordinates[0]!.map(String)),
        );
        expect(new Set(hole!.map(String))).toEqual(new Set(polygon.coordinates[1]!.map(String)));
      }
    }
  });

  it('winds every polygon of a MultiPolygon and of a GeometryCollection', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ring(10, 10, 1, true)], [ring(20, 20, 2, true), ring(20, 20, 1, false)]],
    };
    const collection: Geometry = { type: 'GeometryCollection', geometries: [multi] };
    const normalized = normalizeGeometry(collection);
    if (normalized.type !== 'GeometryCollection') throw new Error(`got a ${normalized.type}`);
    const [wound] = normalized.geometries as MultiPolygon[];
    for (const [exterior, ...holes] of wound!.coordinates) {
      expect(booleanClockwise(exterior!)).toBe(false);
      for (const hole of holes) expect(booleanClockwise(hole)).toBe(true);
    }
  });

  it('winds the rings as they are written: rounded first, then wound', () => {
    // Clockwise as given; counter-clockwise once its corners are rounded to six decimals.
    const exterior: Position[] = [
      [0, 0],
      [0.0000026, 0.0000014],
      [0.0000014, 0.0000006],
      [0, 0],
    ];
    expect(booleanClockwise(exterior)).toBe(true);
    const wound = normalizeGeometry({ type: 'Polygon', coordinates: [exterior] }) as Polygon;
    expect(wound.coordinates[0]).toEqual([
      [0, 0],
      [0.000003, 0.000001],
      [0.000001, 0.000001],
      [0, 0],
    ]);
    expect(booleanClockwise(wound.coordinates[0]!)).toBe(false);
  });

  it('leaves a ring with no area as it came: it has no winding to set', () => {
    const line: Position[] = [
      [1, 1],
      [2, 2],
      [3, 3],
      [1, 1],
    ];
    const point: Position[] = [
      [5, 5],
      [5, 5],
      [5, 5],
      [5, 5],
    ];
    const polygon: Polygon = { type: 'Polygon', coordinates: [line, point] };
    expect(normalizeGeometry(polygon)).toEqual(polygon);
    expect(normalizeGeometry({ type: 'Polygon', coordinates: [] })).toEqual({
      type: 'Polygon',
      coordinates: [],
    });
  });

  it('does not change the geometry it is given', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring(0.1234567, 1, 1, true)] };
    const before = structuredClone(polygon);
    normalizeGeometry(polygon);
    expect(polygon).toEqual(before);
  });
});
