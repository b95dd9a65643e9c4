/**
 * The places list's items, the document's and every imported layer's features, and the search
 * over them. An imported layer may hold 100 000 features: its items are built once per layer
 * (and label), the names folded once, and the list shows the first LIST_LIMIT hits.
 */
import { searchIndex, type SearchHit } from '../text/search.ts';
import type { AtlasFeature } from '../geo/contract.ts';
import { describeKind, describePeriod } from './describe.ts';
import { onlyWithinNote, RELATED_ONLY_NOTE, type FeatureRelations } from './mention-relations.ts';
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
  /**
   * What and where it is, after its name: "Route · from 30 August 2022 · 2 mentions" (the period
   * tells two lines of one road apart), "my-trace · Point".
   */
  detail: string;
  /** A place of a reader's text: the finder's suggestion, or confirmed by the reader. */
  certainty?: 'suggested' | 'confirmed';
  /** How the text names it, where that is not plain: "named within “Aghdam-Khankendi road”". */
  note?: string;
}

/** "1 place", "2 places": every count the page writes in words. */
export const counted = (count: number, singular: string, plural = `${singular}s`) =>
  `${count} ${count === 1 ? singular : plural}`;

function documentItem(feature: AtlasFeature, relations: FeatureRelations): PlaceItem {
  const { kind, validFrom, validTo, mentions = [] } = feature.properties;
  const period = describePeriod(validFrom, validTo);
  const note = relations.relatedOnly ? RELATED_ONLY_NOTE : onlyWithinNote(feature, relations);
  return {
    id: feature.id,
    name: feature.properties.name,
    variants: feature.properties.variants ?? [],
    detail: [describeKind(kind), period, counted(mentions.length, 'mention')]
      .filter(Boolean)
      .join(' · '),
    ...(note ? { note } : {}),
  };
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
    detail: [
      layer.name,
      feature.properties.certainty === 'confirmed' ? 'Confirmed' : 'Suggested',
      counted(feature.properties.mentions.length, 'mention'),
    ].join(' · '),
    certainty: feature.properties.certainty,
  }));
}

function itemsOf(layer: LayerEntry, relationsOf: (id: string) => FeatureRelations): PlaceItem[] {
  const label =
    layer.origin === 'imported' ? layer.labelProperty : layer.origin === 'text' ? layer.name : null;
  const cached = itemsByData.get(layer.data);
  if (cached && cached.label === label) return cached.items;
  const items =
    layer.origin === 'imported'
      ? importedItems(layer)
      : layer.origin === 'text'
        ? textItems(layer)
        : layer.data.features.map((feature) => documentItem(feature, relationsOf(feature.id)));
  itemsByData.set(layer.data, { label, items });
  return items;
}

export interface PlaceSearch {
  search: (query: string) => SearchHit<PlaceItem>[];
  /** The lists it was built from, to know when the layers' places have changed. */
  lists: PlaceItem[][];
}

/**
 * A search over every layer's places; the previous one again if no layer's places changed.
 * `relationsOf` says how the document's features share the text's words (mention-relations.ts).
 */
export function placeSearch(
  layers: readonly LayerEntry[],
  relationsOf: (id: string) => FeatureRelations,
  previous?: PlaceSearch,
): PlaceSearch {
  const lists = layers.map((layer) => itemsOf(layer, relationsOf));
  if (
    previous &&
    previous.lists.length === lists.length &&
    previous.lists.every((list, index) => list === lists[index])
  ) {
    return previous;
  }
  return { search: searchIndex(lists.flat()), lists };
}
