/**
 * A thin wrapper over MapLibre: the only module that touches the map object, so that components
 * can be unit-tested with it mocked and the map itself is tested in a browser.
 */
import {
  LngLatBounds,
  Map as MapLibreMap,
  Popup,
  setWorkerUrl,
  type LngLatLike,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bounds } from '../geo/feature-place.ts';
import { checkpointIcon } from './icons.ts';
import { CHECKPOINT_ICON, importedLayerStyle, INTERACTIVE_LAYER_IDS } from './style.ts';

setWorkerUrl(workerUrl);

export interface MapView {
  zoom: number;
  latitude: number;
  longitude: number;
}

/** A feature as the map's feature state knows it: its source and its id there. */
export interface FeatureKey {
  source: string;
  id: string | number;
}

export interface PickedFeature {
  id: string;
  /** The id as the map's feature state has it (imported layers are numbered). */
  stateId: string | number;
  source: string;
  lngLat: [number, number];
}

export interface AtlasMapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  initialBounds: Bounds;
  initialView?: MapView | undefined;
}

/** Clicks this close to a thin line still pick it. */
export const PICK_TOLERANCE_PX = 6;

export class WebGLUnavailableError extends Error {
  constructor(cause: unknown) {
    super('This device or browser cannot draw the map (WebGL is unavailable).', { cause });
    this.name = 'WebGLUnavailableError';
  }
}

export class AtlasMap {
  private hovered: FeatureKey | null = null;
  private selected: FeatureKey | null = null;
  private popup: Popup | null = null;
  private readonly extraInteractiveLayers = new Set<string>();

  private constructor(readonly map: MapLibreMap) {}

