/**
 * A reader's layer on the map, from the moment it is added until it is removed: its source and
 * style layers, its visibility and labels, and the promise that tells when it is drawn. Used by
 * the map wrapper (atlas-map.ts) only, which hands it MapLibre's map.
 */
import type { Map as MapLibreMap, MapEventType } from 'maplibre-gl';
import { importedLayerUrl } from './imported-layer-url.ts';
import { loadImportedLayerProtocol } from './start-map-workers.ts';
import { IMPORTED_LAYERS_BEFORE } from './style/imported-highlight.ts';

type ImportedStyle = typeof import('./style/imported-layers.ts');

/** The workers' protocol and the imported layers' style, loaded with the first imported layer. */
const loadImported = (): Promise<ImportedStyle> =>
  Promise.all([loadImportedLayerProtocol(), import('./style/imported-layers.ts')]).then(
    ([, style]) => style,
  );

export interface ImportedMapLayerOptions {
  /** The layer's id: its source's and the prefix of its style layers'. */
  id: string;
  /** A blob: URL of the layer's map data, which MapLibre's worker reads. */
  dataUrl: string;
  colour: string;
  clustered: boolean;
  labelProperty: string | null;
  visible: boolean;
}

export interface ImportedMapLayer {
  /**
   * Settles true once the map has drawn the layer, false if it was removed or its load was
   * aborted first; rejects if the map could not load its data.
   */
  readonly drawn: Promise<boolean>;
  setVisible(visible: boolean): void;
  setLabel(property: string | null): void;
  /** Takes the source and the style layers off the map and every listener with them. */
  remove(): void;
}

/** Shows or hides a reader's layer's style layers (its imported file's or its text's). */
export function showStyleLayers(map: MapLibreMap, layerIds: readonly string[], visible: boolean) {
  for (const layerId of layerIds)
    map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
}

/** Takes a reader's layer's style layers and its source off the map. */
export function removeStyleLayers(map: MapLibreMap, layerIds: readonly string[], source: string) {
  for (const layerId of layerIds) if (map.getLayer(layerId)) map.removeLayer(layerId);
  if (map.getSource(source)) map.removeSource(source);
}

/** `changed` is told when the layer's style layers come or go (the pickable layers change). */
export function addImportedLayer(
  map: MapLibreMap,
  options: ImportedMapLayerOptions,
  changed: () => void,
): ImportedMapLayer {
  const { id } = options;
  let { visible, labelProperty } = options;
  let state: 'waiting' | 'added' | 'removed' = 'waiting';
  let layerIds: string[] = [];
  let style: ImportedStyle | null = null;
  const listeners: (() => void)[] = [];
  let settle: (outcome: boolean | Error) => void = () => undefined;
  const drawn = new Promise<boolean>((resolve, reject) => {
    settle = (outcome) => {
      settle = () => undefined;
      for (const off of listeners.splice(0)) off();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
  });
  function listen<T extends keyof MapEventType>(
    type: T,
    listener: (event: MapEventType[T]) => void,
  ) {
    map.on(type, listener);
    listeners.push(() => map.off(type, listener));
  }

  function add(loaded: ImportedStyle) {
    if (state !== 'waiting') return;
    state = 'added';
    style = loaded;
    map.addSource(id, style.importedSource(importedLayerUrl(options.dataUrl), options.clustered));
    const layers = style.importedLayerStyle(id, options.colour, {
      clustered: options.clustered,
      labelProperty,
    });
    // Below the highlight of imported features, which must stay on top of them all.
    for (const layer of layers) {
      if (!visible) layer.layout = { ...layer.layout, visibility: 'none' };
      map.addLayer(layer, IMPORTED_LAYERS_BEFORE);
    }
    layerIds = layers.map((layer) => layer.id);
    changed();
    listen('sourcedata', (event) => {
      if (event.sourceId !== id || !event.isSourceLoaded) return;
      listen('idle', () => settle(true));
    });
    listen('dataabort', (event) => {
      if (event.sourceId === id) settle(false);
    });
    listen('error', (event) => {
      if ((event as { sourceId?: string }).sourceId !== id) return;
      settle(event.error instanceof Error ? event.error : new Error(event.error.message));
    });
  }
  loadImported().then(add, (error: Error) => {
    if (state === 'waiting') settle(error);
  });

  return {
    drawn,
    setVisible(next) {
      // Setting a layer's visibility, even to what it already is, makes the map re-tile its
      // source: only change what changes.
      if (next === visible) return;
      visible = next;
      if (state !== 'added') return;
      showStyleLayers(map, layerIds, next);
    },
    setLabel(property) {
      if (property === labelProperty) return;
      labelProperty = property;
      if (state !== 'added' || !style) return;
      for (const layerId of style.importedLabelLayerIds(id))
        map.setLayoutProperty(layerId, 'text-field', style.labelText(property));
    },
    remove() {
      const was = state;
      state = 'removed';
      settle(false);
      if (was !== 'added') return;
      removeStyleLayers(map, layerIds, id);
      changed();
    },
  };
}
