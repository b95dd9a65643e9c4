/**
 * Reading a reader's own file into a layer: which format it is, parsed, validated, and every
 * problem said plainly with where it is ("feature 12 (Point): latitude 95 is outside -90..90").
 * Pure: the page runs it in a worker, tests run it directly. The syntax (import-syntax.ts), the
 * checks (import-checks.ts, import-geometry.ts), CSV (import-csv.ts) and the wording
 * (import-messages.ts) each have a module of their own.
 */
import { getIssues } from '@placemarkio/check-geojson';
import { checkFeature, featuresOf, type ImportedFeature } from './import-checks.ts';
import { looksLikeCsv, readCsv } from './import-csv.ts';
import { MAX_IMPORT_BYTES } from './import-limits.ts';
import { ACCEPTED_FORMATS, clip, lineAndColumn, Problems } from './import-messages.ts';
import { encodingProblem, jsonSyntaxProblem } from './import-syntax.ts';

export type { ImportedFeature };
export { MAX_LISTED_PROBLEMS } from './import-messages.ts';

export { MAX_IMPORT_BYTES };
/**
 * Up to this size (in characters) a file that passed the checks here also goes through
 * check-geojson. Its parser costs about 0.5–1 s per megabyte (measured on this project's
 * machine: 256 KB of points 0.2–0.26 s, 1 MB 1–1.5 s, 2 MB 1.3–1.7 s; JSON.parse of the same
 * 2 MB takes 15 ms), and by now it finds little that the checks here do not (a member named
 * twice, which JSON.parse quietly resolves): the limit keeps its cost to a quarter of a second.
 */
export const LIBRARY_CHECK_MAX_BYTES = 256 * 1024;

/** A file taken in: its layer, named after the file, and the geometry types it holds. */
export interface ImportedLayerData {
  type: 'FeatureCollection';
  layer: string;
  features: ImportedFeature[];
}

export type ImportOutcome =
  | { ok: true; layer: ImportedLayerData; geometryTypes: string[] }
  | { ok: false; problems: string[] };

/** A display name for the layer: the file name without its extension, as plain text. */
export function layerNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base
    .replace(/\.(geo)?json$/i, '')
    .replace(/\.(csv|tsv)$/i, '')
    .trim();
  return name.length > 0 ? name.slice(0, 120) : 'Imported layer';
}

export function sizeProblem(fileName: string, bytes: number): string | null {
  if (bytes === 0) return `${fileName}: the file is empty.`;
  if (bytes > MAX_IMPORT_BYTES) {
    const megabytes = (size: number) => (size / 1024 / 1024).toFixed(1);
    return `${fileName}: the file is ${megabytes(bytes)} MB; the limit is ${megabytes(MAX_IMPORT_BYTES)} MB.`;
  }
  return null;
}

/** Formats people have that are neither, by extension, for the message that says so. */
const OTHER_FORMATS: Record<string, string> = {
  kml: 'KML',
  kmz: 'KMZ',
  gpx: 'GPX',
  shp: 'a Shapefile',
  zip: 'a ZIP archive',
  gpkg: 'GeoPackage',
  xlsx: 'an Excel workbook',
  xls: 'an Excel workbook',
  ods: 'a spreadsheet',
  topojson: 'TopoJSON',
  pdf: 'PDF',
};

