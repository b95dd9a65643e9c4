/**
 * Where on a feature to anchor its popup, and the box to show it in.
 */
import { along } from '@turf/along';
import { bbox } from '@turf/bbox';
import { length } from '@turf/length';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, Geometry } from 'geojson';

export type Bounds = [number, number, number, number];

export function popupAnchor(geometry: Geometry): [number, number] {
  const feature: Feature = { type: 'Feature', geometry, properties: {} };
  if (geometry.type === 'LineString') {
    const halfway = length(feature) / 2;
    return along({ type: 'Feature', geometry, properties: {} }, halfway).geometry.coordinates as [
      number,
      number,
    ];
  }
  return pointOnFeature(feature).geometry.coordinates as [number, number];
}

export function featureBounds(geometry: Geometry): Bounds {
  return bbox({ type: 'Feature', geometry, properties: {} }).slice(0, 4) as Bounds;
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
