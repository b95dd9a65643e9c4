/**
 * src/lib/geo/export.ts: what an exported GeoJSON file holds, in what order, under what name,
 * and the errors for requests it cannot serve.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { getIssues } from '@placemarkio/check-geojson';
import { booleanClockwise } from '@turf/boolean-clockwise';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';

import {
  LAYER_NAMES,
  type AtlasLayer,
  type DocumentReference,
} from '../../src/lib/geo/contract.ts';
import {
  ALL_LAYERS,
  ExportError,
  exportLayers,
  MENTION_ORDER,
  PROPERTY_ORDER,
  slugify,
  type ExportableLayer,
  type ExportRequest,
  type ImportedLayer,
} from '../../src/lib/geo/export.ts';
import { formatJson } from '../../src/lib/geo/layer-file.ts';

const LAYERS_DIRECTORY = new URL('../../geodata/layers/', import.meta.url);

function layerText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`${name}.geojson`, LAYERS_DIRECTORY)), 'utf8');
}

const committed: AtlasLayer[] = LAYER_NAMES.map((name) => JSON.parse(layerText(name)));
const byName = new Map(committed.map((layer) => [layer.layer, layer]));
const allIds = committed.flatMap((layer) => layer.features.map((feature) => feature.id));

interface ExportedFile extends FeatureCollection {
  layer: string;
  document?: DocumentReference;
  layers?: { layer: string; ids: (string | number | null)[] }[];
}

function parse(text: string): ExportedFile {
  return JSON.parse(text) as ExportedFile;
}

function exported(layers: readonly ExportableLayer[], request: ExportRequest) {
  const result = exportLayers(layers, request);
  return { ...result, json: parse(result.text) };
}

function ids(file: ExportedFile): unknown[] {
  return file.features.map((feature) => feature.id);
}

function thrown(action: () => unknown): ExportError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return error as ExportError;
  }
  throw new Error('expected an ExportError');
}

/** A one-layer imported collection with the given geometries, ids f0, f1, … */
function importedLayer(layer: string, geometries: Geometry[]): ImportedLayer {
  return {
    type: 'FeatureCollection',
    layer,
    features: geometries.map((geometry, index) => ({
      type: 'Feature',
      id: `f${index}`,
      geometry,
      properties: { index },
    })),
  };
}

function allNumbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(allNumbers);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allNumbers);
  return [];
}

