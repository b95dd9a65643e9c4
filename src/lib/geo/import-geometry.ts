/**
 * The checks of an imported geometry: each returns the geometry typed, or null after saying
 * what is wrong and where ("feature 12 (Point): latitude 95 is outside -90..90").
 */
import type {
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { describe, preview, type Problems } from './import-messages.ts';

export const SUPPORTED_GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
] as const;

export type SupportedGeometryType = (typeof SUPPORTED_GEOMETRY_TYPES)[number];
export type SupportedGeometry =
  Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

export const isSupportedGeometryType = (type: unknown): type is SupportedGeometryType =>
  typeof type === 'string' && (SUPPORTED_GEOMETRY_TYPES as readonly string[]).includes(type);

/** The fast test that 100 000 positions go through: [longitude, latitude(, altitude)] in range. */
function isGoodPosition(position: unknown): position is Position {
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

const samePosition = (a: Position, b: Position): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

interface ListRule {
  /** What the list is, in a message: "coordinates", "a ring", "a line". */
  what: string;
  minimum: number;
  /** One position in a message: "position 3", "point 3". */
  label: string;
  /** A ring must also end where it starts. */
  ring: boolean;
}

const LINE: ListRule = { what: 'a line', minimum: 2, label: 'position', ring: false };
const RING: ListRule = { what: 'a ring', minimum: 4, label: 'position', ring: true };

/** A list of positions: a LineString, a ring, a MultiPoint. */
function checkPositionList(
  list: unknown,
  type: SupportedGeometryType,
  where: string,
  rule: ListRule,
  problems: Problems,
): Position[] | null {
  const { what, minimum, label, ring } = rule;
  if (!Array.isArray(list)) {
    problems.add(() => `${where}: ${what} must be an array of positions, not ${describe(list)}`);
    return null;
  }
  const first: unknown = list[0];
  if (typeof first === 'number') {
    problems.add(
      () =>
        `${where}: ${what} must be a list of [longitude, latitude] positions, not a flat list of numbers (${describe(list)}); write [[46.1, 40.2], [46.3, 40.4], …]`,
    );
    return null;
  }
  if (Array.isArray(first) && Array.isArray(first[0])) {
    const deeper = DEEPER_TYPE[type];
    problems.add(
      () =>
        `${where}: one level of [ ] too many${deeper ? ` (is it a ${deeper}?)` : ''}: ${describe(list)}`,
    );
    return null;
  }
  let good = list.length >= minimum;
  if (!good) {
    problems.add(
      ring
        ? `${where}: a ring needs at least ${minimum} positions (the last one repeating the first), has ${list.length}`
        : `${where}: needs at least ${minimum} position${minimum === 1 ? '' : 's'}, has ${list.length}`,
    );
  }
  const positions: Position[] = [];
  for (let index = 0; index < list.length; index++) {
    const position: unknown = list[index];
    if (isGoodPosition(position)) {
      positions.push(position);
    } else {
      good = false;
      reportPosition(position, type, `${where}, ${label} ${index + 1}`, problems);
    }
  }
  if (!good) return null;
  if (ring && !samePosition(positions[0]!, positions[positions.length - 1]!)) {
    problems.add(
      () =>
        `${where}: is not closed (its first and last positions differ: ${preview(positions[0])} and ${preview(positions[positions.length - 1])})`,
    );
    return null;
  }
  return positions;
}

/** An array of parts (lines, rings, polygons), each checked, with at least one part. */
function checkParts<Part>(
  parts: unknown,
  where: string,
  what: string,
  problems: Problems,
  checkPart: (part: unknown, index: number) => Part | null,
): Part[] | null {
  if (!Array.isArray(parts)) {
    problems.add(() => `${where}: ${what} must be an array, not ${describe(parts)}`);
    return null;
  }
  if (parts.length === 0) {
    problems.add(`${where}: has no ${what}`);
    return null;
  }
  const checked: Part[] = [];
  let good = true;
  for (let index = 0; index < parts.length; index++) {
    const part = checkPart(parts[index], index);
    if (part === null) good = false;
    else checked.push(part);
  }
  return good ? checked : null;
}

function checkRings(rings: unknown, where: string, problems: Problems): Position[][] | null {
  return checkParts(rings, where, 'rings', problems, (ring, index) =>
    checkPositionList(ring, 'Polygon', `${where}, ring ${index + 1}`, RING, problems),
  );
}

/**
 * The geometry `type` with these coordinates, typed, keeping the geometry's other members
 * (`original`); null when something is wrong, which has been said.
 */
export function checkCoordinates(
  type: SupportedGeometryType,
  coordinates: unknown,
  original: object,
  where: string,
  problems: Problems,
): SupportedGeometry | null {
  if (!Array.isArray(coordinates)) {
    problems.add(() => `${where}: coordinates must be an array, not ${describe(coordinates)}`);
    return null;
  }
  const typed = <T>(value: T | null) =>
    value === null ? null : { ...original, coordinates: value };
  switch (type) {
    case 'Point':
      if (isGoodPosition(coordinates)) return { ...original, type, coordinates };
      reportPosition(coordinates, type, where, problems);
      return null;
    case 'MultiPoint': {
      const rule = { what: 'coordinates', minimum: 1, label: 'point', ring: false };
      const points = typed(checkPositionList(coordinates, type, where, rule, problems));
      return points && { ...points, type };
    }
    case 'LineString': {
      const rule = { ...LINE, what: 'coordinates' };
      const line = typed(checkPositionList(coordinates, type, where, rule, problems));
      return line && { ...line, type };
    }
    case 'MultiLineString': {
      const lines = typed(
        checkParts(coordinates, where, 'lines', problems, (line, index) =>
          checkPositionList(line, type, `${where}, line ${index + 1}`, LINE, problems),
        ),
      );
      return lines && { ...lines, type };
    }
    case 'Polygon': {
      const polygon = typed(checkRings(coordinates, where, problems));
      return polygon && { ...polygon, type };
    }
    case 'MultiPolygon': {
      const polygons = typed(
        checkParts(coordinates, where, 'polygons', problems, (rings, index) =>
          checkRings(rings, `${where}, polygon ${index + 1}`, problems),
        ),
      );
      return polygons && { ...polygons, type };
    }
  }
}
