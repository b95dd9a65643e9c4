/**
 * A geometry as its lines: every line, ring or point of it as a list of positions. What a popup
 * is placed beside (map/feature-popup.ts). A module of its own: the first load needs none of it.
 */
import type { Geometry, Position } from 'geojson';

/** Every line (or ring, or point) of a geometry, as positions. */
export function linesOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
      return geometry.coordinates.map((position) => [position]);
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(linesOf);
  }
}