describe('selecting a layer', () => {
  it.each(LAYER_NAMES)('writes layer %s byte for byte as the committed file', (name) => {
    const result = exportLayers(committed, { layer: name });
    expect(result.text).toBe(layerText(name));
    expect(result.featureCount).toBe(byName.get(name)!.features.length);
    expect(result.fileName).toBe(`passage-atlas-${name}.geojson`);
  });

  it('writes every layer, features in layer order, with the layer "all"', () => {
    const { json, featureCount, fileName } = exported(committed, { layer: ALL_LAYERS });
    expect(fileName).toBe('passage-atlas-all-layers.geojson');
    expect(json.layer).toBe('all');
    expect(ids(json)).toEqual(allIds);
    expect(featureCount).toBe(allIds.length);
    expect(json.document).toEqual(committed[0]!.document);
    expect(json.layers).toEqual(
      committed.map((layer) => ({ layer: layer.layer, ids: layer.features.map((f) => f.id) })),
    );
  });

  it('puts the foreign members layer and document first, features last', () => {
    const { json } = exported(committed, { layer: 'routes' });
    expect(Object.keys(json)).toEqual(['type', 'layer', 'document', 'features']);
    expect(json.layer).toBe('routes');
    expect(Object.keys(json.document!)).toEqual([
      'title',
      'publisher',
      'published',
      'file',
      'sha256',
    ]);
    expect(json.document!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const all = exported(committed, { layer: 'all' }).json;
    expect(Object.keys(all)).toEqual(['type', 'layer', 'document', 'layers', 'features']);
  });
});

describe('selecting features by id', () => {
  it('keeps one feature and names the file after it', () => {
    const { json, fileName, featureCount } = exported(committed, {
      layer: 'routes',
      ids: ['lachin-road'],
    });
    expect(ids(json)).toEqual(['lachin-road']);
    expect(featureCount).toBe(1);
    expect(fileName).toBe('passage-atlas-lachin-road.geojson');
  });

  it('keeps several features in layer order, whatever the order asked, across layers', () => {
    const { json, fileName } = exported(committed, {
      layer: 'all',
      ids: ['shusha', 'lachin-road', 'baku', 'baku'],
    });
    expect(ids(json)).toEqual(['lachin-road', 'baku', 'shusha']);
    expect(fileName).toBe('passage-atlas-all-layers-3-features.geojson');
    expect(json.layers).toEqual([
      { layer: 'areas', ids: [] },
      { layer: 'borders', ids: [] },
      { layer: 'routes', ids: ['lachin-road'] },
      { layer: 'places', ids: ['baku', 'shusha'] },
    ]);
  });

  it('exports no feature for an empty id list, and says so in the name', () => {
    const { featureCount, fileName } = exported(committed, { layer: 'routes', ids: [] });
    expect(featureCount).toBe(0);
    expect(fileName).toBe('passage-atlas-routes-0-features.geojson');
  });

  it('exports an empty collection for "all" of no layers', () => {
    const { json } = exported([], { layer: 'all' });
    expect(json).toEqual({ type: 'FeatureCollection', layer: 'all', layers: [], features: [] });
  });

  it('names several features of one layer after the layer and the count', () => {
    const { fileName } = exported(committed, { layer: 'places', ids: ['baku', 'shusha'] });
    expect(fileName).toBe('passage-atlas-places-2-features.geojson');
  });
});

describe('selecting features in view (bbox)', () => {
  it('keeps the real features that cross the box, not only those centred in it', () => {
    // A box on the Lachin road between its waypoints 3 and 5, holding none of the places.
    const box: [number, number, number, number] = [46.59, 39.62, 46.66, 39.7];
    const { json, fileName } = exported(committed, { layer: 'all', bbox: box });
    expect(fileName).toBe('passage-atlas-all-layers-in-view.geojson');
    expect(ids(json)).toContain('lachin-road');
    expect(ids(json)).not.toContain('baku');
  });

  it('keeps a line that crosses the box with no vertex inside it', () => {
    const layer = importedLayer('lines', [
      {
        type: 'LineString',
        coordinates: [
          [0, 5],
          [10, 5],
        ],
      }, // straight through
      {
        type: 'LineString',
        coordinates: [
          [3, 3],
          [7, 7],
        ],
      }, // diagonal through the corners' box
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [10, 1],
        ],
      }, // below
    ]);
    const { json, fileName } = exported([layer], { layer: 'lines', bbox: [4, 4, 6, 6] });
    expect(ids(json)).toEqual(['f0', 'f1']);
    expect(fileName).toBe('passage-atlas-lines-in-view.geojson');
  });

  it('keeps a big multiline by the part that crosses, and drops one that only surrounds the box', () => {
    const frame: Position[][] = [
      [
        [0, 0],
        [10, 0],
      ],
      [
        [10, 0],
        [10, 10],
      ],
      [
        [10, 10],
        [0, 10],
      ],
      [
        [0, 10],
        [0, 0],
      ],
    ];
    const layer = importedLayer('multilines', [
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [-50, -50],
            [-40, -40],
          ],
          [
            [4.5, -20],
            [5.5, 30],
          ],
        ],
      },
      { type: 'MultiLineString', coordinates: frame }, // its bounding box holds the query box
    ]);
    const { json } = exported([layer], { layer: 'multilines', bbox: [4, 4, 6, 6] });
    expect(ids(json)).toEqual(['f0']);
  });

  it('keeps a polygon that covers the whole box and one that overlaps it, not one beside it', () => {
    const square = (w: number, s: number, e: number, n: number): Geometry => ({
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    });
    const layer = importedLayer('polygons', [
      square(0, 0, 10, 10),
      square(5, 5, 8, 8),
      square(7, 0, 9, 10),
    ]);
    expect(ids(exported([layer], { layer: 'polygons', bbox: [4, 4, 6, 6] }).json)).toEqual([
      'f0',
      'f1',
    ]);
  });

  it('counts a point on the edge as in view and one just outside as not', () => {
    const layer = importedLayer('points', [
      { type: 'Point', coordinates: [6, 5] },
      { type: 'Point', coordinates: [6.000001, 5] },
      { type: 'Point', coordinates: [5, 3.999999] },
      {
        type: 'MultiPoint',
        coordinates: [
          [0, 0],
          [5, 5],
        ],
      },
      {
        type: 'MultiPoint',
        coordinates: [
          [0, 0],
          [7, 7],
        ],
      },
    ]);
    expect(ids(exported([layer], { layer: 'points', bbox: [4, 4, 6, 6] }).json)).toEqual([
      'f0',
      'f3',
    ]);
  });

  it('combines ids and bbox: the features that pass both', () => {
    const { json, fileName } = exported(committed, {
      layer: 'places',
      ids: ['baku', 'shusha'],
      bbox: [46.5, 39.6, 46.9, 39.9],
    });
    expect(ids(json)).toEqual(['shusha']);
    expect(fileName).toBe('passage-atlas-places-2-features-in-view.geojson');
  });

  it('writes an empty collection when nothing is in view', () => {
    const { json, featureCount } = exported(committed, { layer: 'routes', bbox: [0, 0, 1, 1] });
    expect(featureCount).toBe(0);
    expect(json.features).toEqual([]);
    expect(
      getIssues(exportLayers(committed, { layer: 'routes', bbox: [0, 0, 1, 1] }).text),
    ).toEqual([]);
  });
});

