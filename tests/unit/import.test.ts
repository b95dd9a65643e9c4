/**
 * src/lib/geo/import.ts: every broken file in tests/fixtures/bad is refused with a message that
 * says what is wrong and where; good files come in whole; the limits hold; and a layer of hostile
 * text goes through import and export unchanged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { getIssues } from '@placemarkio/check-geojson';
import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { exportLayers } from '../../src/lib/geo/export.ts';
import {
  LIBRARY_CHECK_MAX_BYTES,
  MAX_IMPORT_BYTES,
  MAX_LISTED_PROBLEMS,
  layerNameFromFile,
  readGeoJson,
  sizeProblem,
  type ImportOutcome,
} from '../../src/lib/geo/import.ts';
import { xssLayer } from '../fixtures/make-xss-layer.ts';

// The real check-geojson, watched: which files it sees.
vi.mock('@placemarkio/check-geojson', async (importOriginal) => {
  const library = await importOriginal<typeof import('@placemarkio/check-geojson')>();
  return { ...library, getIssues: vi.fn(library.getIssues) };
});

const BAD = new URL('../fixtures/bad/', import.meta.url);
const badPath = (name: string) => fileURLToPath(new URL(name, BAD));
/** As the page reads it: UTF-8, bytes that are not UTF-8 turned into U+FFFD. */
const badText = (name: string) => readFileSync(badPath(name), 'utf8');

const expected: Record<string, string> = JSON.parse(badText('expected.json'));
const badFiles = Object.keys(expected).filter((name) => !name.startsWith('('));
const payloads: string[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/xss-payloads.json', import.meta.url)), 'utf8'),
);

function problemsOf(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error('expected the file to be refused');
  return outcome.problems;
}

function accepted(outcome: ImportOutcome) {
  if (!outcome.ok) throw new Error(`expected the file to come in:\n${outcome.problems.join('\n')}`);
  return outcome;
}

const point = (longitude: number, latitude: number, properties: object | null = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, latitude] },
  properties,
});

const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const MIXED: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'shusha',
      geometry: { type: 'Point', coordinates: [46.75, 39.76, 1400] },
      properties: { name: 'Shusha', tags: ['town', 'hill'], details: { founded: 1752 } },
    },
    {
      type: 'Feature',
      id: 7,
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [46.55, 39.64],
          [46.62, 39.7],
        ],
      },
      properties: { name: 'Villages' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [46.55, 39.64],
          [46.75, 39.76],
        ],
      },
      properties: { name: 'Lachin road' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [46, 40],
            [46.5, 40.2],
          ],
          [
            [46.5, 40.2],
            [47, 40.4],
          ],
        ],
      },
      properties: {},
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [46.5, 39.6],
            [46.8, 39.6],
            [46.8, 39.8],
            [46.5, 39.8],
            [46.5, 39.6],
          ],
          [
            [46.6, 39.65],
            [46.6, 39.7],
            [46.7, 39.7],
            [46.6, 39.65],
          ],
        ],
      },
      properties: { name: 'A district with a hole' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [-180, -90],
              [180, -90],
              [180, 90],
              [-180, -90],
            ],
          ],
        ],
      },
      properties: null,
    },
  ],
};

beforeEach(() => {
  vi.mocked(getIssues).mockClear();
});

describe('the broken files in tests/fixtures/bad', () => {
  it('are at least 45, each listed in expected.json, each under 50 KB', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(45);
    const onDisk = readdirSync(BAD).filter((name) => name !== 'expected.json');
    expect(onDisk.sort()).toEqual([...badFiles].sort());
    for (const name of onDisk) expect(statSync(badPath(name)).size, name).toBeLessThan(50 * 1024);
  });

  it.each(badFiles)('%s is refused, saying what and where', (name) => {
    const problems = problemsOf(readGeoJson(badText(name), name));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.startsWith(`${name}: `), problem).toBe(true);
    expect(problems.some((problem) => problem.includes(expected[name]!))).toBe(true);
  });

  it('expected.json says where: each fragment names a feature, a line or the top level', () => {
    for (const name of badFiles) {
      expect(expected[name], name).toMatch(
        /^(feature \d+|not JSON at line \d+, column \d+:|not UTF-8 at line|at line \d+, column \d+:|The file|The FeatureCollection|its "type"|the file|… and \d+ more)/,
      );
    }
  });

  it('a problem deep in a long file names its feature', () => {
    const problems = problemsOf(
      readGeoJson(badText('feature-734-latitude-95.geojson'), 'feature-734-latitude-95.geojson'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('feature 734 (Point): latitude 95 is outside -90..90');
  });

  it('(generated) oversize: refused by size before it is read', () => {
    const fragment = expected['(generated) oversize']!;
    expect(sizeProblem('huge.geojson', MAX_IMPORT_BYTES + 1)).toBe(`huge.geojson: ${fragment}.`);
    expect(sizeProblem('huge.geojson', MAX_IMPORT_BYTES)).toBeNull();
  });
});

