/**
 * Reading a reader's own GeoJSON file into a layer: parsed, validated, and every problem said
 * plainly with where it is ("feature 12 (Point): latitude 95 is outside -90..90"). Pure: the page
 * runs it in a worker, tests run it directly.
 *
 * What is refused, and why, in short: anything the atlas could not draw (no geometry, a
 * GeometryCollection, a position that is not longitude and latitude in range, a line of one
 * position, an open polygon ring), anything ambiguous (a member named twice, a GeoJSON member
 * where RFC 7946 §7.1 forbids it, coordinates in another reference system), and anything that
 * would change on the way through (a number too large to store, which JSON.parse reads as
 * Infinity and JSON.stringify writes as null).
 *
 * What is accepted on purpose:
 * - a UTF-8 byte order mark before the JSON (editors on Windows write one);
 * - a bare Feature or a bare Geometry instead of a FeatureCollection;
 * - a Feature without a "properties" member (RFC 7946 asks for one; its absence is unambiguous,
 *   so it reads as {} rather than failing a file that the atlas can show as it is);
 * - duplicated feature ids. RFC 7946 does not ask ids to be unique, the map, the panel and the
 *   popups identify an imported feature by its position in the layer, not by its id, so nothing
 *   the reader sees goes wrong; the file's ids are kept as they are, and exporting by id then
 *   selects every feature that carries it, as the file itself says.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import type { ImportedLayer } from './export.ts';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * Up to this size (in characters) a file that passed the checks here also goes through
 * check-geojson. Its AST parse takes about a second per megabyte, and by now it finds little
 * that the checks here do not (a member named twice, which JSON.parse quietly resolves): a 2 MB
 * line of 100 000 positions would spend two seconds there, a file at this limit a quarter.
 */
export const LIBRARY_CHECK_MAX_BYTES = 256 * 1024;
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

type SupportedGeometryType = (typeof SUPPORTED_GEOMETRY_TYPES)[number];

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

const clip = (text: string, length: number): string =>
  text.length > length ? `${text.slice(0, length)}…` : text;

/** A value as JSON, cut off after about `budget` characters however large or deep it is. */
function preview(value: unknown, budget = 60): string {
  let out = '';
  const visit = (part: unknown): boolean => {
    if (out.length > budget) return false;
    if (Array.isArray(part)) {
      out += '[';
      for (let index = 0; index < part.length; index++) {
        if (index > 0) out += ', ';
        if (!visit(part[index])) return false;
      }
      out += ']';
    } else if (typeof part === 'object' && part !== null) {
      out += '{';
      let first = true;
      for (const key in part) {
        out += `${first ? '' : ', '}${JSON.stringify(clip(key, budget))}: `;
        first = false;
        if (!visit((part as Record<string, unknown>)[key])) return false;
      }
      out += '}';
    } else if (typeof part === 'string') {
      out += JSON.stringify(clip(part, budget));
    } else {
      out += String(part);
    }
    return out.length <= budget;
  };
  return visit(value) ? out : `${out.slice(0, budget)}…`;
}

/** A value for a message: short, and text marked as text ("12" (text) is not 12). */
const describe = (value: unknown): string =>
  typeof value === 'string' ? `"${clip(value, 40)}" (text)` : preview(value);

/** "Point" for "point": GeoJSON's type names are case-sensitive, readers' files are not always. */
function caseHint(type: unknown, names: readonly string[]): string {
  if (typeof type !== 'string') return '';
  const match = names.find((name) => name.toLowerCase() === type.toLowerCase());
  return match ? ` (GeoJSON types are case-sensitive: write "${match}")` : '';
}

/** Collects problems; lists the first MAX_LISTED_PROBLEMS and counts the rest. */
class Problems {
  readonly listed: string[] = [];
  count = 0;
  /** A function is only called while the list has room, so that counting stays cheap. */
  add(problem: string | (() => string)): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.listed.push(typeof problem === 'string' ? problem : problem());
    }
  }
  summary(): string[] {
    const more = this.count - this.listed.length;
    return more > 0
      ? [...this.listed, `… and ${more} more problem${more === 1 ? '' : 's'}.`]
      : this.listed;
  }
}

