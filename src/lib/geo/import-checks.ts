/**
 * The checks of a parsed GeoJSON value: its top level, each feature, its members and properties.
 * Each check returns what it checked, typed, or null after saying what is wrong and where.
 *
 * What is refused, and why, in short: anything the atlas could not draw (no geometry, a
 * GeometryCollection, a position that is not longitude and latitude in range, a line of one
 * position, an open polygon ring), anything ambiguous (a GeoJSON member where RFC 7946 §7.1
 * forbids it, coordinates in another reference system), and anything that would change on the
 * way through (a number too large to store, which JSON.parse reads as Infinity and
 * JSON.stringify writes as null).
 *
 * What is accepted on purpose:
 * - a bare Feature or a bare Geometry instead of a FeatureCollection;
 * - a Feature without a "properties" member (RFC 7946 asks for one; its absence is unambiguous,
 *   so it reads as {} rather than failing a file that the atlas can show as it is);
 * - duplicated feature ids. RFC 7946 does not ask ids to be unique, the map, the panel and the
 *   popups identify an imported feature by its position in the layer, not by its id, so nothing
 *   the reader sees goes wrong; the file's ids are kept as they are, and exporting by id then
 *   selects every feature that carries it, as the file itself says.
 */
import type { Feature, GeoJsonProperties } from 'geojson';
import {
  checkCoordinates,
  isSupportedGeometryType,
  SUPPORTED_GEOMETRY_TYPES,
  type SupportedGeometry,
} from './import-geometry.ts';
import { caseHint, clip, describe, type Problems } from './import-messages.ts';

/** A feature as the atlas takes it in: a geometry it can draw, properties an object. */
export type ImportedFeature = Feature<SupportedGeometry, GeoJsonProperties>;

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

