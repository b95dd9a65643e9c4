/**
 * Exporting layers as GeoJSON files that QGIS, GDAL or another web map can open: one pure module
 * for the page (download button) and the command line (scripts/export.ts). No DOM, no Node APIs.
 *
 * The output is the data contract's shape (shared/design/data-contract.md), filtered to the
 * features asked for, with a canonical key order, coordinates rounded to six decimals, polygons
 * wound by the right-hand rule, and the layout of the committed layer files (formatJson), written
 * in one pass with no copy of the features made.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import type { Feature, GeoJsonProperties, Geometry, Polygon } from 'geojson';
import type { AtlasLayer, DocumentReference } from './contract.ts';
import { ALL_LAYERS } from './contract.ts';
import { foldLetters } from '../text/fold.ts';
import { featureBounds, type Bounds } from './feature-place.ts';
import { LayoutWriter, lineStart, nextLineStart, writeNormalizedGeometry } from './layer-file.ts';

/** The request's layer name that selects every layer; also the `layer` member of such a file. */
export { ALL_LAYERS };

/** The media type to give a download (RFC 7946). */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** west, south, east, north in degrees (WGS 84), as `map.getBounds().toArray().flat()` gives. */
export type Bbox = Bounds;

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

export interface ExportRequest {
  /** A layer's name, or `'all'` (ALL_LAYERS) for every layer given, in the order given. */
  layer: string;
  /** Only the features with these ids (numbers in imported layers match their decimal form). */
  ids?: readonly string[];
  /** Only the features whose geometry intersects this box ("in view"). */
  bbox?: Bbox | readonly number[];
}

export interface ExportResult {
  /** passage-atlas-….geojson, named for what it holds; never holds a path separator. */
  fileName: string;
  /** The file's text (UTF-8 when written), ending in a newline. */
  text: string;
  featureCount: number;
}

export type ExportErrorCode = 'unknown-layer' | 'unknown-id' | 'invalid-bbox' | 'invalid-layers';

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    /** For unknown-layer and unknown-id: the names or ids that would have been valid. */
    readonly valid: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ExportError';
  }
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

const FILE_PREFIX = 'passage-atlas';
/** How many valid names or ids an error message lists before it says "and N more". */
const LISTED_IN_ERRORS = 50;

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

/** The file's top-level member for an all-layers export: which features came from which layer. */
interface LayerIndexEntry {
  layer: string;
  document?: DocumentReference;
  /** The id of every exported feature of this layer, in file order (null where it has none). */
  ids: (string | number | null)[];
}

/** The file's members before `features`, in file order. */
interface CollectionHead {
  type: 'FeatureCollection';
  layer: string;
  document?: DocumentReference;
  layers?: LayerIndexEntry[];
}

/**
 * A file-name part from data: lowercase ASCII letters, digits and single hyphens, at most 80
 * characters; `fallback` when nothing is left.
 */
export function slugify(value: string, fallback = 'export'): string {
  const slug = foldLetters(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

function listForMessage(values: readonly string[]): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, LISTED_IN_ERRORS).join(', ');
  const more = values.length - LISTED_IN_ERRORS;
  return more > 0 ? `${shown}, … and ${more} more` : shown;
}

/** The box as [w, s, e, n], or an ExportError naming the rule it breaks. */
export function validateBbox(bbox: readonly unknown[]): Bbox {
  if (!Array.isArray(bbox) || bbox.length !== 4) {
    throw new ExportError(
      'invalid-bbox',
      `A bbox is 4 numbers west,south,east,north; got ${Array.isArray(bbox) ? bbox.length : 'no'} value(s).`,
    );
  }
  const names = ['west', 'south', 'east', 'north'];
  bbox.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ExportError(
        'invalid-bbox',
        `The bbox ${names[index]} must be a finite number; got ${JSON.stringify(value) ?? String(value)}.`,
      );
    }
  });
  const [west, south, east, north] = bbox as number[] as Bbox;
  if (west < -180 || east > 180) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox longitudes must lie within -180..180; got west ${west}, east ${east}.`,
    );
  }
  if (south < -90 || north > 90) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox latitudes must lie within -90..90; got south ${south}, north ${north}.`,
    );
  }
  if (!(west < east)) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox west (${west}) must be less than its east (${east}); a box across the antimeridian is not supported.`,
    );
  }
  if (!(south < north)) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox south (${south}) must be less than its north (${north}).`,
    );
  }
  return [west, south, east, north];
}

/**
 * A map view's bounds made valid for `bbox`: latitudes clamped to -90..90 and longitudes to
 * -180..180 (a view wider than the world becomes the whole world). A view across the
 * antimeridian keeps only its part west of it.
 */
