/**
 * formatJson and exportLayers (src/lib/geo/layer-file.ts, export.ts) against the code they were
 * once before (./export-reference.ts, frozen): the same bytes, or the same kind of error, for any
 * value, any feature, any geometry and any properties a file or a caller may bring, the odd ones
 * included (toJSON, undefined, functions, NaN, -0, boxed values, "__proto__" and integer-like
 * keys, cycles). One rule has changed on purpose: rings are wound by turf (@turf/rewind), which
 * leaves a ring with no area as it came where the reference reversed an exterior one; so the
 * polygons here have an area, and layer-file.test.ts checks the rings that have none.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import fc from 'fast-check';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';

import { generatePoints } from '../../bench/points.ts';
import {
  exportLayers,
  MENTION_ORDER,
  PROPERTY_ORDER,
  type ExportRequest,
  type ImportedLayer,
} from '../../src/lib/geo/export.ts';
import { formatJson } from '../../src/lib/geo/layer-file.ts';
import { referenceExportText, referenceFormatJson } from './export-reference.ts';

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

/** Generous: the machine may be busy, and a property runs a thousand cases. */
const PROPERTY_TIMEOUT_MS = 60_000;

/** What a call gives: its text, or the kind of error it throws. */
function outcome(action: () => string): { text: string } | { error: string } {
  try {
    return { text: action() };
  } catch (error) {
    return { error: error instanceof Error ? error.name : typeof error };
  }
}

function expectSameFormat(value: unknown): void {
  expect(outcome(() => formatJson(value))).toEqual(outcome(() => referenceFormatJson(value)));
}

function expectSameExport(layers: ImportedLayer[], request: ExportRequest): void {
  expect(outcome(() => exportLayers(layers, request).text)).toEqual(
    outcome(() => referenceExportText(layers, request)),
  );
}

/** An object with exactly these own keys, "__proto__" included, on either prototype. */
function objectOf(entries: readonly [string, unknown][], nullPrototype = false): object {
  const object: object = nullPrototype ? Object.create(null) : {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/** Numbers where writing goes wrong first: the edges of rounding, of integers, of notation. */
const EDGE_NUMBERS = [
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  1e-7,
  -1e-7,
  5e-7,
  -5e-7,
  4.999999e-7,
  1e-6,
  -1e-6,
  0.1 + 0.2,
  1e15,
  -1e15,
  1e15 - 1,
  999_999_999.999_999_5,
  1e21,
  -1e21,
  123_456_789_012_345_680_000,
  2 ** 31,
  -(2 ** 31),
];

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(...EDGE_NUMBERS),
  // Exactly halfway between two millionths, and either side of it.
  fc
    .tuple(
      fc.integer({ min: -180_000_000, max: 180_000_000 }),
      fc.constantFrom(0, 0.5, -0.5, 0.499_999_9, 0.500_000_1),
    )
    .map(([millionths, offset]) => (millionths + offset) / 1e6),
);

/** Values that are not plain data: JSON.stringify asks them for their form. */
const unusualValue = fc.oneof(
  fc.constantFrom(
    undefined,
    Symbol('symbol'),
    () => 'a function',
    new Date(0),
    new Date(Number.NaN),
  ),
  fc.anything({ maxDepth: 1 }).map((form) => ({ toJSON: (key: string) => [key, form] })),
  anyNumber.map((form) => ({ toJSON: () => form })),
  fc.constant({ toJSON: () => undefined }),
  anyNumber.map((value) => Object(value) as object),
  fc.string().map((value) => Object(value) as object),
  fc.boolean().map((value) => Object(value) as object),
  fc.constant(Object.assign(() => 'a function', { toJSON: () => 'its form' })),
  fc.constant(
    new (class Spot {
      readonly name = 'a class instance';
    })(),
  ),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    withCrossShrink: true,
    depthSize: 'small',
  },
  fc.anything({
    maxDepth: 3,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  anyNumber,
  fc.array(anyNumber, { maxLength: 5 }),
  fc.array(fc.oneof(anyNumber, unusualValue), { maxLength: 4 }),
  unusualValue,
  fc.string({ unit: 'binary' }),
);

/** A key JSON.stringify treats differently: integer-like, "__proto__", "toJSON", the contract's. */
const anyKey = fc.oneof(
  fc.string(),
  fc.constantFrom(
    ...PROPERTY_ORDER,
    ...MENTION_ORDER,
    '__proto__',
    'toJSON',
    'constructor',
    '0',
    '1',
    '10',
    '-1',
    '01',
    '1.5',
    '4294967294',
    '4294967295',
    'Şuşa',
    '"quoted"\n',
  ),
);

const anyObject = fc
  .tuple(fc.array(fc.tuple(anyKey, anyValue), { maxLength: 8 }), fc.boolean())
  .map(([entries, nullPrototype]) => objectOf(entries, nullPrototype));

/** A mention, its keys in any order, perhaps with others. */
const mention = fc
  .tuple(
    fc.shuffledSubarray([...MENTION_ORDER, 'note', '7', '__proto__']),
    fc.array(anyValue, { minLength: 10, maxLength: 10 }),
    fc.boolean(),
  )
  .map(([keys, values, nullPrototype]) =>
    objectOf(
      keys.map((key, index) => [key, values[index]]),
      nullPrototype,
    ),
  );

const properties = fc.oneof(
  anyObject,
  fc
    .tuple(anyObject, fc.array(fc.oneof(mention, anyValue), { maxLength: 3 }))
    .map(([object, mentions]) => objectOf([['mentions', mentions], ...Object.entries(object)])),
  fc.constantFrom(null, undefined, 'text', 5, () => 'a function'),
  fc.array(anyValue, { maxLength: 3 }),
  anyValue,
);

/** A position as a file may have it: mostly two numbers, at times three, none, or not numbers. */
const position = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(anyNumber, anyNumber) },
  { weight: 1, arbitrary: fc.array(anyNumber, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(anyNumber, fc.constantFrom(null, '1.5')), { maxLength: 3 }),
  },
  { weight: 1, arbitrary: fc.sparseArray(anyNumber, { maxLength: 3 }) },
);
const line = fc.array(position, { maxLength: 5 });
const lines = fc.array(line, { maxLength: 3 });
/**
 * A closed ring with an area, in either direction, so that it has a winding to set: the corners
 * of a convex polygon around a centre, up to 6 decimals and more.
 */