describe('canonical form', () => {
  const source = byName.get('routes')!.features[0]!;
  /** The same feature with every key order reversed, more decimals, and a clockwise polygon. */
  const scrambled = {
    properties: Object.fromEntries(
      Object.entries(source.properties)
        .reverse()
        .map(([key, value]) =>
          key === 'mentions'
            ? [key, (value as object[]).map((m) => Object.fromEntries(Object.entries(m).reverse()))]
            : [key, value],
        ),
    ),
    geometry: {
      type: 'LineString',
      coordinates: [
        [46.123456789, 39.987654321],
        [-0.0000001, 40.1234565],
      ],
    },
    id: 'scrambled',
    type: 'Feature',
  } as unknown as AtlasLayer['features'][number];
  const layer: AtlasLayer = { ...byName.get('routes')!, features: [scrambled] };

  it('orders feature, property and mention keys as the contract does', () => {
    const feature = exported([layer], { layer: 'routes' }).json.features[0]!;
    expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties']);
    expect(Object.keys(feature.geometry!)).toEqual(['type', 'coordinates']);
    const expected = PROPERTY_ORDER.filter((key) => key in source.properties);
    expect(Object.keys(feature.properties!)).toEqual(expected);
    for (const mention of feature.properties!.mentions as object[]) {
      expect(Object.keys(mention)).toEqual([...MENTION_ORDER]);
    }
  });

  it('rounds coordinates to at most six decimals, with no negative zero', () => {
    const { json, text } = exported([layer], { layer: 'routes' });
    expect((json.features[0]!.geometry as { coordinates: Position[] }).coordinates).toEqual([
      [46.123457, 39.987654],
      [0, 40.123457],
    ]);
    expect(text).toContain('[46.123457, 39.987654]');
    for (const value of allNumbers(
      exported(committed, { layer: 'all' }).json.features.map((f) => f.geometry),
    )) {
      expect(value.toString()).toMatch(/^-?\d+(\.\d{1,6})?$/);
    }
  });

  it('winds a clockwise polygon counter-clockwise, and its hole clockwise', () => {
    const clockwise: Position[] = [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
      [0, 0],
    ];
    const counterClockwiseHole: Position[] = [
      [2, 2],
      [4, 2],
      [4, 4],
      [2, 4],
      [2, 2],
    ];
    const polygons = importedLayer('polygons', [
      { type: 'Polygon', coordinates: [clockwise, counterClockwiseHole] },
      { type: 'MultiPolygon', coordinates: [[clockwise]] },
    ]);
    const [polygon, multi] = exported([polygons], { layer: 'polygons' }).json.features;
    const rings = (polygon!.geometry as { coordinates: Position[][] }).coordinates;
    expect(booleanClockwise(rings[0]!)).toBe(false);
    expect(booleanClockwise(rings[1]!)).toBe(true);
    expect(rings[0]).toEqual([...clockwise].reverse());
    const multiRings = (multi!.geometry as { coordinates: Position[][][] }).coordinates;
    expect(booleanClockwise(multiRings[0]![0]!)).toBe(false);
  });

  it('lays the text out as formatJson does: two spaces, each coordinate pair on one line', () => {
    const { text, json } = exported(committed, { layer: 'all' });
    expect(text).toBe(formatJson(json));
    expect(text).toMatch(/^ {10}\[46\.53111, 39\.54806\],$/m);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is stable: the same request gives the same bytes', () => {
    const request = { layer: 'all', bbox: [44, 38, 48, 41] } as const;
    expect(exportLayers(committed, request).text).toBe(exportLayers(committed, request).text);
  });
});