export function clampBbox([west, south, east, north]: readonly [
  number,
  number,
  number,
  number,
]): Bbox {
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return [
    clamp(west, -180, 180),
    clamp(south, -90, 90),
    clamp(east, -180, 180),
    clamp(north, -90, 90),
  ];
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Properties in the contract's order, the others after them in their own order, mentions'
 * keys in the contract's order. Never changes its argument; returns it when already in order.
 */
function orderProperties(properties: GeoJsonProperties): GeoJsonProperties {
  if (!isPlainObject(properties)) return properties ?? null;
  const ordered = orderKeys(properties, PROPERTY_ORDER, PROPERTY_RANK);
  const mentions = ordered.mentions;
  if (!Array.isArray(mentions)) return ordered;
  const orderedMentions = mentions.map((mention: unknown) =>
    isPlainObject(mention) ? orderKeys(mention, MENTION_ORDER, MENTION_RANK) : mention,
  );
  if (orderedMentions.every((mention, index) => mention === mentions[index])) return ordered;
  return { ...ordered, mentions: orderedMentions };
}

/** A feature stands in "features", two levels in; its members one level further. */
const FEATURE_DEPTH = 2;
const MEMBER_DEPTH = FEATURE_DEPTH + 1;
// A feature's text around its values, ready made: most of what a point feature writes.
const FEATURE_START = `${lineStart(FEATURE_DEPTH)}{${lineStart(MEMBER_DEPTH)}"type": "Feature"`;
const ID_START = `${nextLineStart(MEMBER_DEPTH)}"id": `;
const GEOMETRY_START = `${nextLineStart(MEMBER_DEPTH)}"geometry": `;
const PROPERTIES_START = `${nextLineStart(MEMBER_DEPTH)}"properties": `;
const FEATURE_END = `${lineStart(FEATURE_DEPTH)}}`;

/**
 * One feature as the file has it: `type`, `id` (where it has one), its geometry normalised
 * (rounded, wound), its properties in canonical order. Written straight into the file, with no
 * copy of the feature made: the same bytes as formatJson of such a copy.
 */
function writeFeature(writer: LayoutWriter, feature: AnyFeature): void {
  writer.writeAscii(FEATURE_START);
  const id = feature.id;
  if (id !== undefined && id !== null) writer.writeMember(ID_START, 'id', id, MEMBER_DEPTH);
  const geometry = feature.geometry;
  const geometryStart = writer.length;
  writer.writeAscii(GEOMETRY_START);
  if (!geometry) writer.writeAscii('null');
  else if (!writeNormalizedGeometry(writer, geometry, MEMBER_DEPTH)) writer.length = geometryStart;
  const properties = orderProperties(feature.properties);
  writer.writeMember(PROPERTIES_START, 'properties', properties, MEMBER_DEPTH);
  writer.writeAscii(FEATURE_END);
}

/** The file: the members of `head` in their order, then `features`, then a newline. */
function writeCollection(head: CollectionHead, features: readonly AnyFeature[]): string {
  const writer = new LayoutWriter();
  writer.writeAscii(`{${lineStart(1)}"type": "FeatureCollection"`);
  for (const [key, value] of Object.entries(head)) {
    if (key !== 'type') {
      writer.writeMember(`${nextLineStart(1)}${JSON.stringify(key)}: `, key, value, 1);
    }
  }
  writer.writeAscii(`${nextLineStart(1)}"features": `);
  if (features.length === 0) {
    writer.writeAscii('[]');
  } else {
    writer.writeAscii('[');
    for (let index = 0; index < features.length; index++) {
      if (index > 0) writer.writeAscii(',');
      writeFeature(writer, features[index]!);
      writer.commit();
    }
    writer.writeAscii(`${lineStart(1)}]`);
  }
  writer.writeAscii(`${lineStart(0)}}\n`);
  return writer.text();
}

function sameDocument(a: DocumentReference | undefined, b: DocumentReference | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.title === b.title &&
    a.file === b.file &&
    a.sha256 === b.sha256
  );
}

function documentReference(document: DocumentReference): DocumentReference {
  return { title: document.title, file: document.file, sha256: document.sha256 };
}

function featureIdText(feature: AnyFeature): string | undefined {
  return feature.id === undefined || feature.id === null ? undefined : String(feature.id);
}

function fileName(request: ExportRequest, ids: readonly string[] | undefined): string {
  const all = request.layer === ALL_LAYERS;
  const what =
    ids !== undefined && ids.length === 1
      ? slugify(ids[0]!, 'feature')
      : all
        ? 'all-layers'
        : slugify(request.layer, 'layer');
  const count = ids !== undefined && ids.length !== 1 ? `-${ids.length}-features` : '';
  const inView = request.bbox !== undefined ? '-in-view' : '';
  return `${FILE_PREFIX}-${what}${count}${inView}.geojson`;
}

/**
 * One GeoJSON file of the features asked for.
 *
 * - `layer`: a layer's name, or `'all'` for every layer given (features concatenated in the
 *   order of `layers`; the file's `layer` member is then `"all"`, and a `layers` member says
 *   which ids came from which layer).
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

  const features: AnyFeature[] = [];
  const index: LayerIndexEntry[] = [];
  for (const layer of selected) {
    const ids: (string | number | null)[] = [];
    for (const feature of layer.features as AnyFeature[]) {
      if (wanted !== undefined) {
        const id = featureIdText(feature);
        if (id === undefined || !wanted.has(id)) continue;
      }
      if (box !== undefined && !intersectsBox(feature.geometry, box, boxPolygon!)) continue;
      features.push(feature);
      ids.push(feature.id ?? null);
    }
    index.push({ layer: layer.layer, ids });
  }

  let head: CollectionHead;
  if (all) {
    const first = selected[0]?.document;
    const shared =
      first !== undefined && selected.every((layer) => sameDocument(layer.document, first));
    head = {
      type: 'FeatureCollection',
      layer: ALL_LAYERS,
      ...(shared ? { document: documentReference(first) } : {}),
      layers: index.map((entry, position) => {
        const document = selected[position]!.document;
        return !shared && document !== undefined
          ? { layer: entry.layer, document: documentReference(document), ids: entry.ids }
          : entry;
      }),
    };
  } else {
    const layer = selected[0]!;
    head = {
      type: 'FeatureCollection',
      layer: layer.layer,
      ...(layer.document ? { document: documentReference(layer.document) } : {}),
    };
  }

  return {
    fileName: fileName(request, requestedIds),
    text: writeCollection(head, features),
    featureCount: features.length,
  };
}
