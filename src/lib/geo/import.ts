/**
 * Reading a reader's own GeoJSON file into a layer: parsed, validated, and every problem said
 * plainly with where it is ("feature 12: latitude 95 is outside -90..90"). Pure: the page runs it
 * in a worker, tests run it directly.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import type { ImportedLayer } from './export.ts';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Up to this size the file also goes through check-geojson, whose AST parse is slow. */
export const LIBRARY_CHECK_MAX_BYTES = 2 * 1024 * 1024;
/** More problems than this are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 12;

export const SUPPORTED_GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
] as const;

export type ImportOutcome =
  { ok: true; layer: ImportedLayer; geometryTypes: string[] } | { ok: false; problems: string[] };

export class ImportProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportProblems';
  }
}

/** A display name for the layer: the file name without its extension, as plain text. */
export function layerNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.(geo)?json$/i, '').trim();
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

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const describe = (value: unknown): string =>
  typeof value === 'string'
    ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (text)`
    : (JSON.stringify(value) ?? String(value));

/** Collects problems and stops listing them after a while. */
class Problems {
  readonly listed: string[] = [];
  count = 0;
  add(problem: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }
  get full(): boolean {
    return this.listed.length >= MAX_LISTED_PROBLEMS;
  }
  summary(): string[] {
    const more = this.count - this.listed.length;
    return more > 0
      ? [...this.listed, `… and ${more} more problem${more === 1 ? '' : 's'}.`]
      : this.listed;
  }
}

function checkPosition(position: unknown, where: string, problems: Problems): void {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) {
    problems.add(`${where}: a position must be [longitude, latitude], not ${describe(position)}`);
    return;
  }
  const [longitude, latitude] = position as unknown[];
  for (const [label, value, limit] of [
    ['longitude', longitude, 180],
    ['latitude', latitude, 90],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.add(`${where}: ${label} ${describe(value)} is not a number`);
    } else if (value < -limit || value > limit) {
      problems.add(`${where}: ${label} ${value} is outside -${limit}..${limit}`);
    }
  }
  if (position.length === 3 && typeof position[2] !== 'number') {
    problems.add(`${where}: altitude ${describe(position[2])} is not a number`);
  }
}

function checkPositions(
  value: unknown,
  depth: number,
  where: string,
  problems: Problems,
  minimum: number,
): void {
  if (!Array.isArray(value)) {
    problems.add(`${where}: coordinates must be an array, not ${describe(value)}`);
    return;
  }
  if (depth === 0) return checkPosition(value, where, problems);
  if (depth === 1 && value.length < minimum) {
    problems.add(`${where}: needs at least ${minimum} positions, has ${value.length}`);
  }
  value.forEach((part, index) => {
    if (!problems.full)
      checkPositions(
        part,
        depth - 1,
        depth === 1 ? `${where}, position ${index + 1}` : where,
        problems,
        minimum,
      );
  });
}

const GEOMETRY_SHAPES: Record<
  (typeof SUPPORTED_GEOMETRY_TYPES)[number],
  { depth: number; minimum: number }
> = {
  Point: { depth: 0, minimum: 1 },
  MultiPoint: { depth: 1, minimum: 1 },
  LineString: { depth: 1, minimum: 2 },
  MultiLineString: { depth: 2, minimum: 2 },
  Polygon: { depth: 2, minimum: 4 },
  MultiPolygon: { depth: 3, minimum: 4 },
};

function checkGeometry(geometry: unknown, where: string, problems: Problems): void {
  if (geometry === null || geometry === undefined) {
    problems.add(`${where}: has no geometry (null); the atlas can only show features with one`);
    return;
  }
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    problems.add(`${where}: geometry must be an object, not ${describe(geometry)}`);
    return;
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'GeometryCollection') {
    problems.add(`${where}: GeometryCollection is not supported; split it into features`);
    return;
  }
  const shape = GEOMETRY_SHAPES[type as keyof typeof GEOMETRY_SHAPES];
  if (!shape) {
    problems.add(
      `${where}: geometry type ${describe(type)} is not one of ${SUPPORTED_GEOMETRY_TYPES.join(', ')}`,
    );
    return;
  }
  if (coordinates === undefined) {
    problems.add(`${where}: ${String(type)} has no coordinates`);
    return;
  }
  checkPositions(coordinates, shape.depth, `${where} (${String(type)})`, problems, shape.minimum);
}

function checkFeature(feature: unknown, where: string, problems: Problems): void {
  if (typeof feature !== 'object' || feature === null || Array.isArray(feature)) {
    problems.add(`${where}: must be an object, not ${describe(feature)}`);
    return;
  }
  const { type, geometry, properties } = feature as {
    type?: unknown;
    geometry?: unknown;
    properties?: unknown;
  };
  if (type !== 'Feature') {
    problems.add(`${where}: type must be "Feature", not ${describe(type)}`);
    return;
  }
  checkGeometry(geometry, where, problems);
  if (
    properties !== undefined &&
    properties !== null &&
    (typeof properties !== 'object' || Array.isArray(properties))
  ) {
    problems.add(`${where}: properties must be an object or null, not ${describe(properties)}`);
  }
}

/** The features of a parsed GeoJSON value, whatever its top level, or the problems with it. */
function featuresOf(value: unknown, problems: Problems): unknown[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(
      `The file is JSON but not GeoJSON: its top level is ${Array.isArray(value) ? 'an array' : describe(value)}, not an object`,
    );
    return [];
  }
  const type = (value as { type?: unknown }).type;
  if (type === 'FeatureCollection') {
    const features = (value as { features?: unknown }).features;
    if (!Array.isArray(features)) {
      problems.add('The FeatureCollection has no "features" array');
      return [];
    }
    if (features.length === 0) problems.add('The FeatureCollection is empty: it holds no features');
    return features;
  }
  if (type === 'Feature') return [value];
  if (typeof type === 'string' && (SUPPORTED_GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return [{ type: 'Feature', geometry: value, properties: {} }];
  }
  problems.add(`The file is JSON but not GeoJSON: its "type" is ${describe(type)}`);
  return [];
}

/** Parses and validates a file's text; never throws. */
export function readGeoJson(
  text: string,
  fileName: string,
  onProgress?: (fraction: number) => void,
): ImportOutcome {
  const problems = new Problems();
  const prefix = (message: string) => `${fileName}: ${message}`;
  if (text.trim() === '') return { ok: false, problems: [prefix('the file is empty.')] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const where = position ? ` at ${lineAndColumn(text, Number(position))}` : '';
    return {
      ok: false,
      problems: [
        prefix(`not JSON${where}: ${error instanceof Error ? error.message : String(error)}`),
      ],
    };
  }
  const features = featuresOf(value, problems);
  const total = features.length;
  features.forEach((feature, index) => {
    if (problems.full) return;
    checkFeature(feature, `feature ${index + 1}`, problems);
    if (onProgress && index % 5000 === 4999) onProgress((index + 1) / total);
  });
  if (problems.count === 0 && text.length <= LIBRARY_CHECK_MAX_BYTES) {
    for (const issue of getIssues(text)) {
      problems.add(`at ${lineAndColumn(text, issue.from)}: ${issue.message}`);
    }
  }
  if (problems.count > 0) return { ok: false, problems: problems.summary().map(prefix) };

  const geometryTypes = new Set<string>();
  const layerFeatures = (features as Feature<Geometry, GeoJsonProperties>[]).map((feature) => {
    geometryTypes.add(feature.geometry.type);
    return {
      type: 'Feature' as const,
      ...(feature.id !== undefined ? { id: feature.id } : {}),
      geometry: feature.geometry,
      properties: feature.properties ?? {},
    };
  });
  return {
    ok: true,
    layer: {
      type: 'FeatureCollection',
      layer: layerNameFromFile(fileName),
      features: layerFeatures,
    },
    geometryTypes: [...geometryTypes].sort(),
  };
}
