/**
 * The reference for the one-pass writer: exportLayers and formatJson as they were before it
 * (src/lib/geo/export.ts and layer-file.ts at commit cc22251), which built a normalised copy of
 * every feature, ran JSON.stringify(value, null, 2) and joined each array of numbers onto one line
 * afterwards. The writer must give the same bytes for every input. Kept as it was; only the
 * error messages, file names and exports nobody here needs are left out.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import type { Feature, GeoJsonProperties, Geometry, Polygon, Position } from 'geojson';

import {
  ALL_LAYERS,
  COORDINATE_DECIMALS,
  type DocumentReference,
} from '../../src/lib/geo/contract.ts';
import {
  MENTION_ORDER,
  PROPERTY_ORDER,
  validateBbox,
  type Bbox,
  type ExportableLayer,
  type ExportRequest,
} from '../../src/lib/geo/export.ts';

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

interface LayerIndexEntry {
  layer: string;
  document?: DocumentReference;
  ids: (string | number | null)[];
}

interface OutputCollection {
  type: 'FeatureCollection';
  layer: string;
  document?: DocumentReference;
  layers?: LayerIndexEntry[];
  features: OutputFeature[];
}

interface OutputFeature {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry | null;
  properties: GeoJsonProperties;
}

function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function roundPosition(position: Position, decimals: number): Position {
  return position.map((value) => roundCoordinate(value, decimals));
}

/** Twice the signed area of a ring (positive when counter-clockwise in lon/lat). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[index + 1]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

/** RFC 7946 right-hand rule: exterior rings counter-clockwise, holes clockwise. */
function windRings(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const counterClockwise = signedArea(ring) > 0;
    const wantCounterClockwise = index === 0;
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

/** A copy of the geometry with coordinates rounded and polygons wound by the right-hand rule. */
function normalizeGeometry(geometry: Geometry, decimals = COORDINATE_DECIMALS): Geometry {
  const round = (position: Position) => roundPosition(position, decimals);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(round) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(round) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line) => line.map(round)),
      };
    case 'Polygon':
      return {
        type: 'Polygon',
        coordinates: windRings(geometry.coordinates.map((ring) => ring.map(round))),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          windRings(polygon.map((ring) => ring.map(round))),
        ),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => normalizeGeometry(part, decimals)),
      };
  }
}

const SPACE = 32;
const NEWLINE = 10;
const COMMA = 44;
const CLOSE_BRACKET = 93;

/** Whether a character can be part of a number as JSON.stringify writes it: [0-9.eE+-]. */
function isNumberCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 101 ||
    code === 69 ||
    code === 43 ||
    code === 45
  );
}

/** Skips the spaces from `position` on. */
function skipSpaces(text: string, position: number): number {
  while (text.charCodeAt(position) === SPACE) position++;
  return position;
}

/** Skips one number as JSON.stringify writes it from `position` on. */
function skipNumber(text: string, position: number): number {
  while (isNumberCharacter(text.charCodeAt(position))) position++;
  return position;
}

/**
 * In `JSON.stringify(value, null, 2)` output, the index just after the "]" of the array that
 * opens at `open` (a "[" followed by a line break) if all its elements are numbers; else -1.
 */
function numberArrayEnd(text: string, open: number): number {
  let position = open + 2;
  for (;;) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    if (position === start) return -1;
    const next = text.charCodeAt(position);
    if (next === COMMA && text.charCodeAt(position + 1) === NEWLINE) {
      position += 2;
    } else if (next === NEWLINE) {
      position = skipSpaces(text, position + 1);
      return text.charCodeAt(position) === CLOSE_BRACKET ? position + 1 : -1;
    } else {
      return -1;
    }
  }
}

