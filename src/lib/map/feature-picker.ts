/**
 * Which feature a point of the map picks: the top-most of the interactive style layers (points
 * over lines over area labels, the reader's own over the atlas's), within a few pixels of the
 * point where nothing is right under it. Used by the map wrapper (atlas-map.ts) only, which
 * hands it MapLibre's map and tells it when layers come and go.
 */
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { interactiveLayerIds } from './style/interaction.ts';

/** Clicks this close to a thin line still pick it. */
export const PICK_TOLERANCE_PX = 6;

export interface PickedFeature {
  id: string;
  /** The id as the map's source has it (imported layers' features are numbered). */
  mapId: string | number;
  source: string;
  lngLat: [number, number];
  /** For a cluster of an imported layer's points: the cluster, not a feature of the layer. */
  cluster?: { id: number; at: [number, number] };
}

type ScreenPoint = { x: number; y: number };

export class FeaturePicker {
  /** The pickable layers in pick order; worked out again when layers come and go. */
  private pickable: string[] | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** The map's style layers have changed. */
  layersChanged(): void {
    this.pickable = null;
  }

  private interactiveLayers(): string[] {
    this.pickable ??= interactiveLayerIds(
      this.map.getLayersOrder().map((id) => ({ id, metadata: this.map.getLayer(id)?.metadata })),
    );
    return this.pickable;
  }

  /** The top-most interactive feature within a few pixels of a screen point. */
  pick(point: ScreenPoint): PickedFeature | null {
    const tolerance = PICK_TOLERANCE_PX;
    const layers = this.interactiveLayers();
    // What is right under the pointer wins; only where nothing is, look a few pixels around.
    const underPointer = this.map.queryRenderedFeatures([point.x, point.y], { layers });
    const features =
      underPointer.length > 0
        ? underPointer
        : this.map.queryRenderedFeatures(
            [
              [point.x - tolerance, point.y - tolerance],
              [point.x + tolerance, point.y + tolerance],
            ],
            { layers },
          );
    const feature = this.closest(features, point);
    if (!feature || feature.id === undefined) return null;
    const lngLat = this.map.unproject([point.x, point.y]);
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

  private closest(features: MapGeoJSONFeature[], point: ScreenPoint) {
    // Points and labels first (they sit on top of lines); among the rest, keep the layer order.
    const order = this.interactiveLayers();
    return [...features].sort((a, b) => {
      const rank = (feature: MapGeoJSONFeature) => order.indexOf(feature.layer.id);
      return rank(a) - rank(b) || this.distance(a, point) - this.distance(b, point);
    })[0];
  }

  private distance(feature: MapGeoJSONFeature, point: ScreenPoint): number {
    if (feature.geometry.type !== 'Point') return 0;
    const projected = this.map.project(feature.geometry.coordinates as [number, number]);
    return Math.hypot(projected.x - point.x, projected.y - point.y);
  }
}
