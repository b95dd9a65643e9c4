/**
 * How the map answers the pointer: which style layers a click or hover can pick and in which
 * order, how a picked feature is highlighted, and when a reader's points are drawn in clusters.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * The source that holds copies of the hovered and the selected feature, drawn by the highlight
 * layers. Highlighting by copying into a small source, rather than with feature-state
 * expressions, keeps every paint property constant: MapLibre then draws every layer of a type
 * with one shader program, and each program it compiles costs the first frames dearly where
 * WebGL runs in software (100–400 ms each, measured with SwiftShader).
 */
export const HIGHLIGHT_SOURCE = 'atlas-highlight';

/** What a highlighted feature is, as the highlight layers tell them apart. */
export type HighlightKind = 'route' | 'border' | 'settlement' | 'checkpoint' | 'area' | 'imported';

/** How the highlight layers draw a feature of the atlas, by its kind. */
export function highlightKindOf(kind: string): HighlightKind {
  switch (kind) {
    case 'route':
    case 'border':
    case 'settlement':
    case 'checkpoint':
      return kind;
    default:
      return 'area';
  }
}

/** The properties of a feature in the highlight source. */
export interface HighlightProperties {
  highlight: HighlightKind;
  /** The text a highlighted label shows (areas). */
  label?: string;
}

/**
 * Style metadata: the atlas layer a style layer belongs to (the panel toggles them together)
 * and, for layers a click or hover can pick, the pick order (lower first: points over lines).
 */
export interface AtlasLayerMetadata {
  'atlas:group': string;
  'atlas:pick'?: number;
}

export const groupMetadata = (name: string, pick?: number): AtlasLayerMetadata =>
  pick === undefined ? { 'atlas:group': name } : { 'atlas:group': name, 'atlas:pick': pick };

/** Pick order: imported layers' features sit on top of everything (they are added last). */
export const PICK_ORDER = {
  imported: 0,
  checkpoint: 1,
  settlement: 2,
  route: 3,
  border: 4,
  area: 5,
} as const;

/** The ids of the style layers a click or hover can pick, in pick order (top-most first). */
export function interactiveLayerIds(
  layers: readonly { id: string; metadata?: unknown }[],
): string[] {
  const pickOf = (layer: { metadata?: unknown }) =>
    (layer.metadata as Partial<AtlasLayerMetadata> | undefined)?.['atlas:pick'];
  return layers
    .filter((layer) => pickOf(layer) !== undefined)
    .sort((a, b) => pickOf(a)! - pickOf(b)!)
    .map((layer) => layer.id);
}

/**
 * The highlight layers start hidden: a source that no visible layer draws loads no tiles, and
 * the first view has nothing highlighted. The map shows them when it first highlights.
 */
export function hiddenUntilHighlighted(layer: LayerSpecification): LayerSpecification {
  if (!('source' in layer) || layer.source !== HIGHLIGHT_SOURCE) return layer;
  return { ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification;
}

/**
 * A reader's layer of more points than this is drawn in clusters until CLUSTER_MAX_ZOOM. Points
 * by the ten thousand overlap into one blot at the scale of the region, and each frame of them
 * costs the map hundreds of milliseconds where WebGL runs in software (100 000: 0.5–1.3 s a
 * frame, the page frozen meanwhile); clusters show where they are and how many, and every frame
 * stays short.
 */
export const CLUSTER_POINTS_ABOVE = 2000;
/** Closer in than this every point is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 11;
/** How far apart, in pixels, points may be and still fall into one cluster. */
export const CLUSTER_RADIUS_PX = 40;

/** Whether an imported layer is drawn in clusters: only points, and many of them. */
export function clustersPoints(geometryTypes: readonly string[], featureCount: number): boolean {
  return (
    geometryTypes.length === 1 &&
    geometryTypes[0] === 'Point' &&
    featureCount > CLUSTER_POINTS_ABOVE
  );
}