/** That array (between `open` and `end`) on one line: "[1, 2]". */
function oneLine(text: string, open: number, end: number): string {
  let row = '[';
  let position = open + 2;
  while (position < end - 1) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    row += (row === '[' ? '' : ', ') + text.slice(start, position);
    position = text.charCodeAt(position) === COMMA ? position + 2 : end;
  }
  return row + ']';
}

/**
 * JSON with two-space indentation in which every array of numbers (a coordinate pair, a bbox)
 * stands on one line, ending in a newline: `JSON.stringify(value, null, 2)` with each such array
 * joined onto one line. JSON strings never hold a raw line break, so "[" and a line break
 * always open an array. One native stringify and one indexOf scan, so that 100 000 features
 * take a fraction of a second.
 */
export function referenceFormatJson(value: unknown): string {
  const indented = JSON.stringify(value, null, 2);
  let text = '';
  let copied = 0;
  let open = indented.indexOf('[\n');
  while (open !== -1) {
    const end = numberArrayEnd(indented, open);
    if (end === -1) {
      open = indented.indexOf('[\n', open + 2);
    } else {
      text += indented.slice(copied, open) + oneLine(indented, open, end);
      copied = end;
      open = indented.indexOf('[\n', end);
    }
  }
  return copied === 0 ? indented + '\n' : text + indented.slice(copied) + '\n';
}

/** Every position of a geometry, visited without building arrays. */
function geometryBox(geometry: Geometry): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: Position) => {
    const x = position[0]!;
    const y = position[1]!;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  };
  const walk = (part: Geometry) => {
    switch (part.type) {
      case 'Point':
        visit(part.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        part.coordinates.forEach(visit);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of part.coordinates) line.forEach(visit);
        break;
      case 'MultiPolygon':
        for (const polygon of part.coordinates) for (const ring of polygon) ring.forEach(visit);
        break;
      case 'GeometryCollection':
        part.geometries.forEach(walk);
        break;
    }
  };
  walk(geometry);
  return west <= east && south <= north ? [west, south, east, north] : null;
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
  const own = geometryBox(geometry);
  if (own === null) return false;
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

function outputFeature(feature: AnyFeature): OutputFeature {
  const geometry = feature.geometry ? normalizeGeometry(feature.geometry) : null;
  const properties = orderProperties(feature.properties);
  return feature.id === undefined || feature.id === null
    ? { type: 'Feature', geometry, properties }
    : { type: 'Feature', id: feature.id, geometry, properties };
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

/** exportLayers(layers, request).text as it was, for a request it accepts. */
export function referenceExportText(
  layers: readonly ExportableLayer[],
  request: ExportRequest,
): string {
  // A request the writer refuses (the same ExportError checks, unchanged) never gets here.
  const all = request.layer === ALL_LAYERS;
  const selected = all ? layers : layers.filter((layer) => layer.layer === request.layer);

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

  const wanted = request.ids === undefined ? undefined : new Set(request.ids.map(String));

  const features: OutputFeature[] = [];
  const index: LayerIndexEntry[] = [];
  for (const layer of selected) {
    const ids: (string | number | null)[] = [];
    for (const feature of layer.features as AnyFeature[]) {
      if (wanted !== undefined) {
        const id = featureIdText(feature);
        if (id === undefined || !wanted.has(id)) continue;
      }
      if (box !== undefined && !intersectsBox(feature.geometry, box, boxPolygon!)) continue;
      const output = outputFeature(feature);
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
      layer: ALL_LAYERS,
      ...(shared ? { document: documentReference(first) } : {}),
      layers: index.map((entry, position) => {
        const document = selected[position]!.document;
        return !shared && document !== undefined
          ? { layer: entry.layer, document: documentReference(document), ids: entry.ids }
          : entry;
      }),
      features,
    };
  } else {
    const layer = selected[0]!;
    collection = {
      type: 'FeatureCollection',
      layer: layer.layer,
      ...(layer.document ? { document: documentReference(layer.document) } : {}),
      features,
    };
  }

  return referenceFormatJson(collection);
}
