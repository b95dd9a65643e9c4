/**
 * Exporting layers as GeoJSON files that QGIS, GDAL or another web map can open: one pure module
 * for the page (which runs it in a worker, export-worker.ts) and the command line
 * (scripts/export.ts). No DOM, no Node APIs.
 *
 * The output is the data contract's shape (shared/design/data-contract.md), filtered to the
 * features asked for, with a canonical key order, coordinates rounded to six decimals, polygons
 * wound by the right-hand rule, and the layout of the committed layer files (formatJson). A
 * layer with a document cites it: the file's `document` member, and on every feature the flat
 * `citation` that tools reading only the features keep.
 *
 * Its public API, for any caller: `exportLayers(layers, request)` → `{ fileName, text,
 * featureCount }`, or an ExportError saying what was wrong with the request.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import type { Feature, GeoJsonProperties, Geometry, Polygon } from 'geojson';
import { documentCitation } from './citation.ts';
import type { AtlasLayer, DocumentReference } from './contract.ts';
import { ALL_LAYERS, VISIBLE_LAYERS } from './contract.ts';
import {
  ExportError,
  exportFileName,
  listForMessage,
  validateBbox,
  type Bbox,
  type ExportRequest,
} from './export-request.ts';
import { featureBounds } from './feature-place.ts';
import { formatJson, normalizeGeometry } from './layer-file.ts';

export {
  clampBbox,
  ExportError,
  slugify,
  validateBbox,
  type Bbox,
  type ExportErrorCode,
  type ExportRequest,
} from './export-request.ts';

/** The request's layer name that selects every layer; also the `layer` member of such a file. */
export { ALL_LAYERS, VISIBLE_LAYERS };

/** The media type to give a download (RFC 7946). */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/**
 * A layer that did not come out of our build (a GeoJSON file opened in the app): any features,
 * any properties, perhaps no document.
 */
export interface ImportedLayer {
  type: 'FeatureCollection';
  layer: string;
  document?: DocumentReference;
  features: Feature<Geometry | null, GeoJsonProperties>[];
}

export type ExportableLayer = AtlasLayer | ImportedLayer;

export interface ExportResult {
  /** passage-atlas-….geojson, named for what it holds; never holds a path separator. */
  fileName: string;
  /** The file's text (UTF-8 when written), ending in a newline. */
  text: string;
  featureCount: number;
}

/** The contract's property order; other properties follow in their own order. */
export const PROPERTY_ORDER = [
  'name',
  'kind',
  'variants',
  'geometryQuality',
  'geometryNote',
  'waypoints',
  'lengthKm',
  'validFrom',
  'validTo',
  'mentions',
  'sources',
  'citation',
] as const;

/** The contract's key order inside one mention. */
export const MENTION_ORDER = [
  'start',
  'end',
  'text',
  'excerptStart',
  'excerptEnd',
  'excerpt',
  'section',
] as const;

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

/** The file's top-level member for an all-layers export: which features came from which layer. */
interface LayerIndexEntry {
  layer: string;
  document?: DocumentReference;
  /** The id of every exported feature of this layer, in file order (null where it has none). */
  ids: (string | number | null)[];
}

/** The file: its members in file order, `features` last. */
interface OutputCollection {
  type: 'FeatureCollection';
  layer: string;
  document?: DocumentReference;
  layers?: LayerIndexEntry[];
  features: OutputFeature[];
}

/**
 * Whether a geometry intersects the box (its edge included): the boxes decide when they are
 * disjoint or when the geometry's box lies inside the query box; otherwise turf decides, so
 * a line that crosses the box with no vertex inside it counts, and a polygon that covers the
 * whole box counts.
 */
function intersectsBox(geometry: Geometry | null, box: Bbox, boxPolygon: Polygon): boolean {
  if (geometry === null) return false;
  const [west, south, east, north] = box;
  if (geometry.type === 'Point') {
    const [x, y] = geometry.coordinates as [number, number];
    return x >= west && x <= east && y >= south && y <= north;
  }
  const own = featureBounds(geometry);
  // A geometry with no positions has no box, and meets nothing.
  if (own[0] > own[2]) return false;
  if (own[0] > east || own[2] < west || own[1] > north || own[3] < south) return false;
  if (own[0] >= west && own[2] <= east && own[1] >= south && own[3] <= north) return true;
  return booleanIntersects(geometry, boxPolygon);
}

