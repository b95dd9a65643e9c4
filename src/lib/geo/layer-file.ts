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

/**
 * JSON with two-space indentation in which every array of numbers (a coordinate pair, a bbox)
 * stands on one line. JSON strings never hold a raw line break, so the pattern cannot reach
 * into a string.
 */
export function formatJson(value: unknown): string {
  const indented = JSON.stringify(value, null, 2);
  return (
    indented.replace(/\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g, (_match, numbers: string) =>
      `[${numbers.split(/,\n\s*/).join(', ')}]`,
    ) + '\n'
  );
}