  static create(options: AtlasMapOptions): Promise<AtlasMap> {
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: options.container,
        style: options.style,
        ...(options.initialView
          ? {
              center: [options.initialView.longitude, options.initialView.latitude],
              zoom: options.initialView.zoom,
            }
          : {
              bounds: options.initialBounds,
              fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 40, right: 90 } },
            }),
        attributionControl: { compact: false },
        keyboard: true,
        dragRotate: false,
        pitchWithRotate: false,
        cancelPendingTileRequestsWhileZooming: false,
      });
    } catch (error) {
      return Promise.reject(new WebGLUnavailableError(error));
    }
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    const atlasMap = new AtlasMap(map);
    map.addImage(CHECKPOINT_ICON, checkpointIcon(), { pixelRatio: 2 });
    atlasMap.listenForHover();
    return new Promise((resolve, reject) => {
      map.once('load', () => resolve(atlasMap));
      map.once('error', (event) => {
        if (!map.loaded()) reject(event.error);
      });
    });
  }

  private interactiveLayers(): string[] {
    return [...this.extraInteractiveLayers, ...INTERACTIVE_LAYER_IDS].filter((id) =>
      this.map.getLayer(id),
    );
  }

  /** The top-most interactive feature within a few pixels of a screen point. */
  pickAt(point: { x: number; y: number }): PickedFeature | null {
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
    return {
      id: String(feature.id),
      stateId: feature.id,
      source: feature.source,
      lngLat: [lngLat.lng, lngLat.lat],
    };
  }

  private closest(features: MapGeoJSONFeature[], point: { x: number; y: number }) {
    // Points and labels first (they sit on top of lines); among the rest, keep the layer order.
    const order = this.interactiveLayers();
    return [...features].sort((a, b) => {
      const rank = (feature: MapGeoJSONFeature) => order.indexOf(feature.layer.id);
      return rank(a) - rank(b) || this.distance(a, point) - this.distance(b, point);
    })[0];
  }

  private distance(feature: MapGeoJSONFeature, point: { x: number; y: number }): number {
    if (feature.geometry.type !== 'Point') return 0;
    const projected = this.map.project(feature.geometry.coordinates as [number, number]);
    return Math.hypot(projected.x - point.x, projected.y - point.y);
  }

  private listenForHover(): void {
    this.map.on('mousemove', (event) => {
      const picked = this.pickAt(event.point);
      this.map.getCanvas().style.cursor = picked ? 'pointer' : '';
      const key = picked ? { source: picked.source, id: picked.stateId } : null;
      this.setState('hover', key, this.hovered);
      this.hovered = key;
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      this.setState('hover', null, this.hovered);
      this.hovered = null;
    });
  }

  private setState(
    key: 'hover' | 'selected',
    next: FeatureKey | null,
    previous: FeatureKey | null,
  ): void {
    if (previous && (previous.id !== next?.id || previous.source !== next?.source)) {
      if (this.map.getSource(previous.source))
        this.map.setFeatureState({ source: previous.source, id: previous.id }, { [key]: false });
    }
    if (next) this.map.setFeatureState({ source: next.source, id: next.id }, { [key]: true });
  }

  onFeatureClick(listener: (picked: PickedFeature | null) => void): void {
    this.map.on('click', (event) => listener(this.pickAt(event.point)));
  }

  onViewChange(listener: (view: MapView) => void): void {
    this.map.on('moveend', () => listener(this.view()));
  }

  view(): MapView {
    const center = this.map.getCenter();
    return { zoom: this.map.getZoom(), latitude: center.lat, longitude: center.lng };
  }

  jumpTo(view: MapView): void {
    this.map.jumpTo({ center: [view.longitude, view.latitude], zoom: view.zoom });
  }

  fitBounds(bounds: Bounds, animate = true): void {
    this.map.fitBounds(new LngLatBounds(bounds), { padding: 48, maxZoom: 10, animate });
  }

  /** Moves to a feature so that it is in view, keeping the current zoom where it already fits. */
  showBounds(bounds: Bounds): void {
    const [west, south, east, north] = bounds;
    if (west === east && south === north) {
      this.map.flyTo({
        center: [west, south],
        zoom: Math.max(this.map.getZoom(), 8),
        essential: true,
      });
    } else {
      this.fitBounds(bounds);
    }
  }

  select(feature: FeatureKey | null): void {
    this.setState('selected', feature, this.selected);
    this.selected = feature;
  }

  openPopup(at: LngLatLike, content: HTMLElement, onClose: () => void): void {
    this.closePopup();
    // MapLibre's own focusing would scroll the map's container; focus without scrolling instead.
    const popup = new Popup({ maxWidth: '380px', focusAfterOpen: false, closeButton: true })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(this.map);
    const focusTarget = content.querySelector<HTMLElement>('[tabindex="-1"]');
    focusTarget?.focus({ preventScroll: true });
    popup.on('close', () => {
      if (this.popup === popup) this.popup = null;
      onClose();
    });
    this.popup = popup;
  }

  closePopup(): void {
    const popup = this.popup;
    this.popup = null;
    popup?.remove();
  }

  setGroupVisible(group: string, visible: boolean): void {
    for (const layer of this.map.getStyle().layers) {
      const metadata = layer.metadata as Record<string, unknown> | undefined;
      if (metadata?.['atlas:group'] === group) {
        this.map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
      }
    }
  }

  project(lngLat: [number, number]): { x: number; y: number } {
    const point = this.map.project(lngLat);
    return { x: point.x, y: point.y };
  }

  visibleBounds(): Bounds {
    return this.map.getBounds().toArray().flat() as Bounds;
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  /**
   * Adds a reader's layer from a URL of its GeoJSON (the map's worker fetches and parses it);
   * resolves once the map has drawn it.
   */
  addImportedLayer(sourceId: string, dataUrl: string, colour: string): Promise<void> {
    this.map.addSource(sourceId, { type: 'geojson', data: dataUrl, generateId: true });
    for (const layer of importedLayerStyle(sourceId, colour)) {
      this.map.addLayer(layer);
      this.extraInteractiveLayers.add(layer.id);
    }
    return new Promise((resolve) => {
      const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
        if (event.sourceId !== sourceId || !event.isSourceLoaded) return;
        this.map.off('sourcedata', onData);
        this.map.once('idle', () => resolve());
      };
      this.map.on('sourcedata', onData);
    });
  }

  removeImportedLayer(sourceId: string): void {
    for (const layer of this.map.getStyle().layers) {
      if ('source' in layer && layer.source === sourceId) {
        this.map.removeLayer(layer.id);
        this.extraInteractiveLayers.delete(layer.id);
      }
    }
    if (this.hovered?.source === sourceId) this.hovered = null;
    if (this.selected?.source === sourceId) this.selected = null;
    if (this.map.getSource(sourceId)) this.map.removeSource(sourceId);
  }

  remove(): void {
    this.map.remove();
  }
}
