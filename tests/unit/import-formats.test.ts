/**
 * The import's formats besides GeoJSON: CSV with longitude and latitude columns, the message for
 * anything else, and the copies an import hands on (the map's, the kept one).
 */
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coordinateColumns, looksLikeCsv } from '../../src/lib/geo/import-csv.ts';
import {
  layerDataText,
  mapDataText,
  mapProperties,
  propertyNamesOf,
} from '../../src/lib/geo/import-outputs.ts';
import { formatOf, readImport, type ImportOutcome } from '../../src/lib/geo/import.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/layers/${name}`, 'utf8');

function accepted(outcome: ImportOutcome) {
  if (!outcome.ok) throw new Error(`expected the file to come in:\n${outcome.problems.join('\n')}`);
  return outcome;
}

function refused(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error('expected the file to be refused');
  return outcome.problems;
}

describe('CSV', () => {
  it('reads rows as points, every other column a property as written, named after the file', () => {
    const { layer, geometryTypes } = accepted(readImport(fixture('villages.csv'), 'villages.csv'));
    expect(layer.layer).toBe('villages');
    expect(geometryTypes).toEqual(['Point']);
    expect(layer.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [46.7519, 39.7581] },
      { type: 'Point', coordinates: [46.5497, 39.6394] },
      { type: 'Point', coordinates: [46.7553, 39.8153] },
    ]);
    expect(layer.features[0]!.properties).toEqual({
      name: 'Shusha',
      population: '4064',
      note: 'on a hill, above the Dashalti',
    });
    expect(layer.features[2]!.properties!.note).toBe('also "Stepanakert"');
  });

  it('knows the usual column names in any case, and where they are', () => {
    expect(coordinateColumns(['id', 'LAT', 'Lng'])).toEqual({ longitude: 2, latitude: 1 });
    expect(coordinateColumns(['x', 'y'])).toEqual({ longitude: 0, latitude: 1 });
    expect(coordinateColumns([' Longitude ', 'latitude'])).toEqual({ longitude: 0, latitude: 1 });
    expect(coordinateColumns(['lon', 'name'])).toBeNull();
  });

  it('reads semicolons and decimal commas, as European spreadsheets write them', () => {
    const text = 'name;lat;lon\nShusha;39,7581;46,7519\r\nLachin;39.6394;46.5497\n';
    const { layer } = accepted(readImport(text, 'places.csv'));
    expect(layer.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [46.7519, 39.7581] },
      { type: 'Point', coordinates: [46.5497, 39.6394] },
    ]);
  });

  it('names each bad row, counted as a spreadsheet counts them, and imports nothing', () => {
    const text = [
      'name,lon,lat',
      'good,46.5,39.5',
      'words,east,39.5',
      '',
      'off,46.5,95',
      'empty,,39.5',
      'short,46.5',
    ].join('\n');
    expect(refused(readImport(text, 'bad.csv'))).toEqual([
      'bad.csv: row 3: longitude "east" (text) is not a number',
      'bad.csv: row 5: latitude 95 is outside -90..90',
      'bad.csv: row 6: has no longitude (column 2, "lon")',
      'bad.csv: row 7: has no latitude (column 3, "lat")',
    ]);
  });

  it('says which columns it needs when the header has none, and when there are no rows', () => {
    expect(refused(readImport('name,east,north\nA,1,2\n', 'a.csv'))[0]).toBe(
      'a.csv: no longitude and latitude columns: the header (row 1) is "name", "east", "north"; name them longitude and latitude (or lon, lng, x and lat, y)',
    );
    expect(refused(readImport('name,lon,lat\n', 'b.csv'))).toEqual([
      'b.csv: the file has a header but no rows of data',
    ]);
  });
});

describe('which reader a file goes to', () => {
  it('by extension first, then by how the text begins', () => {
    expect(formatOf('a.csv', '{')).toBe('csv');
    expect(formatOf('a.geojson', 'name,lon,lat')).toBe('geojson');
    expect(formatOf('export', '  {"type": "Feature"}')).toBe('geojson');
    expect(formatOf('export.txt', 'name\tlongitude\tlatitude\nA\t1\t2')).toBe('csv');
    expect(looksLikeCsv('"name","lat","lon"\n')).toBe(true);
    expect(formatOf('trip.kml', '<?xml version="1.0"?>')).toBe('other');
  });

  it('a file of another format is refused with the formats the atlas reads', () => {
    expect(refused(readImport('<?xml version="1.0"?><gpx/>', 'trip.gpx'))).toEqual([
      'trip.gpx: GPX is not a format the atlas reads. The atlas reads GeoJSON (.geojson, .json) and CSV with longitude and latitude columns (.csv); convert it first, e.g. with ogr2ogr -f GeoJSON.',
    ]);
    expect(refused(readImport('PK\u0003\u0004', 'shapes.zip'))[0]).toContain(
      'a ZIP archive is not a format the atlas reads',
    );
  });

  it('text that is no JSON at all, under a JSON name, gets the formats too', () => {
    const [problem] = refused(readImport(fixture('../bad/not-json.geojson'), 'not-json.geojson'));
    expect(problem).toContain('not JSON at line 1, column 1: unexpected "name"');
    expect(problem).toContain(
      'The atlas reads GeoJSON (.geojson, .json) and CSV with longitude and latitude columns (.csv) (it looks like CSV: name it .csv to import its rows).',
    );
    // A file that begins as JSON and breaks later is a broken JSON file, not another format.
    expect(refused(readImport('{"type": }', 'x.geojson'))[0]).not.toContain('CSV');
  });
});

describe('what an import hands on', () => {
  const features: Feature[] = [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [46.5, 39.5] },
      properties: { name: 'A', population: 12, capital: false, tags: ['x'], point_count: 3 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [46.6, 39.6] },
      properties: { title: 'B', name: 'B' },
    },
  ];

  it('the property names, in order of first use', () => {
    expect(propertyNamesOf(features)).toEqual([
      'name',
      'population',
      'capital',
      'tags',
      'point_count',
      'title',
    ]);
  });

  it('the map’s copy: geometries with the plain properties a label can show, nothing a cluster uses', () => {
    expect(mapProperties(features[0]!.properties)).toEqual({
      name: 'A',
      population: 12,
      capital: false,
    });
    const copy = JSON.parse(mapDataText(features));
    expect(copy.features.map((feature: Feature) => feature.geometry)).toEqual(
      features.map((feature) => feature.geometry),
    );
  });

  it('the kept copy reads back as the same layer', () => {
    const text = layerDataText(features);
    const { layer } = accepted(readImport(text, 'kept.geojson'));
    expect(layer.features).toEqual(features);
  });
});