/** RFC 7946 §7.1: members that would make an object look like another kind of GeoJSON object. */
const FORBIDDEN_MEMBERS = {
  FeatureCollection: ['coordinates', 'geometries', 'geometry', 'properties'],
  Feature: ['coordinates', 'geometries', 'features'],
  geometry: ['geometry', 'properties', 'features'],
} as const;

const FORBIDDEN_HINTS: Record<string, string> = {
  properties: 'properties belong on each Feature',
  geometry: 'a geometry belongs inside a Feature',
  coordinates: 'coordinates belong inside a geometry',
  geometries: 'only a GeometryCollection has geometries',
  features: 'only a FeatureCollection has features',
};

/** `subject` begins the message: "feature 3 (Point):" or "The FeatureCollection". */
function checkForbiddenMembers(
  object: object,
  kind: keyof typeof FORBIDDEN_MEMBERS,
  subject: string,
  problems: Problems,
  explained?: string,
): void {
  for (const name of FORBIDDEN_MEMBERS[kind]) {
    if (name !== explained && Object.hasOwn(object, name)) {
      problems.add(
        `${subject} has a "${name}" member, which GeoJSON does not allow in a ${kind} (RFC 7946 §7.1: ${FORBIDDEN_HINTS[name]})`,
      );
    }
  }
}

/** `subject` begins the message: "feature 3:" or "The FeatureCollection's". */
function checkBbox(object: object, subject: string, problems: Problems): void {
  if (!Object.hasOwn(object, 'bbox')) return;
  const box = (object as { bbox: unknown }).bbox;
  if (
    !Array.isArray(box) ||
    (box.length !== 4 && box.length !== 6) ||
    !box.every((value) => typeof value === 'number' && Number.isFinite(value))
  ) {
    problems.add(() => `${subject} bbox must be 4 or 6 numbers, not ${describe(box)}`);
  }
}

/** The fast test that 100 000 positions go through: [longitude, latitude(, altitude)] in range. */
function isGoodPosition(position: unknown): boolean {
  if (!Array.isArray(position)) return false;
  const length = position.length;
  if (length !== 2 && length !== 3) return false;
  const longitude: unknown = position[0];
  const latitude: unknown = position[1];
  return (
    typeof longitude === 'number' &&
    longitude >= -180 &&
    longitude <= 180 &&
    typeof latitude === 'number' &&
    latitude >= -90 &&
    latitude <= 90 &&
    (length === 2 || (typeof position[2] === 'number' && Number.isFinite(position[2])))
  );
}

const DEEPER_TYPE: Partial<Record<SupportedGeometryType, string>> = {
  Point: 'MultiPoint',
  LineString: 'MultiLineString',
  Polygon: 'MultiPolygon',
};

/** Says what is wrong with a position that failed isGoodPosition. */
function reportPosition(
  position: unknown,
  type: SupportedGeometryType,
  where: string,
  problems: Problems,
): void {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) {
    let hint = '';
    if (typeof position === 'number') {
      hint =
        ' (the coordinates lack a level of [ ]: each position is its own [longitude, latitude])';
    } else if (Array.isArray(position) && Array.isArray(position[0])) {
      const deeper = DEEPER_TYPE[type];
      hint = ` (one level of [ ] too many${deeper ? `: is it a ${deeper}?` : ''})`;
    } else if (Array.isArray(position)) {
      hint = position.length < 2 ? ' (too few numbers)' : ' (too many numbers)';
    }
    problems.add(
      () =>
        `${where}: a position must be [longitude, latitude] or [longitude, latitude, altitude], not ${describe(position)}${hint}`,
    );
    return;
  }
  const [longitude, latitude] = position as unknown[];
  for (const [label, value, limit] of [
    ['longitude', longitude, 180],
    ['latitude', latitude, 90],
  ] as const) {
    if (typeof value !== 'number') {
      problems.add(() => `${where}: ${label} ${describe(value)} is not a number`);
    } else if (!Number.isFinite(value)) {
      problems.add(`${where}: ${label} is a number too large to store (it reads as Infinity)`);
    } else if (value < -limit || value > limit) {
      let hint = '';
      if (Math.abs(value) > 360) {
        hint =
          ' (projected coordinates, such as metres? The atlas needs longitude and latitude in degrees, WGS 84)';
      } else if (
        label === 'latitude' &&
        typeof longitude === 'number' &&
        Math.abs(longitude) <= 90 &&
        Math.abs(value) <= 180
      ) {
        hint = ' (are longitude and latitude swapped? GeoJSON puts longitude first)';
      }
      problems.add(`${where}: ${label} ${value} is outside -${limit}..${limit}${hint}`);
    }
  }
  if (position.length === 3) {
    const altitude: unknown = position[2];
    if (typeof altitude !== 'number') {
      problems.add(() => `${where}: altitude ${describe(altitude)} is not a number`);
    } else if (!Number.isFinite(altitude)) {
      problems.add(`${where}: altitude is a number too large to store (it reads as Infinity)`);
    }
  }
}