describe('an imported layer', () => {
  const imported: ImportedLayer = {
    type: 'FeatureCollection',
    layer: 'My Survey / 2024',
    features: [
      {
        type: 'Feature',
        id: 17,
        geometry: { type: 'Point', coordinates: [46.5, 39.5] },
        properties: {
          zeta: 1,
          name: 'Well',
          nested: { list: [1, 2], deep: { a: null } },
          alpha: 'x',
        },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [46, 39],
            [47, 40],
          ],
        },
        properties: { survey: true },
      },
      { type: 'Feature', id: 'nowhere', geometry: null, properties: null },
    ],
  };

  it('keeps unknown properties as given, after the contract ones, and omits the document', () => {
    const { json, fileName, featureCount } = exported([imported], { layer: 'My Survey / 2024' });
    expect(fileName).toBe('passage-atlas-my-survey-2024.geojson');
    expect(featureCount).toBe(3);
    expect(Object.keys(json)).toEqual(['type', 'layer', 'features']);
    expect(json.layer).toBe('My Survey / 2024');
    const [well, line, nowhere] = json.features;
    expect(well!.properties).toEqual(imported.features[0]!.properties);
    expect(Object.keys(well!.properties!)).toEqual(['name', 'zeta', 'nested', 'alpha']);
    expect(well!.id).toBe(17);
    expect(Object.keys(line!)).toEqual(['type', 'geometry', 'properties']);
    expect(line!.properties).toEqual({ survey: true });
    expect(nowhere).toEqual({ type: 'Feature', id: 'nowhere', geometry: null, properties: null });
  });

  it('matches a numeric id by its decimal form, and never puts a bbox on a null geometry', () => {
    expect(ids(exported([imported], { layer: 'My Survey / 2024', ids: ['17'] }).json)).toEqual([
      17,
    ]);
    expect(
      ids(exported([imported], { layer: 'My Survey / 2024', bbox: [40, 30, 50, 45] }).json),
    ).toEqual([17, undefined]);
  });

  it('exports with the built layers under "all", with each layer\'s own document', () => {
    const { json } = exported([...committed, imported], { layer: 'all' });
    expect(json.document).toBeUndefined();
    expect(json.layers!.map((entry) => Object.keys(entry))).toEqual([
      ...committed.map(() => ['layer', 'document', 'ids']),
      ['layer', 'ids'],
    ]);
    expect(json.layers!.at(-1)).toEqual({ layer: 'My Survey / 2024', ids: [17, null, 'nowhere'] });
    expect(json.features).toHaveLength(allIds.length + 3);
  });
});

describe('file names', () => {
  it('slugifies anything from data so a name holds no separators or odd characters', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('C:\\Windows\\x')).toBe('c-windows-x');
    expect(slugify('Laçın dəhlizi')).toBe('lacin-dehlizi');
    expect(slugify('Ağdam–Xankəndi')).toBe('agdam-xankendi');
    expect(slugify('–––')).toBe('export');
    expect(slugify('a'.repeat(200))).toHaveLength(80);
    const { fileName } = exported([importedLayer('../x/ y', [])], { layer: '../x/ y' });
    expect(fileName).toBe('passage-atlas-x-y.geojson');
  });

  it('always makes a plain file name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (layerName, id) => {
        fc.pre(layerName !== ALL_LAYERS);
        const layer: ImportedLayer = {
          type: 'FeatureCollection',
          layer: layerName,
          features: [{ type: 'Feature', id, geometry: null, properties: {} }],
        };
        for (const request of [{ layer: layerName }, { layer: layerName, ids: [id] }]) {
          expect(exportLayers([layer], request).fileName).toMatch(
            /^passage-atlas-[a-z0-9]+(-[a-z0-9]+)*\.geojson$/,
          );
        }
      }),
    );
  });
});

