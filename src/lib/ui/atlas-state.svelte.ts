/**
 * What the page is showing: its layers (one model for the document's and the reader's, see
 * layer-model.ts), the selected feature and where the selection came from (so the map, the list
 * and the text each react to the others, not to themselves), what a panel asked another to
 * show, and which of the document's features are shown: those in force on the "as of" date,
 * and, at the reader's wish, only those the statement itself names. One instance, shared by the
 * components through context (context.ts).
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { AtlasFeature, AtlasLayer } from '../geo/contract.ts';
import type { ImportedLayer } from '../geo/export.ts';
import type { Bounds } from '../geo/feature-place.ts';
import { ATLAS_SOURCE } from '../map/style/features.ts';
import type { TextFeature } from '../texts/review.ts';
import {
  clampDate,
  datedName,
  inForce,
  nearestDateInForce,
  parseIsoDate,
  timeRange,
  type TimeRange,
} from './as-of.ts';
import { formatDate } from '../geo/citation.ts';
import { mentionRelations } from './mention-relations.ts';
import {
  documentLayerEntry,
  parseImportedFeatureId,
  splitFeatureId,
  type DocumentLayerEntry,
  type ImportedLayerEntry,
  type LayerEntry,
  type TextLayerEntry,
} from './layer-model.ts';

/** Where a selection came from; 'popup' is a link in another feature's popup. */
export type SelectionOrigin = 'map' | 'list' | 'text' | 'url' | 'popup';

export interface Selection {
  featureId: string;
  origin: SelectionOrigin;
  /** Where the reader clicked, for a popup on a long line. */
  lngLat?: [number, number] | undefined;
  /** The mention the reader came from, when it came from the text. */
  mentionStart?: number | undefined;
}

export interface AtlasFeatureEntry {
  kind: 'atlas';
  feature: AtlasFeature;
  layer: DocumentLayerEntry;
  sourceId: string;
  mapId: string;
}

export interface ImportedFeatureEntry {
  kind: 'imported';
  feature: Feature<Geometry, GeoJsonProperties>;
  layer: ImportedLayerEntry;
  /** Its position in the layer, from 0. */
  index: number;
  sourceId: string;
  /** The map numbers an imported layer's features by their position. */
  mapId: number;
}

export interface TextFeatureEntry {
  kind: 'text';
  feature: TextFeature;
  layer: TextLayerEntry;
  sourceId: string;
  /** The map knows a text's place by its own id. */
  mapId: string;
}

export type FeatureEntry = AtlasFeatureEntry | ImportedFeatureEntry | TextFeatureEntry;

export class AtlasState {
  /** Raw, replaced whole on every change: an imported layer may hold 100 000 features. */
  layers = $state.raw<LayerEntry[]>([]);
  selection = $state<Selection | null>(null);
  /** The element that had focus when the selection was made, to return focus to on close. */
  returnFocusTo: HTMLElement | null = null;
  /** A mention the reader asked to see in the text ("Show in text"). */
  mentionRequest = $state<{ featureId: string; start?: number | undefined } | null>(null);
  /** A place the map is asked to show (a layer just imported). */
  viewRequest = $state<{ bounds: Bounds } | null>(null);

  readonly documentLayers = $derived(
    this.layers.filter((layer): layer is DocumentLayerEntry => layer.origin === 'document'),
  );
  readonly importedLayers = $derived(
    this.layers.filter((layer): layer is ImportedLayerEntry => layer.origin === 'imported'),
  );
  readonly textLayers = $derived(
    this.layers.filter((layer): layer is TextLayerEntry => layer.origin === 'text'),
  );

