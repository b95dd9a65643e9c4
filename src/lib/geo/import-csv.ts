/**
 * A CSV file with longitude and latitude columns, as spreadsheets and most tools write them,
 * read into a layer of points with papaparse (delimiter detected: comma, semicolon, tab, bar).
 * Rows are counted as a spreadsheet counts them: the header is row 1. Every other column becomes
 * a property, its value the text as written (CSV has no types: "007" stays "007"). A bad row
 * refuses the file, as a bad feature refuses a GeoJSON file, with the row named.
 */
import type { GeoJsonProperties } from 'geojson';
import Papa from 'papaparse';
import type { ImportedFeature } from './import-checks.ts';
import { clip, describe, Problems } from './import-messages.ts';
import type { ImportOutcome } from './import.ts';

/** Header names read as the coordinate columns, compared in lower case, trimmed. */
export const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];
export const LATITUDE_NAMES = ['latitude', 'lat', 'y'];

/** The positions of the longitude and latitude columns in a header, or null. */
export function coordinateColumns(
  header: readonly string[],
): { longitude: number; latitude: number } | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const find = (candidates: string[]) => {
    for (const candidate of candidates) {
      const index = names.indexOf(candidate);
      if (index !== -1) return index;
    }
    return -1;
  };
  const longitude = find(LONGITUDE_NAMES);
  const latitude = find(LATITUDE_NAMES);
  return longitude === -1 || latitude === -1 ? null : { longitude, latitude };
}

/** Whether a text's first line is a CSV header with coordinate columns. */
export function looksLikeCsv(text: string): boolean {
  const firstLine =
    text
      .slice(0, 4096)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(/[,;\t|]/).map((name) => name.replace(/^"|"$/g, ''));
  return header.length >= 2 && coordinateColumns(header) !== null;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A coordinate as written: a decimal number; with a decimal comma where commas do not delimit. */
function readNumber(value: string, delimiter: string): number | null {
  let written = value.trim();
  if (delimiter !== ',' && /^[+-]?\d+,\d+$/.test(written)) written = written.replace(',', '.');
  return DECIMAL.test(written) ? Number(written) : null;
}

/** Property names from the header: blank ones named by their column, repeated ones numbered. */
function propertyNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const name = raw.trim() || `column ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

export function readCsv(text: string, fileName: string, layerName: string): ImportOutcome {
  const prefix = (message: string) => `${fileName}: ${message}`;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  const problems = new Problems();
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    const row = error.row === undefined ? '' : `row ${error.row + 1}: `;
    problems.add(`${row}${error.message}`);
  }
  const header = rows[0] ?? [];
  const columns = coordinateColumns(header);
  if (!columns) {
    const shown = header.slice(0, 8).map((name) => JSON.stringify(clip(name, 30)));
    return {
      ok: false,
      problems: [
        prefix(
          `no longitude and latitude columns: the header (row 1) is ${shown.join(', ') || 'empty'}; name them longitude and latitude (or lon, lng, x and lat, y)`,
        ),
      ],
    };
  }
  const names = propertyNames(header);
  const features: ImportedFeature[] = [];
  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.length === 1 && row[0]!.trim() === '') continue;
    const where = `row ${index + 1}`;
    const position: number[] = [];
    for (const [label, column, limit] of [
      ['longitude', columns.longitude, 180],
      ['latitude', columns.latitude, 90],
    ] as const) {
      const value = row[column];
      if (value === undefined || value.trim() === '') {
        problems.add(
          `${where}: has no ${label} (column ${column + 1}, "${clip(header[column]!, 30)}")`,
        );
        continue;
      }
      const number = readNumber(value, parsed.meta.delimiter);
      if (number === null)
        problems.add(() => `${where}: ${label} ${describe(value)} is not a number`);
      else if (Math.abs(number) > limit)
        problems.add(`${where}: ${label} ${number} is outside -${limit}..${limit}`);
      else position.push(number);
    }
    if (position.length !== 2) continue;
    const properties: GeoJsonProperties = {};
    for (let column = 0; column < names.length; column++) {
      if (column === columns.longitude || column === columns.latitude) continue;
      properties[names[column]!] = row[column] ?? '';
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties,
    });
  }
  if (problems.count === 0 && features.length === 0) {
    problems.add('the file has a header but no rows of data');
  }
  if (problems.count > 0) return { ok: false, problems: problems.summary().map(prefix) };
  return {
    ok: true,
    layer: { type: 'FeatureCollection', layer: layerName, features },
    geometryTypes: ['Point'],
  };
}