const samePosition = (a: unknown[], b: unknown[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * A list of positions: a LineString, a ring, a MultiPoint. `label` names one position in a
 * message ("position 3", "point 3"); a ring must also end where it starts.
 */
function checkPositionList(
  list: unknown,
  type: SupportedGeometryType,
  where: string,
  what: string,
  minimum: number,
  label: string,
  ring: boolean,
  problems: Problems,
): void {
  if (!Array.isArray(list)) {
    problems.add(() => `${where}: ${what} must be an array of positions, not ${describe(list)}`);
    return;
  }
  const first: unknown = list[0];
  if (typeof first === 'number') {
    problems.add(
      () =>
        `${where}: ${what} must be a list of [longitude, latitude] positions, not a flat list of numbers (${describe(list)}); write [[46.1, 40.2], [46.3, 40.4], …]`,
    );
    return;
  }
  if (Array.isArray(first) && Array.isArray(first[0])) {
    const deeper = DEEPER_TYPE[type];
    problems.add(
      () =>
        `${where}: one level of [ ] too many${deeper ? ` (is it a ${deeper}?)` : ''}: ${describe(list)}`,
    );
    return;
  }
  if (list.length < minimum) {
    problems.add(
      ring
        ? `${where}: a ring needs at least ${minimum} positions (the last one repeating the first), has ${list.length}`
        : `${where}: needs at least ${minimum} position${minimum === 1 ? '' : 's'}, has ${list.length}`,
    );
  }
  let good = true;
  for (let index = 0; index < list.length; index++) {
    const position: unknown = list[index];
    if (!isGoodPosition(position)) {
      good = false;
      reportPosition(position, type, `${where}, ${label} ${index + 1}`, problems);
    }
  }
  if (ring && good && list.length >= minimum) {
    const first = list[0] as unknown[];
    const last = list[list.length - 1] as unknown[];
    if (!samePosition(first, last)) {
      problems.add(
        () =>
          `${where}: is not closed (its first and last positions differ: ${preview(first)} and ${preview(last)})`,
      );
    }
  }
}

/** An array of parts (lines, rings, polygons) with at least one part. */
function checkParts(
  parts: unknown,
  where: string,
  what: string,
  problems: Problems,
): parts is unknown[] {
  if (!Array.isArray(parts)) {
    problems.add(() => `${where}: ${what} must be an array, not ${describe(parts)}`);
    return false;
  }
  if (parts.length === 0) {
    problems.add(`${where}: has no ${what}`);
    return false;
  }
  return true;
}

function checkRings(rings: unknown, where: string, problems: Problems): void {
  if (!checkParts(rings, where, 'rings', problems)) return;
  for (let index = 0; index < rings.length; index++) {
    const ringWhere = `${where}, ring ${index + 1}`;
    checkPositionList(rings[index], 'Polygon', ringWhere, 'a ring', 4, 'position', true, problems);
  }
}

function checkCoordinates(
  type: SupportedGeometryType,
  coordinates: unknown,
  where: string,
  problems: Problems,
): void {
  if (!Array.isArray(coordinates)) {
    problems.add(() => `${where}: coordinates must be an array, not ${describe(coordinates)}`);
    return;
  }
  switch (type) {
    case 'Point':
      if (!isGoodPosition(coordinates)) reportPosition(coordinates, type, where, problems);
      return;
    case 'MultiPoint':
      return checkPositionList(
        coordinates,
        type,
        where,
        'coordinates',
        1,
        'point',
        false,
        problems,
      );
    case 'LineString':
      return checkPositionList(
        coordinates,
        type,
        where,
        'coordinates',
        2,
        'position',
        false,
        problems,
      );
    case 'MultiLineString':
      if (!checkParts(coordinates, where, 'lines', problems)) return;
      for (let index = 0; index < coordinates.length; index++) {
        checkPositionList(
          coordinates[index],
          type,
          `${where}, line ${index + 1}`,
          'a line',
          2,
          'position',
          false,
          problems,
        );
      }
      return;
    case 'Polygon':
      return checkRings(coordinates, where, problems);
    case 'MultiPolygon':
      if (!checkParts(coordinates, where, 'polygons', problems)) return;
      for (let index = 0; index < coordinates.length; index++) {
        checkRings(coordinates[index], `${where}, polygon ${index + 1}`, problems);
      }
      return;
  }
}

const isSupportedGeometryType = (type: unknown): type is SupportedGeometryType =>
  typeof type === 'string' && (SUPPORTED_GEOMETRY_TYPES as readonly string[]).includes(type);

function checkGeometry(feature: object, where: string, problems: Problems): void {
  if (!Object.hasOwn(feature, 'geometry')) {
    problems.add(
      Object.hasOwn(feature, 'coordinates')
        ? `${where}: has no "geometry" member; its "coordinates" belong inside one ({"type": "Point", "coordinates": …})`
        : `${where}: has no "geometry" member; the atlas can only show features with a geometry`,
    );
    return;
  }
  const geometry: unknown = (feature as { geometry: unknown }).geometry;
  if (geometry === null) {
    problems.add(
      `${where}: geometry is null (a feature without a place); the atlas can only show features with a geometry`,
    );
    return;
  }
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    problems.add(() => `${where}: geometry must be an object, not ${describe(geometry)}`);
    return;
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'GeometryCollection') {
    problems.add(`${where}: GeometryCollection is not supported; split it into features`);
    return;
  }
  if (!isSupportedGeometryType(type)) {
    problems.add(() =>
      type === undefined
        ? `${where}: the geometry has no "type"`
        : `${where}: geometry type ${describe(type)} is not one of ${SUPPORTED_GEOMETRY_TYPES.join(', ')}${caseHint(type, SUPPORTED_GEOMETRY_TYPES)}`,
    );
    return;
  }
  const typed = `${where} (${type})`;
  checkForbiddenMembers(geometry, 'geometry', `${typed}:`, problems);
  checkBbox(geometry, `${typed}:`, problems);
  if (coordinates === undefined) {
    problems.add(`${typed}: has no "coordinates"`);
    return;
  }
  checkCoordinates(type, coordinates, typed, problems);
}

/** Whether a number too large to store hides in a value (walked without recursion). */
function holdsOverflow(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const part = stack.pop();
    if (typeof part === 'number') {
      if (!Number.isFinite(part)) return true;
    } else if (Array.isArray(part)) {
      for (const item of part) stack.push(item);
    } else if (typeof part === 'object' && part !== null) {
      for (const key in part) stack.push((part as Record<string, unknown>)[key]);
    }
  }
  return false;
}