const PROPERTY_RANK = new Map<string, number>(PROPERTY_ORDER.map((key, rank) => [key, rank]));
const MENTION_RANK = new Map<string, number>(MENTION_ORDER.map((key, rank) => [key, rank]));

/** Whether the keys already stand in canonical order: the ranked ones first, by rank. */
function inOrder(value: Record<string, unknown>, ranks: ReadonlyMap<string, number>): boolean {
  let last = -1;
  let unranked = false;
  for (const key in value) {
    const rank = ranks.get(key);
    if (rank === undefined) unranked = true;
    else if (unranked || rank < last) return false;
    else last = rank;
  }
  return true;
}

/** The value itself when its keys stand in canonical order, else a reordered copy. */
function orderKeys(
  value: Record<string, unknown>,
  order: readonly string[],
  ranks: ReadonlyMap<string, number>,
): Record<string, unknown> {
  if (inOrder(value, ranks)) return value;
  // No prototype: a key named "__proto__" in a reader's file must stay a key.
  const ordered: Record<string, unknown> = Object.create(null);
  for (const key of order) if (Object.hasOwn(value, key)) ordered[key] = value[key];
  for (const key of Object.keys(value)) if (!ranks.has(key)) ordered[key] = value[key];
  return ordered;
}

/** An object that is not an array: what properties and mentions are, when they are well formed. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Properties in the contract's order, the others after them in their own order, mentions'
 * keys in the contract's order. Never changes its argument; returns it when already in order.
 */
function orderProperties(properties: GeoJsonProperties): GeoJsonProperties {
  if (!isRecord(properties)) return properties ?? null;
  const ordered = orderKeys(properties, PROPERTY_ORDER, PROPERTY_RANK);
  const mentions = ordered.mentions;
  if (!Array.isArray(mentions)) return ordered;
  const orderedMentions = mentions.map((mention: unknown) =>
    isRecord(mention) ? orderKeys(mention, MENTION_ORDER, MENTION_RANK) : mention,
  );
  if (orderedMentions.every((mention, index) => mention === mentions[index])) return ordered;
  return { ...ordered, mentions: orderedMentions };
}

/** The properties cited: the document's citation in place of any of their own, keys in order. */
function withCitation(properties: GeoJsonProperties, citation: string): GeoJsonProperties {
  // No prototype, as orderKeys: a key named "__proto__" in the data must stay a key.
  const cited: Record<string, unknown> = Object.create(null);
  if (isRecord(properties)) {
    for (const key of Object.keys(properties)) if (key !== 'citation') cited[key] = properties[key];
  }
  cited.citation = citation;
  return orderProperties(cited);
}

/** One feature as the file has it. */
interface OutputFeature {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry | null;
  properties: GeoJsonProperties;
}

/**
 * One feature as the file has it: `type`, `id` (where it has one), its geometry normalised
 * (rounded, wound), its properties in canonical order, cited where its layer has a document.
 */
function outputFeature(feature: AnyFeature, citation: string | undefined): OutputFeature {
  const geometry = feature.geometry ? normalizeGeometry(feature.geometry) : null;
  const properties =
    citation === undefined
      ? orderProperties(feature.properties)
      : withCitation(feature.properties, citation);
  return feature.id === undefined || feature.id === null
    ? { type: 'Feature', geometry, properties }
    : { type: 'Feature', id: feature.id, geometry, properties };
}

function sameDocument(a: DocumentReference | undefined, b: DocumentReference | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.title === b.title &&
    a.publisher === b.publisher &&
    a.published === b.published &&
    a.url === b.url &&
    a.file === b.file &&
    a.sha256 === b.sha256
  );
}

/** The contract's `document` member, its keys in the contract's order, nothing else. */
function documentMember(document: DocumentReference): DocumentReference {
  return {
    title: document.title,
    ...(document.publisher !== undefined ? { publisher: document.publisher } : {}),
    ...(document.published !== undefined ? { published: document.published } : {}),
    ...(document.url !== undefined ? { url: document.url } : {}),
    file: document.file,
    sha256: document.sha256,
  };
}

function featureIdText(feature: AnyFeature): string | undefined {
  return feature.id === undefined || feature.id === null ? undefined : String(feature.id);
}

