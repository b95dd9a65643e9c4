/**
 * The hovered and the chosen feature, drawn highlighted: copies of them in the highlight source
 * (style/interaction.ts), since feature-state would cost every layer a shader program of its own
 * in software WebGL. Used by the map wrapper (atlas-map.ts) only, which hands it MapLibre's map.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { HIGHLIGHT_SOURCE, type HighlightProperties } from './style/interaction.ts';

/** A feature as the map knows it: its source and its id there. */
export interface FeatureKey {
  source: string;
  id: string | number;
}

/** The feature a key names, as the highlight draws it (the page knows its features' shapes). */
export type HighlightFeature = (key: FeatureKey) => Feature<Geometry, HighlightProperties> | null;

export const sameKey = (a: FeatureKey | null, b: FeatureKey | null) =>
  a === b || (a !== null && b !== null && a.source === b.source && a.id === b.id);

export class FeatureHighlight {
  private hovered: FeatureKey | null = null;
  private selected: FeatureKey | null = null;
  /** The highlight layers start hidden (no tiles for an empty source); shown on first use. */
  private shown = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly featureOf: HighlightFeature,
    /** Shows the highlight's style layers, the first time there is something to draw. */
    private readonly showLayers: () => void,
  ) {}

  hover(key: FeatureKey | null): void {
    if (sameKey(key, this.hovered)) return;
    this.hovered = key;
    this.draw();
  }

  select(key: FeatureKey | null): void {
    if (sameKey(key, this.selected)) return;
    this.selected = key;
    this.draw();
  }

  /** A removed source's features are no longer hovered or selected. */
  forget(sourceId: string): void {
    if (this.hovered?.source === sourceId) this.hovered = null;
    if (this.selected?.source === sourceId) this.selected = null;
    this.draw();
  }

  /** Copies the selected and the hovered feature into the highlight source. */
  private draw(): void {
    const keys = [this.selected, this.hovered].filter(
      (key, index, all): key is FeatureKey =>
        key !== null && all.findIndex((other) => sameKey(other, key)) === index,
    );
    const features = keys.flatMap((key) => this.featureOf(key) ?? []);
    if (features.length > 0 && !this.shown) {
      this.shown = true;
      this.showLayers();
    }
    this.map
      .getSource<GeoJSONSource>(HIGHLIGHT_SOURCE)
      ?.setData({ type: 'FeatureCollection', features });
  }
}