function checkProperties(
  feature: object,
  where: string,
  mayOverflow: boolean,
  problems: Problems,
): void {
  // A missing "properties" member reads as {} (see the top of this file).
  const properties: unknown = (feature as { properties?: unknown }).properties;
  if (properties === undefined || properties === null) return;
  if (Array.isArray(properties)) {
    problems.add(
      () =>
        `${where}: properties is an array (${describe(properties)}); it must be an object of names and values, or null`,
    );
    return;
  }
  if (typeof properties !== 'object') {
    problems.add(
      () => `${where}: properties must be an object or null, not ${describe(properties)}`,
    );
    return;
  }
  if (!mayOverflow) return;
  for (const name in properties) {
    if (holdsOverflow((properties as Record<string, unknown>)[name])) {
      problems.add(
        () =>
          `${where}: property ${JSON.stringify(clip(name, 40))} holds a number too large to store (it reads as Infinity)`,
      );
    }
  }
}

const FEATURE_CONTAINER_TYPES = ['Feature', 'FeatureCollection'] as const;

function checkFeature(
  feature: unknown,
  where: string,
  mayOverflow: boolean,
  problems: Problems,
): void {
  if (feature === null) {
    problems.add(`${where}: is null, not a Feature`);
    return;
  }
  if (typeof feature !== 'object' || Array.isArray(feature)) {
    problems.add(() => `${where}: must be a Feature object, not ${describe(feature)}`);
    return;
  }
  const type: unknown = (feature as { type?: unknown }).type;
  if (type !== 'Feature') {
    problems.add(() => {
      if (type === 'FeatureCollection') {
        return `${where}: is a FeatureCollection nested inside the FeatureCollection; GeoJSON does not nest collections (move its features up into the outer one)`;
      }
      if (isSupportedGeometryType(type) || type === 'GeometryCollection') {
        return `${where}: is a bare ${type} geometry; wrap it in a Feature ({"type": "Feature", "geometry": …, "properties": {}})`;
      }
      if (type === undefined) return `${where}: has no "type"; a feature needs "type": "Feature"`;
      return `${where}: type must be "Feature", not ${describe(type)}${caseHint(type, FEATURE_CONTAINER_TYPES)}`;
    });
    return;
  }
  checkGeometry(feature, where, problems);
  // "coordinates" without a "geometry" has had its own message.
  const explained = Object.hasOwn(feature, 'geometry') ? undefined : 'coordinates';
  checkForbiddenMembers(feature, 'Feature', `${where}:`, problems, explained);
  if (Object.hasOwn(feature, 'id')) {
    const id: unknown = (feature as { id: unknown }).id;
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) {
      problems.add(() => `${where}: id must be text or a number, not ${describe(id)}`);
    }
  }
  checkBbox(feature, `${where}:`, problems);
  checkProperties(feature, where, mayOverflow, problems);
}