const ring = fc
  .record({
    longitude: fc.double({ min: -170, max: 170, noNaN: true }),
    latitude: fc.double({ min: -80, max: 80, noNaN: true }),
    radius: fc.double({ min: 0.01, max: 5, noNaN: true }),
    turns: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 6 }),
    clockwise: fc.boolean(),
  })
  .map(({ longitude, latitude, radius, turns, clockwise }) => {
    const degrees = [...turns].sort((a, b) => (clockwise ? b - a : a - b));
    const points = degrees.map((degree): [number, number] => [
      longitude + radius * Math.cos((degree * Math.PI) / 180),
      latitude + radius * Math.sin((degree * Math.PI) / 180),
    ]);
    return [...points, points[0]!];
  })
  .filter((closed) => {
    // Three corners on a line have no area: leave them to the degenerate cases.
    let twiceArea = 0;
    for (let index = 0; index + 1 < closed.length; index++) {
      const [x1, y1] = closed[index]!;
      const [x2, y2] = closed[index + 1]!;
      twiceArea += (x2 - x1) * (y2 + y1);
    }
    return Math.abs(twiceArea) > 1e-6;
  });
const rings = fc.array(ring, { maxLength: 3 });

const geometry: fc.Arbitrary<unknown> = fc.letrec<{ geometry: unknown }>((tie) => ({
  geometry: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('Point'), coordinates: position }),
    fc.record({ type: fc.constantFrom('MultiPoint', 'LineString'), coordinates: line }),
    fc.record({ type: fc.constant('MultiLineString'), coordinates: lines }),
    fc.record({ type: fc.constant('Polygon'), coordinates: rings }),
    fc.record({
      type: fc.constant('MultiPolygon'),
      coordinates: fc.array(rings, { maxLength: 2 }),
    }),
    fc.record({
      type: fc.constant('GeometryCollection'),
      geometries: fc.array(tie('geometry'), { maxLength: 2 }),
    }),
    // Members normalisation drops, and types it does not know.
    fc.record(
      {
        type: fc.constantFrom('Point', 'LineString', 'Polygon3D', 'toString', '__proto__'),
        coordinates: fc.oneof(position, line),
        bbox: fc.array(anyNumber, { maxLength: 4 }),
        note: anyValue,
      },
      { requiredKeys: ['type', 'coordinates'] },
    ),
  ),
})).geometry;

const feature = fc
  .record(
    {
      id: fc.oneof(
        fc.string(),
        fc.integer(),
        anyNumber,
        fc.constantFrom(null, undefined, true, () => 'a function', Symbol('id')),
        anyValue,
      ),
      geometry: fc.oneof({ weight: 5, arbitrary: geometry }, fc.constantFrom(null, undefined, 0)),
      properties,
      bbox: fc.array(anyNumber, { maxLength: 4 }),
    },
    { requiredKeys: ['geometry', 'properties'] },
  )
  .map((members) => ({ type: 'Feature', ...members }) as AnyFeature);

function layerOf(name: string, features: AnyFeature[]): ImportedLayer {
  return { type: 'FeatureCollection', layer: name, features };
}