describe('sizeProblem', () => {
  it('refuses an empty file and one over the limit; accepts anything between', () => {
    expect(sizeProblem('a.geojson', 0)).toBe('a.geojson: the file is empty.');
    expect(sizeProblem('a.geojson', MAX_IMPORT_BYTES + 1)).toBe(
      'a.geojson: the file is 50.0 MB; the limit is 50.0 MB.',
    );
    expect(sizeProblem('a.geojson', 1)).toBeNull();
    expect(sizeProblem('a.geojson', MAX_IMPORT_BYTES)).toBeNull();
  });
});

describe('layerNameFromFile', () => {
  it('is the file name without its extension or folders, as plain text', () => {
    expect(layerNameFromFile('my-trace.geojson')).toBe('my-trace');
    expect(layerNameFromFile('Roads.JSON')).toBe('Roads');
    expect(layerNameFromFile('C:\\Users\\me\\trip.GeoJSON')).toBe('trip');
    expect(layerNameFromFile('/home/me/trip.geojson')).toBe('trip');
    expect(layerNameFromFile('notes.txt')).toBe('notes.txt');
    expect(layerNameFromFile('  spaced  .geojson')).toBe('spaced');
    expect(layerNameFromFile('.geojson')).toBe('Imported layer');
    expect(layerNameFromFile('')).toBe('Imported layer');
    expect(layerNameFromFile(`${'x'.repeat(300)}.geojson`)).toBe('x'.repeat(120));
    expect(layerNameFromFile('<img src=x onerror=alert(1)>.geojson')).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('good files', () => {
  it('a FeatureCollection of every supported geometry comes in whole', () => {
    const { layer, geometryTypes } = accepted(readGeoJson(JSON.stringify(MIXED), 'mixed.geojson'));
    expect(layer.layer).toBe('mixed');
    expect(layer.type).toBe('FeatureCollection');
    expect(layer.features).toHaveLength(6);
    expect(geometryTypes).toEqual([
      'LineString',
      'MultiLineString',
      'MultiPoint',
      'MultiPolygon',
      'Point',
      'Polygon',
    ]);
    expect(layer.features.map((feature) => feature.id)).toEqual([
      'shusha',
      7,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(layer.features.map((feature) => feature.geometry)).toEqual(
      MIXED.features.map((feature) => feature.geometry),
    );
    expect(layer.features[0]!.properties).toEqual(MIXED.features[0]!.properties);
    // null properties become {}
    expect(layer.features[5]!.properties).toEqual({});
  });

  it('a bare Feature is a layer of one feature', () => {
    const feature = { ...point(46.75, 39.76, { name: 'Shusha' }), id: 'shusha' };
    const { layer, geometryTypes } = accepted(readGeoJson(JSON.stringify(feature), 'one.geojson'));
    expect(layer.features).toEqual([feature]);
    expect(geometryTypes).toEqual(['Point']);
  });

  it('a bare Geometry is a layer of one feature with no properties', () => {
    const geometry = {
      type: 'LineString',
      coordinates: [
        [46.55, 39.64],
        [46.75, 39.76],
      ],
    };
    const { layer, geometryTypes } = accepted(readGeoJson(JSON.stringify(geometry), 'line.json'));
    expect(layer.layer).toBe('line');
    expect(layer.features).toEqual([{ type: 'Feature', geometry, properties: {} }]);
    expect(geometryTypes).toEqual(['LineString']);
  });

  it('a UTF-8 byte order mark before the JSON is accepted', () => {
    const text = `\uFEFF${collection([point(46.75, 39.76, { name: 'Şuşa' }), point(46.55, 39.64)])}`;
    const { layer } = accepted(readGeoJson(text, 'bom.geojson'));
    expect(layer.features).toHaveLength(2);
    expect(layer.features[0]!.properties).toEqual({ name: 'Şuşa' });
    // …and the same file as bytes, decoded by a reader that keeps the mark.
    const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.slice(1))]),
    );
    expect(accepted(readGeoJson(decoded, 'bom.geojson')).layer.features).toHaveLength(2);
  });

  it('null properties, and no properties member at all, read as {}', () => {
    const noProperties = { type: 'Feature', geometry: { type: 'Point', coordinates: [46, 40] } };
    const { layer } = accepted(
      readGeoJson(collection([point(46.75, 39.76, null), noProperties]), 'p.geojson'),
    );
    expect(layer.features.map((feature) => feature.properties)).toEqual([{}, {}]);
  });

  it('duplicated ids, foreign members, a WGS 84 crs and a valid bbox are accepted', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      bbox: [46, 39, 47, 40],
      title: 'A foreign member',
      features: [
        { ...point(46.2, 39.6), id: 'same', bbox: [46.2, 39.6, 46.2, 39.6] },
        { ...point(46.8, 39.7), id: 'same' },
      ],
    });
    const { layer } = accepted(readGeoJson(text, 'dupes.geojson'));
    expect(layer.features.map((feature) => feature.id)).toEqual(['same', 'same']);
  });

  it('positions at the very edges of the globe, and with an altitude, are accepted', () => {
    const edges = [
      [-180, -90],
      [180, 90],
      [0, 0, -430.5],
      [-0, 12, 8848],
    ].map((coordinates) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {},
    }));
    expect(accepted(readGeoJson(collection(edges), 'edges.geojson')).layer.features).toHaveLength(
      4,
    );
  });

  it('reports progress through a long file', () => {
    const fractions: number[] = [];
    const text = collection(
      Array.from({ length: 12_000 }, (_, index) => point(46, 39.5 + index / 12_000)),
    );
    accepted(readGeoJson(text, 'long.geojson', (fraction) => fractions.push(fraction)));
    expect(fractions).toEqual([5000 / 12_000, 10_000 / 12_000]);
  });
});