  /** The document's features by id. */
  readonly features = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
    new Map<string, AtlasFeatureEntry>(
      this.documentLayers.flatMap((layer) =>
        layer.data.features.map(
          (feature) =>
            [
              feature.id,
              { kind: 'atlas', feature, layer, sourceId: ATLAS_SOURCE, mapId: feature.id },
            ] as const,
        ),
      ),
    ),
  );

  readonly selectedEntry = $derived(this.selection ? this.resolve(this.selection.featureId) : null);

  /** The dates the as-of control offers: from the first period's start to the document's date. */
  readonly timeRange: TimeRange;
  /** The day the map, the list and the legend show the features of (ISO date). */
  asOf = $state('');
  /** Show only the places the statement names, not those only its page's related posts name. */
  statementOnly = $state(false);
  /** What the page last did on its own to show what the reader asked for, to be announced. */
  notice = $state('');

  /** How the document's features share the text's words (mention-relations.ts). */
  readonly relationsOf = $derived(
    mentionRelations(this.documentLayers.flatMap((layer) => layer.data.features)),
  );

  /** The document's features not shown: outside the as-of date, or only in related posts. */
  readonly hiddenFeatureIds = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
    new Set(
      [...this.features.values()]
        .filter(({ feature }) => this.hiddenReason(feature.id, this.asOf, this.statementOnly))
        .map(({ feature }) => feature.id),
    ),
  );

  constructor(layers: readonly AtlasLayer[]) {
    this.layers = layers.map(documentLayerEntry);
    const features = layers.flatMap((layer) => layer.features);
    const latest = features
      .flatMap((feature) => [feature.properties.validFrom, feature.properties.validTo])
      .filter((date): date is string => Boolean(date))
      .sort()
      .at(-1);
    const documentDate =
      parseIsoDate(layers[0]?.document.published) ??
      latest ??
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never kept
      new Date().toISOString().slice(0, 10);
    this.timeRange = timeRange(features, documentDate);
    this.asOf = this.timeRange.end;
  }

  /** Why a document's feature is not shown, or null when it is. */
  private hiddenReason(
    featureId: string,
    asOf: string,
    statementOnly: boolean,
  ): 'date' | 'related' | null {
    const entry = this.features.get(featureId);
    if (!entry) return null;
    if (!inForce(entry.feature.properties, asOf)) return 'date';
    return statementOnly && this.relationsOf(featureId).relatedOnly ? 'related' : null;
  }

  isShown(featureId: string): boolean {
    return !this.hiddenFeatureIds.has(featureId);
  }

  /** Moves the as-of date (kept inside the range); a popup of a feature it hides closes. */
  setAsOf(date: string): void {
    const valid = parseIsoDate(date);
    if (!valid) return;
    this.asOf = clampDate(valid, this.timeRange);
    this.closeIfHidden();
  }

  setStatementOnly(statementOnly: boolean): void {
    this.statementOnly = statementOnly;
    this.closeIfHidden();
  }

  private closeIfHidden(): void {
    const id = this.selection?.featureId;
    if (id && !this.isShown(id)) this.clearSelection();
  }

  /**
   * A hidden feature the reader asked for (in the text, by a link) is shown: the as-of date
   * moves to the nearest day it held, or the statement-only switch goes off, and the page says so.
   */
  private reveal(featureId: string): void {
    const entry = this.features.get(featureId);
    const reason = this.hiddenReason(featureId, this.asOf, this.statementOnly);
    if (!entry || !reason) return;
    if (reason === 'related') {
      this.statementOnly = false;
      this.notice = `Showing the places named only in the page’s related posts again, for ${entry.feature.properties.name}.`;
      return;
    }
    this.asOf = clampDate(nearestDateInForce(entry.feature.properties, this.asOf), this.timeRange);
    this.notice = `The map now shows ${formatDate(this.asOf)}, when ${datedName(entry.feature)} held.`;
    if (this.hiddenReason(featureId, this.asOf, this.statementOnly) === 'related')
      this.statementOnly = false;
  }

  layer(id: string): LayerEntry | undefined {
    return this.layers.find((layer) => layer.id === id);
  }

  /**
   * The feature an id names: one of the document's, "import-1/42" of an imported layer, or
   * "text-2/batumi-615532" of a text.
   */
  resolve(featureId: string): FeatureEntry | null {
    const atlasEntry = this.features.get(featureId);
    if (atlasEntry) return atlasEntry;
    const split = splitFeatureId(featureId);
    const owner = split && this.layer(split.layerId);
    if (owner?.origin === 'text') {
      const feature = owner.data.features.find((candidate) => candidate.id === split!.rest);
      return feature
        ? { kind: 'text', feature, layer: owner, sourceId: owner.id, mapId: feature.id }
        : null;
    }
    const named = parseImportedFeatureId(featureId);
    const layer = named && this.layer(named.layerId);
    if (!named || layer?.origin !== 'imported') return null;
    const feature = layer.data.features[named.index];
    if (!feature) return null;
    return {
      kind: 'imported',
      feature,
      layer,
      index: named.index,
      sourceId: layer.id,
      mapId: named.index,
    };
  }

  /** Adds a layer on top of the others (imported-layers.svelte.ts adds the reader's). */
  addLayer(entry: LayerEntry): void {
    this.layers = [...this.layers, entry];
  }

  /** Puts a changed entry in its place: same id, same position. */
  replaceLayer(entry: LayerEntry): void {
    this.layers = this.layers.map((layer) => (layer.id === entry.id ? entry : layer));
  }

  /** Takes a layer out, and the selection with it when it was one of its features. */
  removeLayer(id: string): LayerEntry | undefined {
    const removed = this.layer(id);
    if (!removed) return undefined;
    if (this.selectedEntry?.layer.id === id) this.clearSelection();
    this.layers = this.layers.filter((layer) => layer !== removed);
    return removed;
  }

  setVisible(id: string, visible: boolean): void {
    const layer = this.layer(id);
    if (layer && layer.visible !== visible) this.replaceLayer({ ...layer, visible });
  }

  /**
   * Every layer, the document's and the reader's, as the export takes them; of a text, the
   * places the reader confirmed, cited by the text.
   */
  exportableLayers({ visibleOnly = false } = {}): (AtlasLayer | ImportedLayer)[] {
    const layers = visibleOnly ? this.layers.filter((layer) => layer.visible) : this.layers;
    return layers.map((layer) => {
      if (layer.origin === 'document') return layer.data;
      if (layer.origin === 'imported')
        return { type: 'FeatureCollection', layer: layer.name, features: layer.data.features };
      return {
        type: 'FeatureCollection',
        layer: layer.name,
        document: layer.data.document,
        features: layer.data.features.filter(
          (feature) => feature.properties.certainty === 'confirmed',
        ) as unknown as ImportedLayer['features'],
      };
    });
  }

  select(selection: Selection): void {
    if (!this.resolve(selection.featureId)) return;
    this.reveal(selection.featureId);
    if (selection.origin !== 'map' && selection.origin !== 'url') {
      const active = globalThis.document?.activeElement;
      this.returnFocusTo = active instanceof HTMLElement ? active : null;
    }
    this.selection = selection;
  }

  clearSelection(): void {
    this.selection = null;
  }

  showInText(featureId: string, start?: number): void {
    this.mentionRequest = { featureId, start };
  }

  showBounds(bounds: Bounds): void {
    this.viewRequest = { bounds };
  }
}
