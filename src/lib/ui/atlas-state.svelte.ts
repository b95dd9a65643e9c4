/**
 * What the page is showing: the layers, which are hidden, the selected feature and where the
 * selection came from (so the map, the list and the text each react to the others, not to
 * themselves).
 */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { SvelteSet } from 'svelte/reactivity';
import type { AtlasFeature, AtlasLayer } from '../geo/contract.ts';
import type { ImportedLayer } from '../geo/export.ts';
import type { Bounds } from '../geo/feature-place.ts';
import { ATLAS_SOURCE } from '../map/style/features.ts';

export type SelectionOrigin = 'map' | 'list' | 'text' | 'url';

export interface Selection {
  featureId: string;
  origin: SelectionOrigin;
  /** Where the reader clicked, for a popup on a long line. */
  lngLat?: [number, number] | undefined;
  /** The mention the reader came from, when it came from the text. */
  mentionStart?: number | undefined;
}

/** A layer the reader brought. Its id names its map source and its features ("import-1#42"). */
export interface ImportedLayerEntry {
  id: string;
  layer: ImportedLayer;
  geometryTypes: string[];
  bounds: Bounds;
  /** A blob: URL of the layer's geometries as GeoJSON, in order, which the map's worker reads. */
  mapDataUrl: string;
}

export interface AtlasFeatureEntry {
  kind: 'atlas';
  feature: AtlasFeature;
  layer: string;
  sourceId: string;
  mapId: string;
}

export type FeatureEntry =
  | AtlasFeatureEntry
  | {
      kind: 'imported';
      feature: Feature<Geometry, GeoJsonProperties>;
      layer: string;
      layerName: string;
      index: number;
      sourceId: string;
      /** The map numbers an imported layer's features by their position. */
      mapId: number;
    };

export const importedFeatureId = (layerId: string, index: number) => `${layerId}#${index}`;

export class AtlasState {
  layers = $state<AtlasLayer[]>([]);
  /** Raw, not deeply reactive: an imported layer may hold 100 000 features. */
  imported = $state.raw<ImportedLayerEntry[]>([]);
  readonly hiddenLayers = new SvelteSet<string>();
  selection = $state<Selection | null>(null);
  /** The element that had focus when the selection was made, to return focus to on close. */
  returnFocusTo: HTMLElement | null = null;

  readonly features = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
    new Map<string, AtlasFeatureEntry>(
      this.layers.flatMap((layer) =>
        layer.features.map(
          (feature) =>
            [
              feature.id,
              {
                kind: 'atlas',
                feature,
                layer: layer.layer,
                sourceId: ATLAS_SOURCE,
                mapId: feature.id,
              },
            ] as const,
        ),
      ),
    ),
  );

  readonly selectedEntry = $derived(this.selection ? this.resolve(this.selection.featureId) : null);

  /** The feature an id names: one of the atlas's, or "import-1#42" of an imported layer. */
  resolve(featureId: string): FeatureEntry | null {
    const atlasEntry = this.features.get(featureId);
    if (atlasEntry) return atlasEntry;
    const [layerId, position] = featureId.split('#');
    const imported = this.imported.find((entry) => entry.id === layerId);
    const index = Number(position);
    const feature =
      imported && Number.isInteger(index) ? imported.layer.features[index] : undefined;
    if (!imported || !feature || !feature.geometry) return null;
    return {
      kind: 'imported',
      feature: feature as Feature<Geometry, GeoJsonProperties>,
      layer: imported.id,
      layerName: imported.layer.layer,
      index,
      sourceId: imported.id,
      mapId: index,
    };
  }

  addImported(entry: ImportedLayerEntry): void {
    this.imported = [...this.imported, entry];
  }

  removeImported(layerId: string): void {
    if (this.selection?.featureId.startsWith(`${layerId}#`)) this.clearSelection();
    this.hiddenLayers.delete(layerId);
    const removed = this.imported.find((entry) => entry.id === layerId);
    this.imported = this.imported.filter((entry) => entry.id !== layerId);
    // The layer's data goes with it (a blob: URL holds it until the page closes otherwise).
    if (removed) URL.revokeObjectURL(removed.mapDataUrl);
  }

  /** Every layer, the atlas's and the reader's, as the export takes them. */
  exportableLayers(): (AtlasLayer | ImportedLayer)[] {
    return [...this.layers, ...this.imported.map((entry) => entry.layer)];
  }

  constructor(layers: AtlasLayer[]) {
    this.layers = layers;
  }

  select(selection: Selection): void {
    if (!this.resolve(selection.featureId)) return;
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
