/**
 * Writing a layer file: canonical key order, rounded coordinates, right-hand winding, and a
 * layout that reads well in a diff (two-space indentation, each coordinate pair on one line).
 */
import type { Geometry, Position } from 'geojson';
import { COORDINATE_DECIMALS } from './contract.ts';

export function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function roundPosition(position: Position, decimals: number): Position {
  return position.map((value) => roundCoordinate(value, decimals));
}

/** Twice the signed area of a ring (positive when counter-clockwise in lon/lat). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[index + 1]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

/** RFC 7946 right-hand rule: exterior rings counter-clockwise, holes clockwise. */
function windRings(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const counterClockwise = signedArea(ring) > 0;
    const wantCounterClockwise = index === 0;
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

/** A copy of the geometry with coordinates rounded and polygons wound by the right-hand rule. */
export function normalizeGeometry(geometry: Geometry, decimals = COORDINATE_DECIMALS): Geometry {
  const round = (position: Position) => roundPosition(position, decimals);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(round) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(round) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line) => line.map(round)),
      };
    case 'Polygon':
      return {
        type: 'Polygon',
        coordinates: windRings(geometry.coordinates.map((ring) => ring.map(round))),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          windRings(polygon.map((ring) => ring.map(round))),
        ),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => normalizeGeometry(part, decimals)),
      };
  }
}

const SPACE = 32;
const NEWLINE = 10;
const COMMA = 44;
const CLOSE_BRACKET = 93;

/** Whether a character can be part of a number as JSON.stringify writes it: [0-9.eE+-]. */
function isNumberCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 101 ||
    code === 69 ||
    code === 43 ||
    code === 45
  );
}

/** Skips the spaces from `position` on. */
function skipSpaces(text: string, position: number): number {
  while (text.charCodeAt(position) === SPACE) position++;
  return position;
}

/** Skips one number as JSON.stringify writes it from `position` on. */
function skipNumber(text: string, position: number): number {
  while (isNumberCharacter(text.charCodeAt(position))) position++;
  return position;
}

/**
 * In `JSON.stringify(value, null, 2)` output, the index just after the "]" of the array that
 * opens at `open` (a "[" followed by a line break) if all its elements are numbers; else -1.
 */
function numberArrayEnd(text: string, open: number): number {
  let position = open + 2;
  for (;;) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    if (position === start) return -1;
    const next = text.charCodeAt(position);
    if (next === COMMA && text.charCodeAt(position + 1) === NEWLINE) {
      position += 2;
    } else if (next === NEWLINE) {
      position = skipSpaces(text, position + 1);
      return text.charCodeAt(position) === CLOSE_BRACKET ? position + 1 : -1;
    } else {
      return -1;
    }
  }
}

/** That array (between `open` and `end`) on one line: "[1, 2]". */
function oneLine(text: string, open: number, end: number): string {
  let row = '[';
  let position = open + 2;
  while (position < end - 1) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    row += (row === '[' ? '' : ', ') + text.slice(start, position);
    position = text.charCodeAt(position) === COMMA ? position + 2 : end;
  }
  return row + ']';
}

/**
 * JSON with two-space indentation in which every array of numbers (a coordinate pair, a bbox)
 * stands on one line, ending in a newline: `JSON.stringify(value, null, 2)` with each such array
 * joined onto one line. JSON strings never hold a raw line break, so "[" and a line break
 * always open an array. One native stringify and one indexOf scan, so that 100 000 features
 * take a fraction of a second.
 */
export function formatJson(value: unknown): string {
  const indented = JSON.stringify(value, null, 2);
  let text = '';
  let copied = 0;
  let open = indented.indexOf('[\n');
  while (open !== -1) {
    const end = numberArrayEnd(indented, open);
    if (end === -1) {
      open = indented.indexOf('[\n', open + 2);
    } else {
      text += indented.slice(copied, open) + oneLine(indented, open, end);
      copied = end;
      open = indented.indexOf('[\n', end);
    }
  }
  return copied === 0 ? indented + '\n' : text + indented.slice(copied) + '\n';
}
