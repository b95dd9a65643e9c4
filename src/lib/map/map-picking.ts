/**
 * Which feature a click or hover means: the top-most interactive one under the pointer, or
 * within a few pixels of it (a thin route is hard to hit). Takes MapLibre's map from the wrapper
 * (atlas-map.ts), which keeps it private.
 */
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';

export interface PickedFeature {
  id: string;
  /** The id as the map's source has it (imported layers' features are numbered). */
  mapId: string | number;
  source: string;
  lngLat: [number, number];
  /** For a cluster of an imported layer's points: the cluster, not a feature of the layer. */
  cluster?: { id: number; at: [number, number] };
}

type Pixel = { x: number; y: number };

/** `layers` are the interactive style layers in pick order (style/interaction.ts). */
export function pickFeature(
  map: MapLibreMap,
  layers: string[],
  point: Pixel,
  tolerance: number,
): PickedFeature | null {
  // What is right under the pointer wins; only where nothing is, look a few pixels around.
  const underPointer = map.queryRenderedFeatures([point.x, point.y], { layers });
  const features =
    underPointer.length > 0
      ? underPointer
      : map.queryRenderedFeatures(
          [
            [point.x - tolerance, point.y - tolerance],
            [point.x + tolerance, point.y + tolerance],
          ],
          { layers },
        );
  const feature = closest(map, layers, features, point);
  if (!feature || feature.id === undefined) return null;
  const lngLat = map.unproject([point.x, point.y]);
  const picked: PickedFeature = {
    id: String(feature.id),
    mapId: feature.id,
    source: feature.source,
    lngLat: [lngLat.lng, lngLat.lat],
  };
  if (feature.properties.cluster === true && feature.geometry.type === 'Point') {
    const [longitude, latitude] = feature.geometry.coordinates as [number, number];
    picked.cluster = { id: Number(feature.properties.cluster_id), at: [longitude, latitude] };
  }
  return picked;
}

function closest(map: MapLibreMap, order: string[], features: MapGeoJSONFeature[], point: Pixel) {
  // Points and labels first (they sit on top of lines); among the rest, keep the layer order.
  const rank = (feature: MapGeoJSONFeature) => order.indexOf(feature.layer.id);
  const distance = (feature: MapGeoJSONFeature) => {
    if (feature.geometry.type !== 'Point') return 0;
    const projected = map.project(feature.geometry.coordinates as [number, number]);
    return Math.hypot(projected.x - point.x, projected.y - point.y);
  };
  return [...features].sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b))[0];
}
