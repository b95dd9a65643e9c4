/** Geometry helpers for the tests, written apart from the code they check. */
import type { Position } from 'geojson';

/** Shoelace sum: positive when the ring runs counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index]!;
    const [x2 = 0, y2 = 0] = ring[index + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}
