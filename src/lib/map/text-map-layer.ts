/**
 * A reader's text's places on the map, from the moment they are added until they are removed:
 * their source (inline: a text names hundreds of places, not a hundred thousand) and style
 * layers, shown or hidden, and their data replaced as the reader reviews them. Used by the map
 * wrapper (atlas-map.ts) only, which hands it MapLibre's map.
 *
 * The style comes from the caller, the texts' own chunk, which has it loaded: waiting here for a
 * chunk of its own put the places on the map seconds late on a busy page (each module fetched
 * waits behind the map's frames), after the rest of the text had been shown.
 */
import { removeStyleLayers, showStyleLayers } from './imported-map-layer.ts';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { IMPORTED_LAYERS_BEFORE } from './style/imported-highlight.ts';

/** The style of a text's places (style/text-layers.ts). */
export type TextStyle = Pick<
  typeof import('./style/text-layers.ts'),
  'textSource' | 'textLayerStyle'
>;

export interface TextMapLayerOptions {
  /** The text's layer id: its source's, and the prefix of its style layers'. */
  id: string;
  colour: string;
  visible: boolean;
  data: FeatureCollection;
  style: TextStyle;
}

export interface TextMapLayer {
  setData(data: FeatureCollection): void;
  setVisible(visible: boolean): void;
  /** Takes the source and the style layers off the map. */
  remove(): void;
}

/** `changed` is told when the layer's style layers come or go (the pickable layers change). */
export function addTextLayer(
  map: MapLibreMap,
  options: TextMapLayerOptions,
  changed: () => void,
): TextMapLayer {
  const { id, style } = options;
  let { visible } = options;
  let removed = false;
  map.addSource(id, style.textSource(options.data));
  const layers = style.textLayerStyle(id, options.colour);
  // Below the highlight of the reader's features, which must stay on top of them all.
  for (const layer of layers) {
    if (!visible) layer.layout = { ...layer.layout, visibility: 'none' };
    map.addLayer(layer, IMPORTED_LAYERS_BEFORE);
  }
  const layerIds = layers.map((layer) => layer.id);
  changed();

  return {
    setData(next) {
      if (!removed) map.getSource<GeoJSONSource>(id)?.setData(next);
    },
    setVisible(next) {
      // Setting a layer's visibility, even to what it already is, re-tiles its source.
      if (next === visible) return;
      visible = next;
      if (removed) return;
      showStyleLayers(map, layerIds, next);
    },
    remove() {
      if (removed) return;
      removed = true;
      removeStyleLayers(map, layerIds, id);
      changed();
    },
  };
}
