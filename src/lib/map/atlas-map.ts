/**
 * The map, behind a boundary: the only module that touches MapLibre's map object, which stays
 * private. Components ask it for what they need (a view, a fit, a popup, a reader's layer, an
 * image); every listener it adds is taken off again (each `on…` returns its unsubscribe, and
 * `destroy()` detaches everything). Unit-tested against a fake map, the map itself in a browser.
 */
import {
  LngLatBounds,
  Map as MapLibreMap,
  ScaleControl,
  type GeoJSONSource,
  type MapEventType,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { Bounds } from '../geo/feature-place.ts';
import { FeaturePicker, PICK_TOLERANCE_PX, type PickedFeature } from './feature-picker.ts';
import {
  addImportedLayer,
  type ImportedMapLayer,
  type ImportedMapLayerOptions,
} from './imported-map-layer.ts';
import type { PopupCamera } from './feature-popup.ts';
import { MapPopups, type PopupOptions } from './map-popups.ts';
import type { MapImageText } from './map-image.ts';
import { addTextLayer, type TextMapLayer, type TextMapLayerOptions } from './text-map-layer.ts';
import { rehide } from './style/atlas-layers.ts';
import { ATLAS_SOURCE, CONTEXT_SOURCE } from './style/features.ts';
import {
  FIT_MAX_ZOOM,
  FIT_MIN_VISIBLE_PX,
  FIT_PADDING_PX,
  MAP_MAX_BOUNDS,
  MAP_MIN_ZOOM,
  SCALE_MAX_WIDTH_PX,
  START_VIEW_PADDING_PX,
} from './map-defaults.ts';
import { FeatureHighlight, type FeatureKey, type HighlightFeature } from './feature-highlight.ts';

export interface MapView {
  zoom: number;
  latitude: number;
  longitude: number;
}

export interface AtlasMapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  initialBounds: Bounds;
  initialView?: MapView | undefined;
  /** Told as soon as the map exists, before it has drawn anything. */
  onCreated?: (map: AtlasMap) => void;
  /** What a screen reader calls the map (its canvas, which takes the keys), and the id of more. */
  label?: { name: string; describedBy: string };
  /** The whole feature a key names, to draw it highlighted; null when there is none. */
  highlightFeature: HighlightFeature;
  /**
   * Handed MapLibre's map once it has loaded: for the browser tests' hook only, which only the
   * e2e build has (src/lib/ui/test-hook.ts).
   */
  exposeMap?: ((map: MapLibreMap) => void) | undefined;
}

export type {
  FeatureKey,
  ImportedMapLayer,
  ImportedMapLayerOptions,
  PickedFeature,
  PopupCamera,
  TextMapLayer,
  TextMapLayerOptions,
};
export { PICK_TOLERANCE_PX };

export type { PopupOptions };

export class WebGLUnavailableError extends Error {
  constructor(cause: unknown) {
    super('This device or browser cannot draw the map (WebGL is unavailable).', { cause });
    this.name = 'WebGLUnavailableError';
  }
}

export class AtlasMap {
  /** Takes off each listener this wrapper has put on the map or its canvas. */
  private readonly detachers = new Set<() => void>();
  private readonly importedLayers = new Map<string, ImportedMapLayer>();
  private destroyed = false;

  private readonly picker: FeaturePicker;
  private readonly highlight: FeatureHighlight;
  private readonly popups: MapPopups;