describe('the problem list', () => {
  const offTheGlobe = (count: number) =>
    collection(Array.from({ length: count }, (_, index) => point(46, 91 + index)));

  it(`lists ${MAX_LISTED_PROBLEMS} problems, then counts the rest`, () => {
    const problems = problemsOf(readGeoJson(badText('many-errors.geojson'), 'many.geojson'));
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems[0]).toContain('many.geojson: feature 1 (Point): latitude 91 is outside');
    expect(problems[MAX_LISTED_PROBLEMS - 1]).toContain('feature 12 (Point): latitude 102');
    expect(problems[MAX_LISTED_PROBLEMS]).toBe('many.geojson: … and 18 more problems.');
  });

  it('counts every problem however many there are, and says "problem" for one', () => {
    expect(problemsOf(readGeoJson(offTheGlobe(1000), 'x.geojson')).at(-1)).toBe(
      'x.geojson: … and 988 more problems.',
    );
    expect(problemsOf(readGeoJson(offTheGlobe(MAX_LISTED_PROBLEMS + 1), 'x.geojson')).at(-1)).toBe(
      'x.geojson: … and 1 more problem.',
    );
    const exactly = problemsOf(readGeoJson(offTheGlobe(MAX_LISTED_PROBLEMS), 'x.geojson'));
    expect(exactly).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(exactly.some((problem) => problem.includes('more problem'))).toBe(false);
  });

  it('keeps a message short however large the value it quotes', () => {
    const huge = { type: 'Point', coordinates: { list: Array.from({ length: 100_000 }, () => 1) } };
    const [problem] = problemsOf(
      readGeoJson(collection([{ type: 'Feature', geometry: huge, properties: {} }]), 'x.geojson'),
    );
    expect(problem).toContain(
      'feature 1 (Point): coordinates must be an array, not {"list": [1, 1',
    );
    expect(problem!.length).toBeLessThan(200);
  });
});

describe('check-geojson', () => {
  const duplicate = badText('duplicate-key.geojson');

  it('checks a small file that passed the checks here', () => {
    accepted(readGeoJson(collection([point(46, 40)]), 'small.geojson'));
    expect(getIssues).toHaveBeenCalledTimes(1);
  });

  it('is not asked when the checks here have already refused the file', () => {
    problemsOf(readGeoJson(collection([point(46, 95)]), 'bad.geojson'));
    expect(getIssues).not.toHaveBeenCalled();
  });

  it('alone finds a member named twice, which JSON.parse quietly resolves', () => {
    expect(problemsOf(readGeoJson(duplicate, 'duplicate-key.geojson'))).toEqual([
      'duplicate-key.geojson: at line 5, column 86: the member "coordinates" appears twice in one object, which is ambiguous (check-geojson: Duplicate properties are ambiguous in GeoJSON)',
    ]);
    expect(getIssues).toHaveBeenCalledTimes(1);
  });

  it(`is skipped above ${LIBRARY_CHECK_MAX_BYTES / 1024} KB, where it would be slow`, () => {
    // The same duplicated member, in a file made long by good features after it.
    const padding = Array.from({ length: 10_000 }, () => JSON.stringify(point(46.5, 39.7)));
    const long = duplicate.replace(/\n {2}\]\n\}\n$/, `,\n${padding.join(',\n')}\n  ]\n}\n`);
    expect(long.length).toBeGreaterThan(LIBRARY_CHECK_MAX_BYTES);
    expect(accepted(readGeoJson(long, 'long.geojson')).layer.features).toHaveLength(10_002);
    expect(getIssues).not.toHaveBeenCalled();
  });
});