/** Which reader a file goes to: by its extension, or else by how its text begins. */
export function formatOf(fileName: string, text: string): 'geojson' | 'csv' | 'other' {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (/^\uFEFF?\s*[{[]/.test(text)) return 'geojson';
  if (looksLikeCsv(text)) return 'csv';
  return extension === '' || extension === 'txt' ? 'geojson' : 'other';
}

/** Reads a file's text in whatever format it is; never throws. */
export function readImport(
  text: string,
  fileName: string,
  onProgress?: (fraction: number) => void,
): ImportOutcome {
  switch (formatOf(fileName, text)) {
    case 'csv':
      return readCsv(text, fileName, layerNameFromFile(fileName));
    case 'geojson':
      return readGeoJson(text, fileName, onProgress);
    case 'other': {
      const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
      const what = OTHER_FORMATS[extension] ?? `a .${clip(extension, 12)} file`;
      return {
        ok: false,
        problems: [
          `${fileName}: ${what} is not a format the atlas reads. ${ACCEPTED_FORMATS}; convert it first, e.g. with ogr2ogr -f GeoJSON.`,
        ],
      };
    }
  }
}

/** The library's findings that this module accepts on purpose (see import-checks.ts). */
const ACCEPTED_LIBRARY_ISSUES = new Set([
  'The properties member is missing.',
  'This GeoJSON object requires a properties member but it is missing.',
]);

function libraryProblem(text: string, from: number, to: number, message: string): string {
  const where = `at ${lineAndColumn(text, from)}`;
  if (message.startsWith('Duplicate properties')) {
    const name = /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(from, Math.min(to, from + 200)))?.[1];
    return `${where}: the member ${name === undefined ? '' : `"${clip(name, 40)}" `}appears twice in one object, which is ambiguous (check-geojson: ${message})`;
  }
  const excerpt = clip(text.slice(from, to).replace(/\s+/g, ' '), 40);
  return `${where} (${excerpt}): ${message}`;
}

/** An exponent of three digits: the only way a JSON number gets too large to store. */
const LARGE_EXPONENT = /\d[eE]\+?0*[1-9]\d{2}/;

/** The message for text that is not JSON, with where; a hint when it is another format. */
function notJson(text: string, error: unknown): string {
  const found = jsonSyntaxProblem(text);
  if (!found) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const where = position ? ` at ${lineAndColumn(text, Number(position))}` : '';
    return `not JSON${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const message = `not JSON at ${lineAndColumn(text, found.offset)}: ${found.message}`;
  // Nothing in the file was JSON: it is another format altogether.
  if (found.offset !== text.search(/\S/)) return message;
  const csv = looksLikeCsv(text) ? ' (it looks like CSV: name it .csv to import its rows)' : '';
  return `${message}. ${ACCEPTED_FORMATS}${csv}.`;
}

/** Parses and validates a GeoJSON file's text; never throws. */
export function readGeoJson(
  text: string,
  fileName: string,
  onProgress?: (fraction: number) => void,
): ImportOutcome {
  const prefix = (message: string) => `${fileName}: ${message}`;
  if (text.length === 0) return { ok: false, problems: [prefix('the file is empty.')] };
  // A UTF-8 byte order mark is not part of the JSON (editors on Windows write one). The page's
  // TextDecoder drops it; other readers (Node's readFileSync, a TextDecoder with ignoreBOM)
  // keep it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) {
    return { ok: false, problems: [prefix('the file holds only white space, no JSON.')] };
  }
  const encoding = encodingProblem(text);
  if (encoding) return { ok: false, problems: [prefix(encoding)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [prefix(notJson(text, error))] };
  }
  const problems = new Problems();
  const found = featuresOf(value, problems);
  const total = found.length;
  const mayOverflow = LARGE_EXPONENT.test(text);
  const features: ImportedFeature[] = [];
  const geometryTypes = new Set<string>();
  for (let index = 0; index < total; index++) {
    const feature = checkFeature(found[index], `feature ${index + 1}`, mayOverflow, problems);
    if (feature) {
      features.push(feature);
      geometryTypes.add(feature.geometry.type);
    }
    if (onProgress && index % 5000 === 4999) onProgress((index + 1) / total);
  }
  if (problems.count === 0 && text.length <= LIBRARY_CHECK_MAX_BYTES) {
    for (const issue of getIssues(text)) {
      if (ACCEPTED_LIBRARY_ISSUES.has(issue.message)) continue;
      problems.add(() => libraryProblem(text, issue.from, issue.to, issue.message));
    }
  }
  if (problems.count > 0) return { ok: false, problems: problems.summary().map(prefix) };
  return {
    ok: true,
    layer: { type: 'FeatureCollection', layer: layerNameFromFile(fileName), features },
    geometryTypes: [...geometryTypes].sort(),
  };
}
