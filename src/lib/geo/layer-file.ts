/**
 * Writing a layer file: coordinates rounded to six decimals, polygons wound by the right-hand
 * rule, and a layout that reads well in a diff: `JSON.stringify(value, null, 2)` with each array
 * of numbers (a coordinate pair, a bbox) joined onto one line ("[46.53111, 39.54806]").
 *
 * Plain JSON.stringify and one regular expression: exporting 100 000 features takes about half
 * a second this way, which the page spends in a worker (export-worker.ts), never on its own
 * thread; readers export a few thousand features at most.
 */
import { rewind } from '@turf/rewind';
import type { Geometry, Polygon, Position } from 'geojson';
import { COORDINATE_DECIMALS } from './contract.ts';

export function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function roundPosition(position: Position, decimals: number): Position {
  return position.map((value) => roundCoordinate(value, decimals));
}

/**
 * RFC 7946's right-hand rule, by turf: the exterior ring counter-clockwise, holes clockwise.
 * A ring with no area has no winding to set, and stays as it came.
 */
function windRings(rings: Position[][]): Position[][] {
  if (rings.length === 0) return rings;
  const polygon: Polygon = { type: 'Polygon', coordinates: rings };
  rewind(polygon, { mutate: true });
  return polygon.coordinates;
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

/**
 * An array of numbers as `JSON.stringify(value, null, 2)` writes it: "[", a line break, then one
 * number a line, then "]". JSON strings never hold a raw line break, so "[" and a line break
 * always open an array; its elements are numbers where each line starts with "-" or a digit.
 */
const NUMBER_ARRAY = /\[\n *(-?\d[\d.eE+-]*(?:,\n *-?\d[\d.eE+-]*)*)\n *\]/g;
const NUMBER_SEPARATOR = /,\n */g;

/**
 * JSON with two-space indentation in which every array of numbers (a coordinate pair, a bbox)
 * stands on one line, ending in a newline: `JSON.stringify(value, null, 2)` with each such array
 * joined onto one line ("[1, 2]"), byte for byte. Throws where JSON.stringify does (a cycle, a
 * BigInt) and where it gives no JSON at all (undefined, a function).
 */
export function formatJson(value: unknown): string {
  const indented = JSON.stringify(value, null, 2) as string | undefined;
  if (indented === undefined) throw new TypeError(`formatJson: ${typeof value} has no JSON form.`);
  return (
    indented.replace(
      NUMBER_ARRAY,
      (_array, numbers: string) => `[${numbers.replace(NUMBER_SEPARATOR, ', ')}]`,
    ) + '\n'
  );
}
