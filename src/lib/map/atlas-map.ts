/**
 * A thin wrapper over MapLibre: the only module that touches the map object, so that components
 * can be unit-tested with it mocked and the map itself is tested in a browser.
 */
import {
  LngLatBounds,
  Map as MapLibreMap,
  Popup,
  ScaleControl,
  type GeoJSONSource,
  type LngLatLike,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Bounds } from '../geo/feature-place.ts';
import { importedLayerUrl } from './imported-layer-url.ts';
import { loadImportedLayerProtocol } from './start-map-workers.ts';
import {
  IMPORTED_LAYERS_BEFORE,
  importedLayerStyle,
  importedSource,
} from './style/imported-layers.ts';
import { CONTEXT_SOURCE } from './style/features.ts';
import {
  HIGHLIGHT_SOURCE,
  interactiveLayerIds,
  type HighlightProperties,
} from './style/interaction.ts';

export interface MapView {
  zoom: number;
  latitude: number;
  longitude: number;
}

/** A feature as the map knows it: its source and its id there. */
export interface FeatureKey {
  source: string;
  id: string | number;
}

export interface PickedFeature {
  id: string;
  /** The id as the map's source has it (imported layers' features are numbered). */
  mapId: string | number;
  source: string;
  lngLat: [number, number];
  /** For a cluster of an imported layer's points: the cluster, not a feature of the layer. */
  cluster?: { id: number; at: [number, number] };
}

export interface AtlasMapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  initialBounds: Bounds;
  initialView?: MapView | undefined;
  /** Told as soon as the map exists, before it has drawn anything. */
  onCreated?: () => void;
  /** The whole feature a key names, to draw it highlighted; null when there is none. */
  highlightFeature: (key: FeatureKey) => Feature<Geometry, HighlightProperties> | null;
}

/** Clicks this close to a thin line still pick it. */
export const PICK_TOLERANCE_PX = 6;

/**
 * Room kept around the start view's features: more on the right, where the map's own controls
 * sit.
 */
export const START_VIEW_PADDING_PX = { top: 40, bottom: 40, left: 40, right: 90 };
/** Room kept around a feature or layer the map moves to. */
export const FIT_PADDING_PX = 48;
/** The map never zooms in closer than this to fit a feature or layer: the region stays readable. */
export const FIT_MAX_ZOOM = 10;
/** A single point is shown at least this close. */
export const POINT_MIN_ZOOM = 8;
/** A popup's widest: about 50 characters of an excerpt to a line. */
export const POPUP_MAX_WIDTH = '380px';
/**
 * How far out and where a reader can go: the whole world, but not the poles, which the world's
 * map leaves out (Antarctica) or stretches past reading. Within these bounds the map is filled
 * at every zoom: MapLibre zooms in so that the view never shows more than them.
 */
export const MAP_MIN_ZOOM = 1;
// Just inside ±180°: MapLibre 6 fails to create a map whose bounds reach the antimeridian.
export const MAP_MAX_BOUNDS: Bounds = [-179.9, -60, 179.9, 84];
/** The scale bar's widest (MapLibre's ScaleControl). */
export const SCALE_MAX_WIDTH_PX = 100;

export class WebGLUnavailableError extends Error {
  constructor(cause: unknown) {
    super('This device or browser cannot draw the map (WebGL is unavailable).', { cause });
    this.name = 'WebGLUnavailableError';
  }
}

const sameKey = (a: FeatureKey | null, b: FeatureKey | null) =>
  a === b || (a !== null && b !== null && a.source === b.source && a.id === b.id);

export class AtlasMap {
  private hovered: FeatureKey | null = null;
  private selected: FeatureKey | null = null;
  private popup: Popup | null = null;
  /** Imported layers on their way to the map (waiting for the workers' protocol). */
  private readonly addingImports = new Set<string>();
  /** The pickable layers in pick order; recomputed when layers come and go. */
  private pickable: string[] | null = null;
  /** The highlight layers start hidden (no tiles for an empty source); shown on first use. */
  private highlightShown = false;