/** The name of a declared coordinate reference system that is not longitude/latitude WGS 84. */
function foreignCrs(collection: object): string | null {
  if (!Object.hasOwn(collection, 'crs')) return null;
  const crs: unknown = (collection as { crs: unknown }).crs;
  if (crs === null || typeof crs !== 'object') return null;
  const name: unknown = (crs as { properties?: { name?: unknown } }).properties?.name;
  const href: unknown = (crs as { properties?: { href?: unknown } }).properties?.href;
  const label = typeof name === 'string' ? name : typeof href === 'string' ? href : null;
  if (label === null) return null;
  return /CRS:?84|EPSG:+4326\b|WGS ?84/i.test(label) ? null : label;
}

/** The features of a parsed GeoJSON value, whatever its top level, or the problems with it. */
function featuresOf(value: unknown, problems: Problems): unknown[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    let hint = '';
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      (value[0] as { type?: unknown } | null)?.type === 'Feature'
    ) {
      hint = ' (a list of features? Wrap it: {"type": "FeatureCollection", "features": [ … ]})';
    }
    problems.add(
      `The file is JSON but not GeoJSON: its top level is ${Array.isArray(value) ? 'an array' : describe(value)}, not an object${hint}`,
    );
    return [];
  }
  const type: unknown = (value as { type?: unknown }).type;
  const crs = foreignCrs(value);
  if (crs !== null) {
    problems.add(
      `The file declares its coordinates in ${JSON.stringify(clip(crs, 60))} (its "crs" member); the atlas reads only longitude and latitude in WGS 84 (EPSG:4326): reproject the file, e.g. with ogr2ogr -t_srs EPSG:4326`,
    );
    return [];
  }
  if (type === 'FeatureCollection') {
    checkForbiddenMembers(value, 'FeatureCollection', 'The FeatureCollection', problems);
    checkBbox(value, "The FeatureCollection's", problems);
    if (!Object.hasOwn(value, 'features')) {
      problems.add('The FeatureCollection has no "features" member');
      return [];
    }
    const features: unknown = (value as { features: unknown }).features;
    if (!Array.isArray(features)) {
      problems.add(
        `The FeatureCollection's "features" must be an array, not ${describe(features)}`,
      );
      return [];
    }
    if (features.length === 0) problems.add('The FeatureCollection is empty: it holds no features');
    return features;
  }
  if (type === 'Feature') return [value];
  if (isSupportedGeometryType(type)) return [{ type: 'Feature', geometry: value, properties: {} }];
  if (type === 'GeometryCollection') {
    problems.add(
      'The file is a GeometryCollection, which is not supported; split it into features',
    );
  } else if (type === 'Topology') {
    problems.add(
      'The file is TopoJSON ("type": "Topology"), not GeoJSON; convert it first, e.g. with mapshaper or topojson-client’s topo2geo',
    );
  } else if (type === undefined) {
    problems.add(
      `The file is JSON but not GeoJSON: its top-level object has no "type"${Object.hasOwn(value, 'features') ? ' (add "type": "FeatureCollection")' : ''}`,
    );
  } else {
    problems.add(
      `The file is JSON but not GeoJSON: its "type" is ${describe(type)}${caseHint(type, [...FEATURE_CONTAINER_TYPES, ...SUPPORTED_GEOMETRY_TYPES])}`,
    );
  }
  return [];
}

