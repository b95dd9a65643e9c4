/**
 * The places list's items, the document's and every imported layer's features, and the search
 * over them. An imported layer may hold 100 000 features: its items are built once per layer
 * (and label), the names folded once, and the list shows the first LIST_LIMIT hits.
 */
import { searchIndex, type SearchHit } from '../text/search.ts';
import { describeKind } from './describe.ts';
import {
  featureLabel,
  importedFeatureId,
  textFeatureId,
  type ImportedLayerEntry,
  type LayerEntry,
  type TextLayerEntry,
} from './layer-model.ts';

/** The list shows this many places at most; the search narrows the rest. */
export const LIST_LIMIT = 200;

export interface PlaceItem {
  id: string;
  name: string;
  variants: readonly { name: string }[];
  /** What and where it is, after its name: "Settlement · 3×", "my-trace · Point". */
  detail: string;
  /** A place of a reader's text: the finder's suggestion, or confirmed by the reader. */
  certainty?: 'suggested' | 'confirmed';
}

/** Each layer's items, by its data and what labels it (the same data may be relabelled). */
const itemsByData = new WeakMap<object, { label: string | null; items: PlaceItem[] }>();

function importedItems(layer: ImportedLayerEntry): PlaceItem[] {
  return layer.data.features.map((feature, index) => ({
    id: importedFeatureId(layer.id, index),
    name: featureLabel(feature.properties, layer.labelProperty, index),
    variants: [],
    detail: `${layer.name} · ${feature.geometry.type}`,
  }));
}

function textItems(layer: TextLayerEntry): PlaceItem[] {
  return layer.data.features.map((feature) => ({
    id: textFeatureId(layer.id, feature.id),
    name: feature.properties.name,
    variants: feature.properties.variants,
    detail: `${layer.name} · ${feature.properties.certainty === 'confirmed' ? 'Confirmed' : 'Suggested'} · ${feature.properties.mentions.length}×`,
    certainty: feature.properties.certainty,
  }));
}

function itemsOf(layer: LayerEntry): PlaceItem[] {
  const label = layer.origin === 'imported' ? layer.labelProperty : layer.name;
  const cached = itemsByData.get(layer.data);
  if (cached && cached.label === label) return cached.items;
  const items =
    layer.origin === 'imported'
      ? importedItems(layer)
      : layer.origin === 'text'
        ? textItems(layer)
        : layer.data.features.map((feature) => ({
            id: feature.id,
            name: feature.properties.name,
            variants: feature.properties.variants ?? [],
            detail: `${describeKind(feature.properties.kind)} · ${feature.properties.mentions?.length ?? 0}×`,
          }));
  itemsByData.set(layer.data, { label, items });
  return items;
}

export interface PlaceSearch {
  search: (query: string) => SearchHit<PlaceItem>[];
  /** The lists it was built from, to know when the layers' places have changed. */
  lists: PlaceItem[][];
}

/** A search over every layer's places; the previous one again if no layer's places changed. */
export function placeSearch(layers: readonly LayerEntry[], previous?: PlaceSearch): PlaceSearch {
  const lists = layers.map(itemsOf);
  if (
    previous &&
    previous.lists.length === lists.length &&
    previous.lists.every((list, index) => list === lists[index])
  ) {
    return previous;
  }
  return { search: searchIndex(lists.flat()), lists };
}