  private constructor(
    private readonly map: MapLibreMap,
    highlightFeature: HighlightFeature,
  ) {
    this.picker = new FeaturePicker(map);
    this.popups = new MapPopups(map, () => this.destroyed);
    this.highlight = new FeatureHighlight(map, highlightFeature, () =>
      this.setGroupVisible('highlight', true),
    );
  }

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
        ...(options.label ? { locale: { 'Map.Title': options.label.name } } : {}),
        minZoom: MAP_MIN_ZOOM,
        maxBounds: MAP_MAX_BOUNDS,
        keyboard: true,
        dragRotate: false,
        pitchWithRotate: false,
        cancelPendingTileRequestsWhileZooming: false,
        // Labels show at once instead of fading in and out over 300 ms: a fade keeps the map
        // drawing frames, each 50-120 ms of the page's main thread where WebGL is drawn in
        // software (SwiftShader) on 2 busy cores. A reader's text's places took 11 frames to
        // settle with the fade, 4-6 without (bench: open-text).
        fadeDuration: 0,
        // Every style the atlas builds, and every imported layer it adds, is validated against
        // the style spec in the unit tests: checking it again on every load costs the first view
        // about 13 ms of the main thread.
        validateStyle: false,
      });
    } catch (error) {
      return Promise.reject(new WebGLUnavailableError(error));
    }
    // In the attribution's corner, so that it stacks above it: in a corner of its own, the
    // attribution, wrapped on a narrow map, ran over it.
    map.addControl(
      new ScaleControl({ maxWidth: SCALE_MAX_WIDTH_PX, unit: 'metric' }),
      'bottom-right',
    );
    if (options.label) map.getCanvas().setAttribute('aria-describedby', options.label.describedBy);
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    const atlasMap = new AtlasMap(map, options.highlightFeature);
    atlasMap.listenForHover();
    options.onCreated?.(atlasMap);
    return new Promise((resolve, reject) => {
      const offError = atlasMap.on('error', (event) => {
        if (map.loaded()) return;
        offLoad();
        offError();
        reject(event.error);
      });
      const offLoad = atlasMap.on('load', () => {
        offLoad();
        offError();
        options.exposeMap?.(map);
        resolve(atlasMap);
      });
    });
  }

  /** Listens to the map; the returned function (and destroy()) stops listening. */
  private on<T extends keyof MapEventType>(
    type: T,
    listener: (event: MapEventType[T]) => void,
  ): () => void {
    this.map.on(type, listener);
    const off = () => {
      this.map.off(type, listener);
      this.detachers.delete(off);
    };
    this.detachers.add(off);
    return off;
  }

  /** The top-most interactive feature within a few pixels of a screen point. */
  pickAt(point: { x: number; y: number }): PickedFeature | null {
    return this.picker.pick(point);
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

  private listenForHover(): void {
    this.on('mousemove', (event) => {
      const picked = this.pickAt(event.point);
      this.map.getCanvas().style.cursor = picked ? 'pointer' : '';
      // A cluster is no feature of the layer: nothing to highlight.
      const feature = picked && !picked.cluster ? picked : null;
      this.highlight.hover(feature ? { source: feature.source, id: feature.mapId } : null);
    });
    const canvas = this.map.getCanvas();
    const leave = () => this.highlight.hover(null);
    canvas.addEventListener('mouseleave', leave);
    const off = () => {
      canvas.removeEventListener('mouseleave', leave);
      this.detachers.delete(off);
    };
    this.detachers.add(off);
  }

  /**
   * Tells of a click on a feature, or on nothing, and where it was; a click on a cluster zooms in
   * on it.
   */
  onFeatureClick(
    listener: (picked: PickedFeature | null, at: [number, number]) => void,
  ): () => void {
    return this.on('click', (event) => {
      const picked = this.pickAt(event.point);
      if (picked?.cluster) void this.expandCluster(picked.source, picked.cluster);
      else {
        const at = this.map.unproject([event.point.x, event.point.y]);
        listener(picked, [at.lng, at.lat]);
      }
    });
  }

  /** Tells of every view the map comes to rest at. */
  onViewChange(listener: (view: MapView) => void): () => void {
    return this.on('moveend', () => listener(this.view()));
  }

  /** Resolves once the map has drawn everything it has (its next `idle`). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.on('idle', () => {
        off();
        resolve();
      });
      this.map.triggerRepaint();
    });
  }

  view(): MapView {
    const center = this.map.getCenter();
    return { zoom: this.map.getZoom(), latitude: center.lat, longitude: center.lng };
  }

  jumpTo(view: MapView): void {
    this.map.jumpTo({ center: [view.longitude, view.latitude], zoom: view.zoom });
  }

  /**
   * Moves the view to show the bounds, within the part of the map that `coveredTop` pixels of a
   * panel over its top (a drawer on a phone) leave in view.
   */
  fitBounds(bounds: Bounds, animate = true, coveredTop = 0): void {
    const free = this.map.getCanvas().clientHeight - coveredTop - 2 * FIT_PADDING_PX;
    const top = FIT_PADDING_PX + (free >= FIT_MIN_VISIBLE_PX ? coveredTop : 0);
    this.map.fitBounds(new LngLatBounds(bounds), {
      padding: { top, bottom: FIT_PADDING_PX, left: FIT_PADDING_PX, right: FIT_PADDING_PX },
      maxZoom: FIT_MAX_ZOOM,
      animate,
    });
  }

  /** west, south, east, north of what the map shows. */
  visibleBounds(): Bounds {
    return this.map.getBounds().toArray().flat() as Bounds;
  }

  zoomIn(): void {
    this.map.zoomIn();
  }

  zoomOut(): void {
    this.map.zoomOut();
  }

  /** The map's context (its own source, src/lib/map/context.ts), replaced whole. */
  setContext(features: FeatureCollection): void {
    const source = this.map.getSource<GeoJSONSource>(CONTEXT_SOURCE);
    if (source) source.setData(features);
    else {
      // Before the style has loaded (the map just created), the source is not there yet.
      const off = this.on('style.load', () => {
        off();
        this.setContext(features);
      });
    }
  }

  /** Tells once when the view first reaches `zoom` (at once if it is there); returns the off. */
  onceZoomReaches(zoom: number, listener: () => void): () => void {
    let reached = false;
    const check = () => {
      if (reached || this.map.getZoom() < zoom) return;
      reached = true;
      off();
      listener();
    };
    const off = this.on('zoomend', check);
    check();
    return off;
  }

  /** Draws a feature highlighted as chosen (null: none). */
  select(feature: FeatureKey | null): void {
    this.highlight.select(feature);
  }

  /** Opens a feature's popup beside it, closing any other (map-popups.ts). */
  openPopup(options: PopupOptions, onOpen?: () => void): () => void {
    return this.popups.open(options, onOpen);
  }

  /** A popup as a sheet over the bottom of the map: the feature shows above it (map-popups.ts). */
  showAboveSheet(
    options: Omit<PopupOptions, 'content' | 'avoid'>,
    sheetHeight: number,
  ): Promise<void> {
    return this.popups.showAboveSheet(options, sheetHeight);
  }

  closePopup(): void {
    this.popups.close();
  }

  /**
   * Leaves the given features of the atlas out of every layer that draws them (the as-of date,
   * the statement's places only): a clause of each layer's filter (style/atlas-layers.ts).
   */
  setHiddenFeatures(ids: readonly string[]): void {
    for (const id of this.map.getLayersOrder()) {
      const layer = this.map.getLayer(id);
      if (layer?.source !== ATLAS_SOURCE) continue;
      const current = this.map.getFilter(id);
      const filter = rehide(current, ids);
      if (filter && JSON.stringify(filter) !== JSON.stringify(current))
        this.map.setFilter(id, filter, { validate: false });
    }
  }

  /** Shows or hides the style layers of one of the atlas's own layers (by their group). */
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

  /**
   * The map as a PNG fit to publish: title, legend, scale bar and credit around the view. Its
   * code is loaded when first asked for: the first load carries none of it.
   */
  async image(text: MapImageText): Promise<Blob> {
    const { mapImage } = await import('./map-image.ts');
    return mapImage(this.map, text);
  }

  /** What drawViewInto needs, loaded ahead: the browser's print gives it one task to draw in. */
  private snapshot: typeof import('./map-snapshot.ts') | null = null;

  async preparePrint(): Promise<void> {
    this.snapshot ??= await import('./map-snapshot.ts');
  }

  /**
   * The view now, drawn into a canvas at `pixelRatio` in this task (for the browser's print);
   * false until preparePrint() has resolved.
   */
  drawViewInto(canvas: HTMLCanvasElement, pixelRatio: number): boolean {
    if (!this.snapshot) return false;
    this.snapshot.captureNow(this.map, pixelRatio, canvas);
    return true;
  }

  /**
   * Adds a reader's layer, whose data is at a blob: URL (the map's worker reads it). It stays
   * until its handle's remove() (or destroy()); one layer of an id at a time.
   */
  addImportedLayer(options: ImportedMapLayerOptions): ImportedMapLayer {
    this.importedLayers.get(options.id)?.remove();
    const layer = addImportedLayer(this.map, options, () => this.picker.layersChanged());
    const remove = layer.remove;
    const handle: ImportedMapLayer = {
      ...layer,
      drawn: layer.drawn,
      remove: () => {
        if (this.destroyed) return;
        remove();
        if (this.importedLayers.get(options.id) === handle) this.importedLayers.delete(options.id);
        this.highlight.forget(options.id);
      },
    };
    this.importedLayers.set(options.id, handle);
    return handle;
  }

  /** Adds a reader's text's places (text-map-layer.ts), until its handle's remove(). */
  addTextLayer(options: TextMapLayerOptions): TextMapLayer {
    const layer = addTextLayer(this.map, options, () => this.picker.layersChanged());
    return {
      ...layer,
      remove: () => {
        if (this.destroyed) return;
        layer.remove();
        this.highlight.forget(options.id);
      },
    };
  }

  /** Takes every listener off, the reader's layers and the popup with them, and ends the map. */
  destroy(): void {
    if (this.destroyed) return;
    for (const detach of [...this.detachers]) detach();
    for (const layer of [...this.importedLayers.values()]) layer.remove();
    this.destroyed = true;
    this.closePopup();
    this.map.remove();
  }
}