const FEATURE_CONTAINER_TYPES = ['Feature', 'FeatureCollection'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `subject` begins the message: "feature 3 (Point):" or "The FeatureCollection". */
function checkForbiddenMembers(
  object: object,
  kind: keyof typeof FORBIDDEN_MEMBERS,
  subject: string,
  problems: Problems,
  explained?: string,
): boolean {
  let good = true;
  for (const name of FORBIDDEN_MEMBERS[kind]) {
    if (name !== explained && Object.hasOwn(object, name)) {
      good = false;
      problems.add(
        `${subject} has a "${name}" member, which GeoJSON does not allow in a ${kind} (RFC 7946 §7.1: ${FORBIDDEN_HINTS[name]})`,
      );
    }
  }
  return good;
}

/** `subject` begins the message: "feature 3:" or "The FeatureCollection's". */
function checkBbox(object: Record<string, unknown>, subject: string, problems: Problems): boolean {
  if (!Object.hasOwn(object, 'bbox')) return true;
  const box = object.bbox;
  if (
    Array.isArray(box) &&
    (box.length === 4 || box.length === 6) &&
    box.every((value) => typeof value === 'number' && Number.isFinite(value))
  ) {
    return true;
  }
  problems.add(() => `${subject} bbox must be 4 or 6 numbers, not ${describe(box)}`);
  return false;
}

function checkGeometry(
  feature: Record<string, unknown>,
  where: string,
  problems: Problems,
): SupportedGeometry | null {
  if (!Object.hasOwn(feature, 'geometry')) {
    problems.add(
      Object.hasOwn(feature, 'coordinates')
        ? `${where}: has no "geometry" member; its "coordinates" belong inside one ({"type": "Point", "coordinates": …})`
        : `${where}: has no "geometry" member; the atlas can only show features with a geometry`,
    );
    return null;
  }
  const geometry = feature.geometry;
  if (geometry === null) {
    problems.add(
      `${where}: geometry is null (a feature without a place); the atlas can only show features with a geometry`,
    );
    return null;
  }
  if (!isObject(geometry)) {
    problems.add(() => `${where}: geometry must be an object, not ${describe(geometry)}`);
    return null;
  }
  const { type, coordinates } = geometry;
  if (type === 'GeometryCollection') {
    problems.add(`${where}: GeometryCollection is not supported; split it into features`);
    return null;
  }
  if (!isSupportedGeometryType(type)) {
    problems.add(() =>
      type === undefined
        ? `${where}: the geometry has no "type"`
        : `${where}: geometry type ${describe(type)} is not one of ${SUPPORTED_GEOMETRY_TYPES.join(', ')}${caseHint(type, SUPPORTED_GEOMETRY_TYPES)}`,
    );
    return null;
  }
  const typed = `${where} (${type})`;
  const members = checkForbiddenMembers(geometry, 'geometry', `${typed}:`, problems);
  const box = checkBbox(geometry, `${typed}:`, problems);
  if (coordinates === undefined) {
    problems.add(`${typed}: has no "coordinates"`);
    return null;
  }
  const checked = checkCoordinates(type, coordinates, geometry, typed, problems);
  return members && box ? checked : null;
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
  feature: Record<string, unknown>,
  where: string,
  mayOverflow: boolean,
  problems: Problems,
): GeoJsonProperties | undefined {
  // A missing "properties" member reads as {} (see the top of this file).
  const properties = feature.properties;
  if (properties === undefined || properties === null) return {};
  if (Array.isArray(properties)) {
    problems.add(
      () =>
        `${where}: properties is an array (${describe(properties)}); it must be an object of names and values, or null`,
    );
    return undefined;
  }
  if (!isObject(properties)) {
    problems.add(
      () => `${where}: properties must be an object or null, not ${describe(properties)}`,
    );
    return undefined;
  }
  if (!mayOverflow) return properties;
  let good = true;
  for (const name in properties) {
    if (holdsOverflow(properties[name])) {
      good = false;
      problems.add(
        () =>
          `${where}: property ${JSON.stringify(clip(name, 40))} holds a number too large to store (it reads as Infinity)`,
      );
    }
  }
  return good ? properties : undefined;
}

/**
 * One feature, as the atlas keeps it: its id if it has one, its geometry and its properties
 * (null or missing read as {}). `mayOverflow`: the text holds a number large enough to have
 * been read as Infinity, so the properties are searched for one.
 */
export function checkFeature(
  feature: unknown,
  where: string,
  mayOverflow: boolean,
  problems: Problems,
): ImportedFeature | null {
  if (feature === null) {
    problems.add(`${where}: is null, not a Feature`);
    return null;
  }
  if (!isObject(feature)) {
    problems.add(() => `${where}: must be a Feature object, not ${describe(feature)}`);
    return null;
  }
  const type = feature.type;
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
    return null;
  }
  const geometry = checkGeometry(feature, where, problems);
  // "coordinates" without a "geometry" has had its own message.
  const explained = Object.hasOwn(feature, 'geometry') ? undefined : 'coordinates';
  const members = checkForbiddenMembers(feature, 'Feature', `${where}:`, problems, explained);
  const id = feature.id;
  const goodId =
    id === undefined || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  if (!goodId) problems.add(() => `${where}: id must be text or a number, not ${describe(id)}`);
  const box = checkBbox(feature, `${where}:`, problems);
  const properties = checkProperties(feature, where, mayOverflow, problems);
  if (!geometry || !members || !goodId || !box || properties === undefined) return null;
  return { type: 'Feature', ...(id !== undefined ? { id } : {}), geometry, properties };
}

/** The name of a declared coordinate reference system that is not longitude/latitude WGS 84. */
function foreignCrs(collection: Record<string, unknown>): string | null {
  const crs = collection.crs;
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  const { name, href } = crs.properties;
  const label = typeof name === 'string' ? name : typeof href === 'string' ? href : null;
  if (label === null) return null;
  return /CRS:?84|EPSG:+4326\b|WGS ?84/i.test(label) ? null : label;
}

/** The features of a parsed GeoJSON value, whatever its top level, unchecked; or the problems. */
export function featuresOf(value: unknown, problems: Problems): unknown[] {
  if (!isObject(value)) {
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
  const type = value.type;
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
    const features = value.features;
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