interface SyntaxProblem {
  offset: number;
  message: string;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Where and why text is not JSON, found by a small scanner of the JSON grammar: the engines'
 * own messages differ from browser to browser (and some give no position), and none says
 * "trailing comma" or "single quotes". Runs only after JSON.parse has failed; null if the
 * scanner finds nothing (the caller then falls back to the engine's message).
 */
function syntaxProblem(text: string): SyntaxProblem | null {
  // What may come next.
  const TOP = 0;
  const FIRST_ITEM = 1; // after "["
  const NEXT_ITEM = 2; // after "," in an array
  const MEMBER_VALUE = 3; // after ":"
  const FIRST_NAME = 4; // after "{"
  const NEXT_NAME = 5; // after "," in an object
  const COLON = 6;
  const AFTER_VALUE = 7; // "," or a closing bracket
  const END = 8;

  const openers: number[] = [];
  const at = (offset: number) => lineAndColumn(text, offset);
  const char = (offset: number) => JSON.stringify(text[offset]);
  let expect = TOP;
  let lastComma = 0;
  let lastName = '';
  let index = 0;
  const afterValue = () => (openers.length === 0 ? END : AFTER_VALUE);

  const scanString = (start: number): number | SyntaxProblem => {
    let position = start + 1;
    for (;;) {
      if (position >= text.length) {
        return {
          offset: start,
          message: `the file ends inside a text value that starts here (was the file cut off, or is a closing " missing?)`,
        };
      }
      const code = text.charCodeAt(position);
      if (code === 34) return position + 1;
      if (code === 92) {
        const escaped = text[position + 1] ?? '';
        if ('"\\/bfnrt'.includes(escaped) && escaped !== '') position += 2;
        else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6)))
          position += 6;
        else {
          return {
            offset: position,
            message: `\\${escaped} is not an escape JSON knows (write \\\\ for a backslash)`,
          };
        }
      } else if (code < 32) {
        return {
          offset: position,
          message: `a raw ${code === 10 || code === 13 ? 'line break' : code === 9 ? 'tab' : 'control character'} inside a text value (write ${code === 9 ? '\\t' : '\\n'} instead, or close the text with ")`,
        };
      } else {
        position++;
      }
    }
  };

  const scanValue = (start: number): number | SyntaxProblem => {
    const code = text.charCodeAt(start);
    if (code === 34) return scanString(start);
    if (code === 123 || code === 91) {
      openers.push(start);
      expect = code === 123 ? FIRST_NAME : FIRST_ITEM;
      return start + 1;
    }
    if (code === 45 || (code >= 48 && code <= 57)) {
      if (text.startsWith('-Infinity', start)) {
        return { offset: start, message: '-Infinity is not a JSON value; write a number or null' };
      }
      NUMBER.lastIndex = start;
      const match = NUMBER.exec(text);
      const end = start + (match?.[0].length ?? 0);
      if (!match || /[\d.eE+-]/.test(text[end] ?? '')) {
        const shown = /^[\w.+-]*/.exec(text.slice(start, start + 30))?.[0] ?? '';
        return {
          offset: start,
          message: `${JSON.stringify(shown)} is not a number as JSON writes them (such as 46.25, -3 or 1.5e3; no leading zeros, no trailing ".")`,
        };
      }
      return end;
    }
    if (code === 39) {
      return {
        offset: start,
        message: `single quotes: JSON text must be in double quotes ("…"), not '…'`,
      };
    }
    if (code === 43 || code === 46) {
      return {
        offset: start,
        message: `a number cannot start with ${char(start)} in JSON (write 0.5, not .5 or +0.5)`,
      };
    }
    IDENTIFIER.lastIndex = start;
    const word = IDENTIFIER.exec(text)?.[0];
    if (word !== undefined) {
      if (word === 'true' || word === 'false' || word === 'null') return start + word.length;
      if (word === 'NaN' || word === 'Infinity' || word === 'undefined') {
        return { offset: start, message: `${word} is not a JSON value; write a number or null` };
      }
      return {
        offset: start,
        message: `unexpected ${JSON.stringify(clip(word, 30))} where a value should be (text must be in double quotes)`,
      };
    }
    if (code === 60 && expect === TOP) {
      return {
        offset: start,
        message:
          'the file starts with "<": it looks like XML or HTML (a KML or GPX file?), not JSON',
      };
    }
    if (code === 44) {
      return { offset: start, message: 'a comma where a value should be (an empty item?)' };
    }
    return { offset: start, message: `unexpected ${char(start)} where a value should be` };
  };

  for (;;) {
    let code = text.charCodeAt(index);
    while (code === 32 || code === 9 || code === 10 || code === 13) code = text.charCodeAt(++index);
    if (index >= text.length) {
      if (expect === END) return null;
      const opener = openers[openers.length - 1];
      return {
        offset: text.length,
        message:
          opener === undefined
            ? 'the file ends before the JSON is complete (was it cut off?)'
            : `the file ends before the JSON is complete (was it cut off?): the ${char(opener)} at ${at(opener)} is never closed`,
      };
    }
    if (code === 47 && (text[index + 1] === '/' || text[index + 1] === '*')) {
      return { offset: index, message: 'comments (// … or /* … */) are not allowed in JSON' };
    }
    const closer = code === 93 || code === 125;
    switch (expect) {
      case END:
        return {
          offset: index,
          message:
            code === 123
              ? 'more JSON after the end of the first value (one GeoJSON object per line? The atlas reads one FeatureCollection, not newline-delimited GeoJSON)'
              : `more text after the end of the JSON value, starting with ${char(index)}`,
        };
      case FIRST_ITEM:
      case FIRST_NAME:
        if (code === (expect === FIRST_ITEM ? 93 : 125)) {
          openers.pop();
          expect = afterValue();
          index++;
          continue;
        }
        break;
      case COLON:
        if (code !== 58) {
          return {
            offset: index,
            message: `expected ":" after the name ${JSON.stringify(clip(lastName, 30))}, found ${char(index)}`,
          };
        }
        expect = MEMBER_VALUE;
        index++;
        continue;
      case AFTER_VALUE: {
        const opener = openers[openers.length - 1]!;
        const wanted = text[opener] === '{' ? '}' : ']';
        if (code === 44) {
          lastComma = index;
          expect = wanted === '}' ? NEXT_NAME : NEXT_ITEM;
          index++;
          continue;
        }
        if (closer) {
          if (text[index] !== wanted) {
            return {
              offset: index,
              message: `${char(index)} where ${JSON.stringify(wanted)} should close the ${char(opener)} at ${at(opener)}`,
            };
          }
          openers.pop();
          expect = afterValue();
          index++;
          continue;
        }
        return {
          offset: index,
          message: `expected "," or ${JSON.stringify(wanted)} before ${char(index)} (a missing comma?)`,
        };
      }
    }
    if ((expect === NEXT_ITEM || expect === NEXT_NAME) && closer) {
      return {
        offset: lastComma,
        message: `a comma just before ${char(index)}: JSON allows no comma after the last item`,
      };
    }
    if (expect === FIRST_NAME || expect === NEXT_NAME) {
      if (code === 34) {
        const end = scanString(index);
        if (typeof end !== 'number') return end;
        lastName = text.slice(index + 1, end - 1);
        expect = COLON;
        index = end;
        continue;
      }
      IDENTIFIER.lastIndex = index;
      const word = IDENTIFIER.exec(text)?.[0];
      return {
        offset: index,
        message:
          code === 39
            ? `single quotes: JSON names must be in double quotes ("…"), not '…'`
            : word !== undefined
              ? `the name ${word} must be in double quotes ("${clip(word, 30)}")`
              : `expected a name in double quotes, found ${char(index)}`,
      };
    }
    if (expect === MEMBER_VALUE && closer) {
      return {
        offset: index,
        message: `the name ${JSON.stringify(clip(lastName, 30))} has no value before ${char(index)}`,
      };
    }
    const end = scanValue(index);
    if (typeof end !== 'number') return end;
    // An opening bracket has set what comes next; any other value is complete.
    if (code !== 123 && code !== 91) expect = afterValue();
    index = end;
  }
}