  private constructor(
    readonly map: MapLibreMap,
    private readonly highlightFeature: AtlasMapOptions['highlightFeature'],
  ) {}

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
              fitBoundsOptions: { padding: START_VIEW_PADDING_PX },
            }),
        attributionControl: { compact: false },
        minZoom: MAP_MIN_ZOOM,
        maxBounds: MAP_MAX_BOUNDS,
        keyboard: true,
        dragRotate: false,
        pitchWithRotate: false,
        cancelPendingTileRequestsWhileZooming: false,
        // Every style the atlas builds, and every imported layer it adds, is validated against
        // the style spec in the unit tests: checking it again on every load costs the first view
        // about 13 ms of the main thread.
        validateStyle: false,
      });
    } catch (error) {
      return Promise.reject(new WebGLUnavailableError(error));
    }
    map.addControl(
      new ScaleControl({ maxWidth: SCALE_MAX_WIDTH_PX, unit: 'metric' }),
      'bottom-left',
    );
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    const atlasMap = new AtlasMap(map, options.highlightFeature);
    atlasMap.listenForHover();
    options.onCreated?.();
    return new Promise((resolve, reject) => {
      map.once('load', () => resolve(atlasMap));
      map.once('error', (event) => {
        if (!map.loaded()) reject(event.error);
      });
    });
  }

  private interactiveLayers(): string[] {
    this.pickable ??= interactiveLayerIds(
      this.map.getLayersOrder().map((id) => ({ id, metadata: this.map.getLayer(id)?.metadata })),
    );
    return this.pickable;
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

  /**
   * Zooms in on a cluster, to where it comes apart, and at least one level: the zoom where it
   * first splits may be a fraction away.
   */
  private async expandCluster(source: string, cluster: { id: number; at: [number, number] }) {
    const clusters = this.map.getSource<GeoJSONSource>(source);
    if (!clusters) return;
    const apart = await clusters.getClusterExpansionZoom(cluster.id);
    this.map.easeTo({ center: cluster.at, zoom: Math.max(apart, this.map.getZoom() + 1) });
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
      // A cluster is no feature of the layer: nothing to highlight.
      const feature = picked && !picked.cluster ? picked : null;
      this.setHovered(feature ? { source: feature.source, id: feature.mapId } : null);
    });
    this.map.getCanvas().addEventListener('mouseleave', () => this.setHovered(null));
  }

  private setHovered(key: FeatureKey | null): void {
    if (sameKey(key, this.hovered)) return;
    this.hovered = key;
    this.drawHighlight();
  }

  /** Copies the selected and the hovered feature into the highlight source. */
  private drawHighlight(): void {
    const keys = [this.selected, this.hovered].filter(
      (key, index, all): key is FeatureKey =>
        key !== null && all.findIndex((other) => sameKey(other, key)) === index,
    );
    const features = keys.flatMap((key) => this.highlightFeature(key) ?? []);
    if (features.length > 0 && !this.highlightShown) {
      this.highlightShown = true;
      this.setGroupVisible('highlight', true);
    }
    this.map
      .getSource<GeoJSONSource>(HIGHLIGHT_SOURCE)
      ?.setData({ type: 'FeatureCollection', features });
  }

  /** Tells of a click on a feature, or on nothing; a click on a cluster zooms in on it. */
  onFeatureClick(listener: (picked: PickedFeature | null) => void): void {
    this.map.on('click', (event) => {
      const picked = this.pickAt(event.point);
      if (picked?.cluster) void this.expandCluster(picked.source, picked.cluster);
      else listener(picked);
    });
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
    this.map.fitBounds(new LngLatBounds(bounds), {
      padding: FIT_PADDING_PX,
      maxZoom: FIT_MAX_ZOOM,
      animate,
    });
  }

  /** Moves to a feature so that it is in view, keeping the current zoom where it already fits. */
  showBounds(bounds: Bounds): void {
    const [west, south, east, north] = bounds;
    if (west === east && south === north) {
      this.map.flyTo({
        center: [west, south],
        zoom: Math.max(this.map.getZoom(), POINT_MIN_ZOOM),
        essential: true,
      });
    } else {
      this.fitBounds(bounds);
    }
  }

  zoomIn(): void {
    this.map.zoomIn();
  }

  zoomOut(): void {
    this.map.zoomOut();
  }

  /** The map's context (its own source, src/lib/map/context.ts), replaced whole. */
  setContext(features: FeatureCollection): void {
    this.map.getSource<GeoJSONSource>(CONTEXT_SOURCE)?.setData(features);
  }

  /** Tells once when the view first reaches `zoom` (at once if it is there); returns the off. */
  onceZoomReaches(zoom: number, listener: () => void): () => void {
    const check = () => {
      if (this.map.getZoom() < zoom) return;
      this.map.off('zoomend', check);
      listener();
    };
    this.map.on('zoomend', check);
    check();
    return () => this.map.off('zoomend', check);
  }

  select(feature: FeatureKey | null): void {
    if (sameKey(feature, this.selected)) return;
    this.selected = feature;
    this.drawHighlight();
  }

  openPopup(at: LngLatLike, content: HTMLElement, onClose: () => void): void {
    this.closePopup();
    // MapLibre's own focusing would scroll the map's container; focus without scrolling instead.
    const popup = new Popup({ maxWidth: POPUP_MAX_WIDTH, focusAfterOpen: false, closeButton: true })
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
    const visibility = visible ? 'visible' : 'none';
    for (const id of this.map.getLayersOrder()) {
      const metadata = this.map.getLayer(id)?.metadata as Record<string, unknown> | undefined;
      if (metadata?.['atlas:group'] !== group) continue;
      // Setting a layer's visibility, even to what it already is, makes the map re-tile its
      // source: only change what changes.
      if ((this.map.getLayoutProperty(id, 'visibility') ?? 'visible') === visibility) continue;
      this.map.setLayoutProperty(id, 'visibility', visibility);
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
   * Adds a reader's layer whose geometries are at a blob: URL (the map's worker reads them);
   * resolves true once the map has drawn it, false if it was removed before it was added.
   */
  async addImportedLayer(
    sourceId: string,
    dataUrl: string,
    colour: string,
    clustered: boolean,
  ): Promise<boolean> {
    this.addingImports.add(sourceId);
    await loadImportedLayerProtocol();
    if (!this.addingImports.delete(sourceId)) return false;
    this.map.addSource(sourceId, importedSource(importedLayerUrl(dataUrl), clustered));
    // Below the highlight of imported features, which must stay on top of them all.
    for (const layer of importedLayerStyle(sourceId, colour, clustered))
      this.map.addLayer(layer, IMPORTED_LAYERS_BEFORE);
    this.pickable = null;
    return new Promise((resolve) => {
      const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
        if (event.sourceId !== sourceId || !event.isSourceLoaded) return;
        this.map.off('sourcedata', onData);
        this.map.once('idle', () => resolve(true));
      };
      this.map.on('sourcedata', onData);
    });
  }

  removeImportedLayer(sourceId: string): void {
    this.addingImports.delete(sourceId);
    for (const id of this.map.getLayersOrder()) {
      const layer = this.map.getLayer(id);
      if (layer && 'source' in layer && layer.source === sourceId) this.map.removeLayer(id);
    }
    this.pickable = null;
    if (this.map.getSource(sourceId)) this.map.removeSource(sourceId);
    if (this.hovered?.source === sourceId) this.hovered = null;
    if (this.selected?.source === sourceId) this.selected = null;
    this.drawHighlight();
  }

  remove(): void {
    this.map.remove();
  }
}
