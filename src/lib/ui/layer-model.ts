/**
 * The layer model: every layer the page shows is an entry of one shape, whatever its origin —
 * the document's own layers, the layers a reader imported, and the places found in a text the
 * reader opened (`origin: 'text'`). Pure: the state (atlas-state.svelte.ts) holds the entries,
 * imported-layers.svelte.ts assigns and frees what an imported one holds, and
 * texts/opened-texts.svelte.ts what a text's does.
 */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { ALL_LAYERS, type AtlasLayer, type DocumentReference } from '../geo/contract.ts';
import type { Bounds } from '../geo/feature-place.ts';
import { IMPORTED_PALETTE } from '../map/style/theme.ts';
import type { FoundFeature } from '../places/found-feature.ts';
import type { ReviewLog, TextFeature } from '../texts/review.ts';

export type LayerOrigin = 'document' | 'imported' | 'text';

interface LayerEntryBase {
  /** Unique among the layers; names the layer's features ("import-3/12") and map source. */
  id: string;
  /** As the panel, the legend and an export name it; unique among the layers. */
  name: string;
  origin: LayerOrigin;
  visible: boolean;
  /** The colour it is drawn in, unique among the imported layers; the document's draw by kind. */
  colour: string | null;
  /** Drawn in clusters (many points). */
  clustered: boolean;
}

export interface DocumentLayerEntry extends LayerEntryBase {
  origin: 'document';
  colour: null;
  data: AtlasLayer;
}

export interface ImportedLayerData {
  features: Feature<Geometry, GeoJsonProperties>[];
  geometryTypes: string[];
  bounds: Bounds;
  /** Every property name the features use, in order: what the reader may label by. */
  propertyNames: string[];
  /** A blob: URL of the map's copy of the layer, which the map's worker reads. */
  mapDataUrl: string;
  /** The layer as GeoJSON: what is kept in the browser, and what a swap reads again. */
  layerData: Blob;
}

export interface ImportedLayerEntry extends LayerEntryBase {
  origin: 'imported';
  colour: string;
  data: ImportedLayerData;
  /** The property each feature is labelled by, on the map and in the list; null for none. */
  labelProperty: string | null;
  /** Every point far out at sea, on land if longitude and latitude were swapped: offer it. */
  swapSuggested: boolean;
}

/**
 * What an imported layer draws, by its geometry types: points, lines, areas (as its style layers
 * filter them: map/style/imported-layers.ts). The page's legend and the printed one show these.
 */
export function drawnShapes(geometryTypes: readonly string[]): {
  point: boolean;
  line: boolean;
  area: boolean;
} {
  const has = (...types: string[]) => geometryTypes.some((type) => types.includes(type));
  return {
    point: has('Point', 'MultiPoint'),
    line: has('LineString', 'MultiLineString'),
    area: has('Polygon', 'MultiPolygon'),
  };
}

export interface TextLayerData {
  /** The text as the place finder read it: what the mentions' offsets point into. */
  text: string;
  /** How the text is cited: its title (the reader's, once edited), file and checksum. */
  document: DocumentReference;
  /** What the finder found, as it found it, and the reader's review of it (review.ts). */
  found: FoundFeature[];
  review: ReviewLog;
  /** The places after the review: what the map, the list, the text and the export show. */
  features: TextFeature[];
  rejected: TextFeature[];
  /** Where its places are; null without any. */
  bounds: Bounds | null;
}

export interface TextLayerEntry extends LayerEntryBase {
  origin: 'text';
  colour: string;
  data: TextLayerData;
}

export type LayerEntry = DocumentLayerEntry | ImportedLayerEntry | TextLayerEntry;

/** What the panel calls the document's layers. */
const DOCUMENT_LAYER_TITLES: Record<string, string> = {
  routes: 'Routes',
  places: 'Places',
  borders: 'Borders',
  areas: 'Regions and countries',
};

export const documentLayerTitle = (entry: LayerEntry) =>
  entry.origin === 'document' ? (DOCUMENT_LAYER_TITLES[entry.id] ?? entry.name) : entry.name;

export function documentLayerEntry(layer: AtlasLayer): DocumentLayerEntry {
  return {
    id: layer.layer,
    name: layer.layer,
    origin: 'document',
    visible: true,
    colour: null,
    clustered: false,
    data: layer,
  };
}

/** A name no present layer has: "my route", then "my route (2)"; never "all" (every layer). */
export function uniqueLayerName(name: string, layers: readonly LayerEntry[]): string {
  const taken = new Set(layers.map((layer) => layer.name));
  taken.add(ALL_LAYERS);
  if (!taken.has(name)) return name;
  let suffix = 2;
  while (taken.has(`${name} (${suffix})`)) suffix++;
  return `${name} (${suffix})`;
}

/**
 * A colour for a new imported layer: `wanted` (the one it had before a reload) if no present
 * layer has it, else the first of the palette no present layer has. With more layers than
 * colours, the one the fewest layers have.
 */
export function pickColour(layers: readonly LayerEntry[], wanted?: string): string {
  const used = new Map<string, number>(IMPORTED_PALETTE.map((colour) => [colour, 0]));
  for (const layer of layers) {
    if (layer.colour !== null) used.set(layer.colour, (used.get(layer.colour) ?? 0) + 1);
  }
  if (wanted && !used.get(wanted)) return wanted;
  let best = IMPORTED_PALETTE[0]!;
  for (const colour of IMPORTED_PALETTE) if (used.get(colour)! < used.get(best)!) best = colour;
  return best;
}

/** An imported feature's id: its layer's, then its number in the layer (from 1), "import-3/12". */
export const importedFeatureId = (layerId: string, index: number) => `${layerId}/${index + 1}`;

/** A text's feature's id: its layer's, then its own, "text-2/batumi-615532". */
export const textFeatureId = (layerId: string, featureId: string) => `${layerId}/${featureId}`;

/** The layer and the rest of a reader's feature's id ("import-3/12", "text-2/batumi"), or null. */
export function splitFeatureId(featureId: string): { layerId: string; rest: string } | null {
  const slash = featureId.indexOf('/');
  return slash <= 0
    ? null
    : { layerId: featureId.slice(0, slash), rest: featureId.slice(slash + 1) };
}

/** The layer and position an imported feature's id names, or null. */
export function parseImportedFeatureId(
  featureId: string,
): { layerId: string; index: number } | null {
  const slash = featureId.lastIndexOf('/');
  if (slash <= 0) return null;
  const number = Number(featureId.slice(slash + 1));
  if (!Number.isInteger(number) || number < 1) return null;
  return { layerId: featureId.slice(0, slash), index: number - 1 };
}

/** The property the reader would label by unless they choose: name, else title, in any case. */
export function defaultLabelProperty(propertyNames: readonly string[]): string | null {
  for (const wanted of ['name', 'title']) {
    const found = propertyNames.find((name) => name.toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  return null;
}

/** What a feature is called: its label property's value as text, or "Feature 12". */
export function featureLabel(
  properties: GeoJsonProperties,
  labelProperty: string | null,
  index: number,
): string {
  const value: unknown = labelProperty === null ? undefined : properties?.[labelProperty];
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `Feature ${index + 1}`;
}