/**
 * A file that was not UTF-8: decoding turned its bytes into U+FFFD (or, for UTF-16, into text
 * full of NUL characters). GeoJSON is always UTF-8 (RFC 7946 §11); a Latin-1 file would
 * otherwise come in with its names quietly garbled. (A UTF-8 file that spells U+FFFD itself is
 * refused too: rare, and never a name anyone meant.)
 */
function encodingProblem(text: string): string | null {
  if (text.startsWith('\uFFFD\uFFFD') || text.slice(0, 4).includes('\u0000')) {
    return 'the file is not UTF-8 text (UTF-16, or not text at all?); save it as UTF-8: GeoJSON files are always UTF-8';
  }
  const replaced = text.indexOf('\uFFFD');
  if (replaced === -1) return null;
  return `not UTF-8 at ${lineAndColumn(text, replaced)}: bytes that UTF-8 cannot read (a file saved as Latin-1 or Windows-1252?); save it as UTF-8: GeoJSON files are always UTF-8`;
}

/** The library's findings that this module accepts on purpose (see the top of this file). */
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

/** Parses and validates a file's text; never throws. */
export function readGeoJson(
  text: string,
  fileName: string,
  onProgress?: (fraction: number) => void,
): ImportOutcome {
  const problems = new Problems();
  const prefix = (message: string) => `${fileName}: ${message}`;
  if (text.length === 0) return { ok: false, problems: [prefix('the file is empty.')] };
  // A UTF-8 byte order mark is not part of the JSON. The page's TextDecoder drops it; other
  // readers (Node's readFileSync, a TextDecoder with ignoreBOM) keep it.
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
    const found = syntaxProblem(text);
    if (found) {
      return {
        ok: false,
        problems: [prefix(`not JSON at ${lineAndColumn(text, found.offset)}: ${found.message}`)],
      };
    }
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
  const mayOverflow = LARGE_EXPONENT.test(text);
  for (let index = 0; index < total; index++) {
    checkFeature(features[index], `feature ${index + 1}`, mayOverflow, problems);
    if (onProgress && index % 5000 === 4999) onProgress((index + 1) / total);
  }
  if (problems.count === 0 && text.length <= LIBRARY_CHECK_MAX_BYTES) {
    for (const issue of getIssues(text)) {
      if (ACCEPTED_LIBRARY_ISSUES.has(issue.message)) continue;
      problems.add(() => libraryProblem(text, issue.from, issue.to, issue.message));
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