describe('errors', () => {
  it('names the valid layers for an unknown one', () => {
    const error = thrown(() => exportLayers(committed, { layer: 'rivers' }));
    expect(error.code).toBe('unknown-layer');
    expect(error.message).toBe(
      'Unknown layer "rivers". Valid layers: areas, borders, routes, places, all.',
    );
    expect(error.valid).toEqual([...LAYER_NAMES, 'all']);
  });

  it('names the unknown ids and the valid ones of that layer', () => {
    const error = thrown(() =>
      exportLayers(committed, { layer: 'routes', ids: ['lachin-road', 'baku', 'nowhere'] }),
    );
    expect(error.code).toBe('unknown-id');
    expect(error.message).toBe(
      'Unknown feature ids in layer "routes": baku, nowhere. Valid ids: lachin-road, lachin-road-2020-2022, aghdam-khankendi-road.',
    );
    const all = thrown(() => exportLayers(committed, { layer: 'all', ids: ['nowhere'] }));
    expect(all.message).toMatch(
      /^Unknown feature id in any layer: nowhere\. Valid ids: garabagh-region, /,
    );
    expect(all.valid).toEqual(allIds);
  });

  it('shortens a long list of valid ids', () => {
    const many = importedLayer(
      'many',
      Array.from({ length: 120 }, (): Geometry => ({ type: 'Point', coordinates: [0, 0] })),
    );
    const error = thrown(() => exportLayers([many], { layer: 'many', ids: ['x'] }));
    expect(error.message).toMatch(/f49, … and 70 more\.$/);
  });

  it.each([
    [[1, 2, 3], /4 numbers west,south,east,north; got 3/],
    [[1, 2, 3, Number.NaN], /north must be a finite number; got null/],
    [[1, '2', 3, 4], /south must be a finite number; got "2"/],
    [[-181, 0, 10, 10], /longitudes must lie within -180\.\.180; got west -181, east 10/],
    [[0, 0, 180.5, 10], /longitudes must lie within -180\.\.180/],
    [[0, -91, 10, 10], /latitudes must lie within -90\.\.90; got south -91, north 10/],
    [[10, 0, 5, 10], /west \(10\) must be less than its east \(5\); a box across the antimeridian/],
    [[0, 10, 10, 10], /south \(10\) must be less than its north \(10\)/],
  ])('rejects the bbox %j', (bbox, message) => {
    const error = thrown(() =>
      exportLayers(committed, { layer: 'routes', bbox: bbox as unknown as number[] }),
    );
    expect(error.code).toBe('invalid-bbox');
    expect(error.message).toMatch(message);
  });

  it('rejects a layer named "all" and two layers of one name', () => {
    expect(thrown(() => exportLayers([importedLayer('all', [])], { layer: 'all' })).code).toBe(
      'invalid-layers',
    );
    expect(
      thrown(() => exportLayers([...committed, importedLayer('routes', [])], { layer: 'routes' }))
        .message,
    ).toBe('Two layers are named "routes".');
  });
});

describe('validity', () => {
  const requests: ExportRequest[] = [
    ...LAYER_NAMES.map((layer) => ({ layer })),
    { layer: 'all' },
    { layer: 'all', bbox: [46, 39, 47, 40] },
    { layer: 'places', ids: ['baku'] },
  ];

  it.each(requests)('is valid GeoJSON (check-geojson): %j', (request) => {
    expect(getIssues(exportLayers(committed, request).text)).toEqual([]);
  });

  it('is valid GeoJSON for an imported layer too', () => {
    const layer = importedLayer('mixed', [
      { type: 'Point', coordinates: [1.23456789, 2] },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [0, 1],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      },
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [0, 0] },
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        ],
      },
    ]);
    expect(getIssues(exportLayers([layer], { layer: 'mixed' }).text)).toEqual([]);
  });
});

describe('formatJson', () => {
  /** The layout's definition: JSON.stringify with each array of numbers joined onto one line. */
  function reference(value: unknown): string {
    const indented = JSON.stringify(value, null, 2);
    return (
      indented.replace(
        /\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g,
        (_match, numbers: string) => `[${numbers.split(/,\n\s*/).join(', ')}]`,
      ) + '\n'
    );
  }

  it('matches its definition on any JSON value', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.oneof(fc.double(), fc.integer(), fc.constant(null))),
        (value, numbers) => {
          expect(formatJson(value)).toBe(reference(value));
          expect(formatJson({ numbers, nested: [numbers, [numbers]] })).toBe(
            reference({ numbers, nested: [numbers, [numbers]] }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches its definition on the committed layers', () => {
    for (const layer of committed) expect(formatJson(layer)).toBe(reference(layer));
  });
});

// Type-level check: a built layer is an ExportableLayer, so is a plain GeoJSON collection.
const _typed: ExportableLayer[] = [
  committed[0]!,
  { type: 'FeatureCollection', layer: 'x', features: [] as Feature[] },
];
void _typed;

describe('keys that are special to JavaScript', () => {
  it('keeps a property named "__proto__" when it reorders the properties', () => {
    const properties = JSON.parse('{"note": "first", "name": "X", "__proto__": "kept"}');
    const result = exportLayers(
      [
        {
          type: 'FeatureCollection',
          layer: 'proto',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties },
          ],
        },
      ],
      { layer: 'proto' },
    );
    const exported = JSON.parse(result.text).features[0].properties;
    expect(Object.keys(exported)).toEqual(['name', 'note', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(exported, '__proto__')?.value).toBe('kept');
  });
});