/**
 * One GeoJSON file of the features asked for.
 *
 * - `layer`: a layer's name, or `'all'` for every layer given (features concatenated in the
 *   order of `layers`; the file's `layer` member is then `"all"`, or `"visible"` with
 *   `visibleOnly`, and a `layers` member says which ids came from which layer).
 * - `ids`: only these features; each must exist in the selected layer(s), or ExportError. The
 *   file keeps them in layer order, not the order asked; an empty list exports no feature.
 * - `bbox`: only the features whose geometry intersects the box, edges included.
 *
 * Both filters together keep the features that pass both. Throws ExportError for an unknown
 * layer, unknown ids, a malformed bbox, or layers whose names clash.
 */
export function exportLayers(
  layers: readonly ExportableLayer[],
  request: ExportRequest,
): ExportResult {
  const names = layers.map((layer) => layer.layer);
  const seen = new Set<string>();
  for (const name of names) {
    if (name === ALL_LAYERS) {
      throw new ExportError(
        'invalid-layers',
        `No layer may be named "${ALL_LAYERS}": it means every layer.`,
      );
    }
    if (seen.has(name)) throw new ExportError('invalid-layers', `Two layers are named "${name}".`);
    seen.add(name);
  }

  const all = request.layer === ALL_LAYERS;
  const selected = all ? layers : layers.filter((layer) => layer.layer === request.layer);
  if (!all && selected.length === 0) {
    throw new ExportError(
      'unknown-layer',
      `Unknown layer "${request.layer}". Valid layers: ${listForMessage([...names, ALL_LAYERS])}.`,
      [...names, ALL_LAYERS],
    );
  }

  const box = request.bbox === undefined ? undefined : validateBbox(request.bbox);
  const boxPolygon: Polygon | undefined = box && {
    type: 'Polygon',
    coordinates: [
      [
        [box[0], box[1]],
        [box[2], box[1]],
        [box[2], box[3]],
        [box[0], box[3]],
        [box[0], box[1]],
      ],
    ],
  };

  let wanted: Set<string> | undefined;
  let requestedIds: string[] | undefined;
  if (request.ids !== undefined) {
    requestedIds = [...new Set(request.ids.map(String))];
    wanted = new Set(requestedIds);
    const valid = new Set<string>();
    for (const layer of selected) {
      for (const feature of layer.features as AnyFeature[]) {
        const id = featureIdText(feature);
        if (id !== undefined) valid.add(id);
      }
    }
    const unknown = requestedIds.filter((id) => !valid.has(id));
    if (unknown.length > 0) {
      const where = all ? 'any layer' : `layer "${request.layer}"`;
      throw new ExportError(
        'unknown-id',
        `Unknown feature id${unknown.length > 1 ? 's' : ''} in ${where}: ${listForMessage(unknown)}. Valid ids: ${listForMessage([...valid])}.`,
        [...valid],
      );
    }
  }

  const features: OutputFeature[] = [];
  const index: LayerIndexEntry[] = [];
  for (const layer of selected) {
    // A layer the reader brought has no document: nothing is cited for it, nothing invented.
    const citation = layer.document ? documentCitation(layer.document) : undefined;
    const ids: (string | number | null)[] = [];
    for (const feature of layer.features as AnyFeature[]) {
      if (wanted !== undefined) {
        const id = featureIdText(feature);
        if (id === undefined || !wanted.has(id)) continue;
      }
      if (box !== undefined && !intersectsBox(feature.geometry, box, boxPolygon!)) continue;
      const output = outputFeature(feature, citation);
      features.push(output);
      ids.push(output.id ?? null);
    }
    index.push({ layer: layer.layer, ids });
  }

  let collection: OutputCollection;
  if (all) {
    const first = selected[0]?.document;
    const shared =
      first !== undefined && selected.every((layer) => sameDocument(layer.document, first));
    collection = {
      type: 'FeatureCollection',
      layer: request.visibleOnly ? VISIBLE_LAYERS : ALL_LAYERS,
      ...(shared ? { document: documentMember(first) } : {}),
      layers: index.map((entry, position) => {
        const document = selected[position]!.document;
        return !shared && document !== undefined
          ? { layer: entry.layer, document: documentMember(document), ids: entry.ids }
          : entry;
      }),
      features,
    };
  } else {
    const layer = selected[0]!;
    collection = {
      type: 'FeatureCollection',
      layer: layer.layer,
      ...(layer.document ? { document: documentMember(layer.document) } : {}),
      features,
    };
  }

  return {
    fileName: exportFileName(request, requestedIds),
    text: formatJson(collection),
    featureCount: features.length,
  };
}