describe('robustness', () => {
  const good = JSON.stringify(MIXED, null, 2);

  it('never throws, and every problem begins with the file name, however the text is damaged', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: good.length - 1 }),
        fc.nat({ max: 8 }),
        fc.string({ maxLength: 3 }),
        (start, deleted, inserted) => {
          const text = good.slice(0, start) + inserted + good.slice(start + deleted);
          const outcome = readGeoJson(text, 'damaged.geojson');
          if (!outcome.ok) {
            expect(outcome.problems.length).toBeGreaterThan(0);
            for (const problem of outcome.problems) expect(problem).toMatch(/^damaged\.geojson: /);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('places a syntax error at its line and column, whatever the engine would say', () => {
    for (const [text, where] of [
      ['{"a": [1, 2,]}', 'line 1, column 12'],
      ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3'],
      ['[1, 2', 'line 1, column 6'],
    ] as const) {
      expect(problemsOf(readGeoJson(text, 'x.json'))[0]).toContain(`not JSON at ${where}:`);
    }
  });
});

describe('a layer of hostile text (tests/fixtures/xss-payloads.json)', () => {
  const fileName = `${payloads[1]}.geojson`;
  const text = xssLayer(payloads);
  const source = JSON.parse(text) as FeatureCollection;

  it('holds at least 35 distinct payloads, each of which would call alert or set a flag', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(35);
    expect(new Set(payloads).size).toBe(payloads.length);
    for (const payload of payloads) expect(payload).toMatch(/alert|__xss|\\u0061lert/);
    // The browser test uses this one as a file name.
    expect(payloads[1]).not.toMatch(/[\\/]/);
  });

  it('puts every payload in names, values, nested values and ids, around 46–47°E, 39.5–40.5°N', () => {
    expect(source.features.map((feature) => feature.geometry.type)).toEqual([
      'Point',
      'Point',
      'Point',
      'Point',
      'LineString',
    ]);
    for (const feature of source.features as Feature[]) {
      const { geometry } = feature;
      const positions =
        geometry.type === 'Point'
          ? [geometry.coordinates]
          : geometry.type === 'LineString'
            ? geometry.coordinates
            : [];
      for (const [longitude, latitude] of positions) {
        expect(longitude).toBeGreaterThanOrEqual(46);
        expect(longitude).toBeLessThanOrEqual(47);
        expect(latitude).toBeGreaterThanOrEqual(39.5);
        expect(latitude).toBeLessThanOrEqual(40.5);
      }
      const properties = feature.properties!;
      for (const payload of payloads) {
        expect(Object.keys(properties)).toContain(payload);
        expect(Object.values(properties)).toContain(payload);
        expect(properties.nested.payloads).toContain(payload);
        expect(properties.nested.byName[payload]).toEqual({ text: payload });
      }
    }
    expect(source.features.map((feature) => feature.id)).toEqual(payloads.slice(0, 5));
  });

  it('is accepted by readGeoJson, named after its file, with nothing changed', () => {
    const { layer, geometryTypes } = accepted(readGeoJson(text, fileName));
    expect(layer.layer).toBe(payloads[1]);
    expect(geometryTypes).toEqual(['LineString', 'Point']);
    expect(layer.features).toEqual(source.features);
  });

  it('is exported with every payload byte for byte, JSON-escaped and never altered', () => {
    const { layer } = accepted(readGeoJson(text, fileName));
    const exported = exportLayers([layer], { layer: layer.layer });
    expect(exported.fileName).toMatch(/^passage-atlas-[a-z0-9-]+\.geojson$/);
    for (const payload of payloads) expect(exported.text).toContain(JSON.stringify(payload));
    const file = JSON.parse(exported.text) as FeatureCollection & { layer: string };
    expect(file.layer).toBe(payloads[1]);
    expect(file.features.map((feature) => feature.id)).toEqual(payloads.slice(0, 5));
    expect(file.features.map((feature) => feature.properties)).toEqual(
      source.features.map((feature) => feature.properties),
    );
    // Read back in, the export is the same layer.
    expect(accepted(readGeoJson(exported.text, fileName)).layer.features).toEqual(source.features);
  });
});