/** The ids a request may ask for: those of features with a string or number id. */
function idsOf(layers: ImportedLayer[]): string[] {
  return layers.flatMap((layer) =>
    layer.features
      .map((item) => item.id)
      .filter((id) => typeof id === 'string' || typeof id === 'number')
      .map(String),
  );
}

describe('formatJson', () => {
  it(
    'writes what it wrote before for any value, however odd',
    () => {
      fc.assert(fc.property(anyValue, expectSameFormat), { numRuns: 1000 });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'writes what it wrote before for any JSON value',
    () => {
      fc.assert(fc.property(fc.jsonValue(), expectSameFormat), { numRuns: 500 });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it.each([
    ['an empty array and object', { list: [], object: {}, nested: [[], {}] }],
    [
      'undefined, functions and symbols',
      { a: undefined, b: () => 1, c: Symbol('c'), d: [undefined, () => 1] },
    ],
    ['only members left out', { a: undefined, b: () => 1 }],
    ['NaN, the infinities and -0', [Number.NaN, 1, Number.POSITIVE_INFINITY, -0, [-0, 0.5]]],
    ['numbers after which a string comes', [1, 2.5, -3, 'four', 5]],
    ['boxed numbers in a number array', [Object(1), 2, Object(-0.5)]],
    ['a boxed number after plain ones', [1, 2, Object(3)]],
    ['a toJSON giving a number, in a number array', [1, { toJSON: () => 2 }]],
    ['a toJSON given its key', { here: { toJSON: (key: string) => `key ${key}` } }],
    ['a toJSON in an array given its index', [0, { toJSON: (key: string) => key }]],
    ['a toJSON at the top', { toJSON: (key: string) => ({ key }) }],
    [
      'a toJSON giving undefined',
      { gone: { toJSON: () => undefined }, list: [{ toJSON: () => undefined }] },
    ],
    ['a Date, valid and not', { when: new Date(0), never: new Date(Number.NaN) }],
    [
      'a class instance',
      {
        spot: new (class Spot {
          name = 'x';
        })(),
      },
    ],
    [
      'a Map, a Set and a typed array',
      { map: new Map([[1, 2]]), set: new Set([1]), bytes: new Uint8Array([1, 2]) },
    ],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    [
      'integer-like keys',
      objectOf([
        ['b', 1],
        ['2', 2],
        ['a', 3],
        ['1', 4],
        ['01', 5],
        ['4294967295', 6],
        ['4294967294', 7],
      ]),
    ],
    [
      'a "__proto__" key',
      objectOf([
        ['__proto__', [1, 2]],
        ['name', 'x'],
      ]),
    ],
    ['a prototype-less object', objectOf([['a', [1, 2]]], true)],
    [
      'strings to escape',
      [
        '"',
        '\\',
        '\n\t\b\f\r',
        '\u0000\u001f\u007f',
        '\u2028\u2029',
        'Şuşa — Laçın',
        '\ud800',
        'a\udc00b',
        '😀',
        '\ud83d\ude00\ud800',
      ],
    ],
    [
      'long strings, which take another way',
      ['"', '\\', '\n', '\u0000', '\u007f', 'é', '\ud800', '\udc00', '😀', '\u2028', 'a'].map(
        (inner) => `${'x'.repeat(20)}${inner}${'y'.repeat(20)}`,
      ),
    ],
    ['a string opening with a byte order mark', '\ufeffhello'],
    ['a lone string, number, boolean, null', ['text', 5, true, null]],
    ['numbers at the edges', EDGE_NUMBERS],
    ['numbers at the edges, one a line', EDGE_NUMBERS.map((value) => ({ value }))],
    [
      'deeply nested number arrays',
      [
        [
          [
            [1, 2],
            [3, 4],
          ],
          [[5, 6]],
        ],
        [[]],
      ],
    ],
  ])('writes %s as before', (_name, value) => {
    expectSameFormat(value);
  });

  it.each([
    ['a lone undefined', undefined],
    ['a lone function', () => 1],
    ['a BigInt', { big: 1n }],
    [
      'a cycle through an object',
      (() => {
        const object: Record<string, unknown> = { a: 1 };
        object.self = object;
        return object;
      })(),
    ],
    [
      'a cycle through an array',
      (() => {
        const array: unknown[] = [1];
        array.push(array);
        return array;
      })(),
    ],
    [
      'a cycle through a toJSON',
      (() => {
        const object: Record<string, unknown> = {};
        object.inner = { toJSON: () => ({ back: object }) };
        return object;
      })(),
    ],
  ])('fails on %s as before', (_name, value) => {
    const result = outcome(() => formatJson(value));
    expect(result).toHaveProperty('error');
    expect(result).toEqual(outcome(() => referenceFormatJson(value)));
  });

  it('writes a BigInt as its toJSON says, as before', () => {
    const prototype = BigInt.prototype as { toJSON?: () => string };
    prototype.toJSON = function (this: bigint) {
      return `${this}n`;
    };
    try {
      expectSameFormat({ big: 12_345_678_901_234_567_890n, list: [1n, 2n] });
    } finally {
      delete prototype.toJSON;
    }
  });

  /** JSON.rawJSON: Node 20 has it behind a flag, in a realm made after the flag is set. */
  function rawJsonFunction(): ((text: string) => object) | undefined {
    const own = (JSON as { rawJSON?: (text: string) => object }).rawJSON;
    if (own) return own;
    setFlagsFromString('--harmony-json-parse-with-source');
    return runInNewContext('JSON.rawJSON') as ((text: string) => object) | undefined;
  }

  it('writes raw JSON texts as they are, as before', () => {
    const rawJson = rawJsonFunction();
    if (rawJson === undefined) return;
    class Holder {
      constructor(readonly value: unknown) {}
    }
    expectSameFormat([rawJson('1.50'), 2]);
    expectSameFormat({
      a: rawJson('1e2'),
      b: [rawJson('-0'), rawJson('"é"')],
      c: [3, rawJson('4.0')],
    });
    expectSameFormat({ nested: [new Holder([rawJson('7.10'), 8, [9, rawJson('1E+1')]])] });
    expectSameFormat({ toJSON: () => [rawJson('1.50'), rawJson('2.50')] });
    const prototype = BigInt.prototype as { toJSON?: () => object };
    prototype.toJSON = function (this: bigint) {
      return rawJson(this.toString());
    };
    try {
      expectSameFormat({ big: 12_345_678_901_234_567_890n, list: [1n, 2n], deep: [[[3n]]] });
    } finally {
      delete prototype.toJSON;
    }
  });

  it('writes the same object twice in one value (not a cycle)', () => {
    const shared = { list: [1, 2] };
    expectSameFormat({ first: shared, second: [shared, shared] });
  });
});

describe('exportLayers', () => {
  it(
    'exports what it exported before for any features, geometries and properties',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(feature, { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
          fc.nat(),
          fc.constantFrom('layer', 'all', 'ids', 'bbox'),
          (featureLists, choice, kind) => {
            const layers = featureLists.map((features, index) =>
              layerOf(`layer ${index}`, features),
            );
            const layer = layers[choice % layers.length]!.layer;
            const ids = idsOf(layers);
            const request: ExportRequest =
              kind === 'layer'
                ? { layer }
                : kind === 'all'
                  ? { layer: 'all' }
                  : kind === 'ids'
                    ? { layer: 'all', ids: ids.filter((_id, index) => (index + choice) % 2 === 0) }
                    : { layer: 'all', bbox: [-10, -10, 10, 10] };
            expectSameExport(layers, request);
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'exports the bench points as before',
    () => {
      const layer = layerOf('points', generatePoints(3000) as AnyFeature[]);
      expectSameExport([layer], { layer: 'points' });
      expectSameExport([layer], { layer: 'points', bbox: [45, 39, 47, 41] });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'exports as before where the text runs to many megabytes, in many scripts',
    () => {
      // Long enough that the writer hands its buffer on as text many times over.
      const words = ['Baku', 'Bakı', 'Şuşa', 'Шуша', 'Շուշի', 'ශුෂා', '😀', 'tab\there', '"quoted"'];
      const features: AnyFeature[] = Array.from({ length: 4000 }, (_, index) => ({
        type: 'Feature',
        id: index % 3 === 0 ? index : `f-${index}`,
        geometry:
          index % 2 === 0
            ? { type: 'Point', coordinates: [44 + index / 7777.7, 40 - index / 3333.3] }
            : {
                type: 'Polygon',
                coordinates: [
                  [
                    [44, 40],
                    [44, 40 + index / 1e4],
                    [44.123_456_7, 40.5],
                    [44, 40],
                  ],
                ],
              },
        properties: {
          name: words[index % words.length]!.repeat(1 + (index % 40)),
          mentions: [{ excerpt: words.join(' ').repeat(index % 17), end: index, start: 0 }],
        },
      }));
      const layers = [layerOf('many', features), layerOf('few', features.slice(0, 3))];
      expectSameExport(layers, { layer: 'many' });
      expectSameExport(layers, { layer: 'all' });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('fails as before on a cycle in the properties', () => {
    const properties: Record<string, unknown> = { name: 'x' };
    properties.self = properties;
    const layers = [
      layerOf('cycle', [{ type: 'Feature', geometry: null, properties } as AnyFeature]),
    ];
    const result = outcome(() => exportLayers(layers, { layer: 'cycle' }).text);
    expect(result).toHaveProperty('error', 'TypeError');
    expect(result).toEqual(outcome(() => referenceExportText(layers, { layer: 'cycle' })));
  });
});
