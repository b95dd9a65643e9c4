/**
 * What the page is showing: the layers, which are hidden, the selected feature and where the
 * selection came from (so the map, the list and the text each react to the others, not to
 * themselves).
 */
import { SvelteSet } from 'svelte/reactivity';
import type { AtlasFeature, AtlasLayer } from '../geo/contract.ts';

export type SelectionOrigin = 'map' | 'list' | 'text' | 'url';

export interface Selection {
  featureId: string;
  origin: SelectionOrigin;
  /** Where the reader clicked, for a popup on a long line. */
  lngLat?: [number, number] | undefined;
  /** The mention the reader came from, when it came from the text. */
  mentionStart?: number | undefined;
}

export interface FeatureEntry {
  feature: AtlasFeature;
  layer: string;
}

export class AtlasState {
  layers = $state<AtlasLayer[]>([]);
  readonly hiddenLayers = new SvelteSet<string>();
  selection = $state<Selection | null>(null);
  /** The element that had focus when the selection was made, to return focus to on close. */
  returnFocusTo: HTMLElement | null = null;

  readonly features = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
    new Map<string, FeatureEntry>(
      this.layers.flatMap((layer) =>
        layer.features.map((feature) => [feature.id, { feature, layer: layer.layer }] as const),
      ),
    ),
  );

  readonly selectedEntry = $derived(
    this.selection ? (this.features.get(this.selection.featureId) ?? null) : null,
  );

  constructor(layers: AtlasLayer[]) {
    this.layers = layers;
  }

  select(selection: Selection): void {
    if (!this.features.has(selection.featureId)) return;
    if (selection.origin !== 'map' && selection.origin !== 'url') {
      const active = globalThis.document?.activeElement;
      this.returnFocusTo = active instanceof HTMLElement ? active : null;
    }
    this.selection = selection;
  }

  clearSelection(): void {
    this.selection = null;
  }

  toggleLayer(layer: string): void {
    if (this.hiddenLayers.has(layer)) this.hiddenLayers.delete(layer);
    else this.hiddenLayers.add(layer);
  }
}
