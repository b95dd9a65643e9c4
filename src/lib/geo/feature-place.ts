/**
 * Where on a feature to anchor its popup, and the box to show it in.
 */
import type { Geometry, Position } from 'geojson';
import { loadOnce } from '../load-once.ts';

export type Bounds = [number, number, number, number];

/** turf's measures, loaded on first use: the first view of the page never needs them. */
const loadTurf = loadOnce(async () => {
  const [{ along }, { length }, { pointOnFeature }] = await Promise.all([
    import('@turf/along'),
    import('@turf/length'),
    import('@turf/point-on-feature'),
  ]);
  return { along, length, pointOnFeature };
});

/**
 * Where a popup opens when the reader did not click a point of the feature (it was chosen in the
 * list, the text or a link): a point itself, the middle of a line along its length, a point
 * inside a polygon.
 */
export async function popupAnchor(geometry: Geometry): Promise<[number, number]> {
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!];
  const { along, length, pointOnFeature } = await loadTurf();
  const feature = { type: 'Feature' as const, geometry, properties: {} };
  const anchor =
    geometry.type === 'LineString'
      ? along({ ...feature, geometry }, length(feature) / 2)
      : pointOnFeature(feature);
  return anchor.geometry.coordinates as [number, number];
}

/**
 * The box of every position of a geometry: [west, south, east, north]; for a geometry without
 * positions, [Infinity, Infinity, -Infinity, -Infinity] (as turf's bbox has it).
 */
export function featureBounds(geometry: Geometry): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (position: Position) => {
    // By index, not destructuring: a malformed position (a number) must not throw.
    const x = position[0]!;
    const y = position[1]!;
    if (x < bounds[0]) bounds[0] = x;
    if (y < bounds[1]) bounds[1] = y;
    if (x > bounds[2]) bounds[2] = x;
    if (y > bounds[3]) bounds[3] = y;
  };
  const walk = (part: Geometry) => {
    switch (part.type) {
      case 'Point':
        visit(part.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        part.coordinates.forEach(visit);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of part.coordinates) line.forEach(visit);
        break;
      case 'MultiPolygon':
        for (const polygon of part.coordinates) for (const ring of polygon) ring.forEach(visit);
        break;
      case 'GeometryCollection':
        part.geometries.forEach(walk);
        break;
    }
  };
  walk(geometry);
  return bounds;
}

/** The union of boxes. */
export function unionBounds(boxes: readonly Bounds[]): Bounds {
  return boxes.reduce<Bounds>(
    (union, box) => [
      Math.min(union[0], box[0]),
      Math.min(union[1], box[1]),
      Math.max(union[2], box[2]),
      Math.max(union[3], box[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
