/**
 * A reader's review of the places found in a text, as a log of operations applied to the
 * finder's output: confirm a suggestion, reject it, place it elsewhere (another of its
 * candidates, a record found by name, or a point clicked on the map), add a name the finder
 * missed. The finder's output is never changed: the reviewed places are worked out from it and
 * the log, so an empty log gives back exactly what the finder found (and the export before any
 * review equals `npm run geoparse`), undo is taking the last operation off, and keeping the
 * review is keeping the log. Pure: runs in the page and in the unit tests.
 */
import { length as turfLength } from '@turf/length';
import type { LineString, Point } from 'geojson';
import type { Source } from '../geo/contract.ts';
import type { FoundFeature, FoundProperties } from '../places/found-feature.ts';
import type { GazetteerPlace } from '../places/name-lookup.ts';
import { MentionMaker, type Mention } from '../text/mentions.ts';
import { nameKey } from '../text/name-key.ts';
import { collapseWhiteSpace } from '../text/sentences.ts';

export type { GazetteerPlace };

export type Certainty = 'suggested' | 'confirmed';

export interface TextProperties extends Omit<FoundProperties, 'certainty' | 'geometryQuality'> {
  /** `approximate` for a point the reader placed by hand. */
  geometryQuality: FoundProperties['geometryQuality'] | 'approximate';
  certainty: Certainty;
}

export interface TextFeature {
  type: 'Feature';
  id: string;
  geometry: Point | LineString;
  properties: TextProperties;
}

/** Where the reader put a place: on a gazetteer record, or by hand on the map. */
export type Placement =
  { by: 'gazetteer'; place: GazetteerPlace } | { by: 'hand'; coordinates: [number, number] };

export type ReviewOperation =
  | { type: 'confirm'; feature: string }
  | { type: 'reject'; feature: string }
  /** A rejected place put back as it was. */
  | { type: 'restore'; feature: string }
  | { type: 'place'; feature: string; placement: Placement }
  /** A name the finder did not place: every occurrence of it in the text not already marked. */
  | { type: 'add'; feature: string; name: string; placement: Placement };

/** What the reader did, and what they undid (and may redo), newest last. */
export interface ReviewLog {
  done: ReviewOperation[];
  undone: ReviewOperation[];
}

export const EMPTY_LOG: ReviewLog = { done: [], undone: [] };

export interface ReviewedPlaces {
  /** The places, in the order the text first names them. */
  features: TextFeature[];
  /** What the reader rejected, in the same order (listed so that they can see it, and undo). */
  rejected: TextFeature[];
}

/** Where a point the reader placed by hand comes from: the map they clicked. */
export const HAND_PLACED_SOURCE: Source = {
  title: 'Placed by the reader on the Passage Atlas map (basemap: Natural Earth)',
  url: 'https://www.naturalearthdata.com/',
};

/** How many other names a place lists beside the text's own (as the finder does). */
const VARIANTS_KEPT = 5;
const COORDINATE_FACTOR = 1e6;

const rounded = ([longitude, latitude]: [number, number]): [number, number] => [
  Math.round(longitude * COORDINATE_FACTOR) / COORDINATE_FACTOR,
  Math.round(latitude * COORDINATE_FACTOR) / COORDINATE_FACTOR,
];

/** The text's other forms of the name, then the record's names, each once, at most five. */
function variantsFor(mentions: readonly Mention[], place: GazetteerPlace | null) {
  const name = collapseWhiteSpace(mentions[0]!.text);
  const seen = new Set([nameKey(name)]);
  const written = mentions.map((mention) => collapseWhiteSpace(mention.text));
  const variants: { name: string }[] = [];
  for (const other of [...written, ...(place ? [place.name, ...place.otherNames] : [])]) {
    const key = nameKey(other);
    if (variants.length >= VARIANTS_KEPT || seen.has(key)) continue;
    seen.add(key);
    variants.push({ name: other });
  }
  return variants;
}

/**
 * The properties of a place put where the reader said, in the finder's key order: confirmed, by
 * a person; its gazetteer record and source, or the map for a point placed by hand.
 */
function placedProperties(
  base: Pick<TextProperties, 'name' | 'kind' | 'mentions' | 'candidates'>,
  placement: Placement,
  why: string,
): TextProperties {
  const place = placement.by === 'gazetteer' ? placement.place : null;
  return {
    name: base.name,
    kind: place ? place.kind : base.kind,
    variants: variantsFor(base.mentions, place),
    geometryQuality: place ? 'gazetteer' : 'approximate',
    geometryNote: place
      ? `the point of ${place.gazetteer.name} record ${place.id} (${place.name}), ${why}`
      : `placed by the reader with a click on the map; not from a gazetteer`,
    mentions: base.mentions,
    sources: [place ? place.source : HAND_PLACED_SOURCE],
    certainty: 'confirmed',
    ...(place ? { gazetteer: place.gazetteer } : {}),
    ...(base.candidates ? { candidates: base.candidates } : {}),
  };
}

const pointOf = (placement: Placement): Point => ({
  type: 'Point',
  coordinates: rounded(
    placement.by === 'gazetteer' ? placement.place.coordinates : placement.coordinates,
  ),
});

const samePosition = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

/** A route drawn to a place that moved is drawn to where it is now. */
function moveRouteEnds(
  features: Map<string, TextFeature>,
  from: readonly number[],
  to: readonly number[],
): void {
  for (const [id, feature] of features) {
    if (feature.geometry.type !== 'LineString') continue;
    const coordinates = feature.geometry.coordinates;
    if (!coordinates.some((position) => samePosition(position, from))) continue;
    const geometry: LineString = {
      type: 'LineString',
      coordinates: coordinates.map((position) =>
        samePosition(position, from) ? [...to] : position,
      ),
    };
    const lengthKm =
      Math.round(
        turfLength({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }) * 10,
      ) / 10;
    features.set(id, {
      ...feature,
      geometry,
      properties: {
        ...feature.properties,
        ...(feature.properties.lengthKm === undefined ? {} : { lengthKm }),
      },
    });
  }
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Every occurrence of `name` in the text as a whole word: [start, end) ranges, in order. */
export function occurrences(text: string, name: string): [number, number][] {
  const found: [number, number][] = [];
  if (!name.trim()) return found;
  for (let start = text.indexOf(name); start !== -1; start = text.indexOf(name, start + 1)) {
    const end = start + name.length;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 2);
    // A letter next to the name makes it part of another word ("Parisian" is not Paris).
    if (WORD_CHARACTER.test(before.at(-1) ?? '') || WORD_CHARACTER.test(after[0] ?? '')) continue;
    found.push([start, end]);
  }
  return found;
}

/** The occurrences of a name that no place already marks: what adding it would mark. */
export function unmarkedOccurrences(
  text: string,
  name: string,
  features: Iterable<TextFeature>,
): [number, number][] {
  const marked = [...features].flatMap((feature) => feature.properties.mentions);
  return occurrences(text, name).filter(
    ([start, end]) => !marked.some((mention) => mention.start < end && mention.end > start),
  );
}

/**
 * The places after the reader's operations, in order. An operation on a place no longer there
 * (the log of an older text, say) changes nothing.
 */
export function applyReview(
  text: string,
  found: readonly FoundFeature[],
  operations: readonly ReviewOperation[],
): ReviewedPlaces {
  // The finder's features themselves, never copied until an operation changes one.
  const live = new Map<string, TextFeature>(
    found.map((feature) => [feature.id, feature as unknown as TextFeature]),
  );
  const rejected = new Map<string, TextFeature>();
  for (const operation of operations) {
    const feature = live.get(operation.feature);
    switch (operation.type) {
      case 'confirm':
        if (feature)
          live.set(feature.id, {
            ...feature,
            properties: { ...feature.properties, certainty: 'confirmed' },
          });
        break;
      case 'reject':
        if (feature) {
          live.delete(feature.id);
          rejected.set(feature.id, feature);
        }
        break;
      case 'restore': {
        const restored = rejected.get(operation.feature);
        if (restored && !feature) {
          rejected.delete(restored.id);
          live.set(restored.id, restored);
        }
        break;
      }
      case 'place': {
        if (!feature || feature.geometry.type !== 'Point') break;
        const geometry = pointOf(operation.placement);
        live.set(feature.id, {
          ...feature,
          geometry,
          properties: placedProperties(
            feature.properties,
            operation.placement,
            'chosen by the reader',
          ),
        });
        moveRouteEnds(live, feature.geometry.coordinates, geometry.coordinates);
        break;
      }
      case 'add': {
        if (feature) break;
        const ranges = unmarkedOccurrences(text, operation.name, live.values());
        if (ranges.length === 0) break;
        const maker = new MentionMaker(text);
        const mentions = ranges.map(([start, end]) => maker.mention(start, end));
        live.set(operation.feature, {
          type: 'Feature',
          id: operation.feature,
          geometry: pointOf(operation.placement),
          properties: placedProperties(
            { name: collapseWhiteSpace(mentions[0]!.text), kind: 'other', mentions },
            operation.placement,
            'chosen by the reader for a name the place finder did not place',
          ),
        });
        break;
      }
    }
  }
  return { features: inOrder(found, live), rejected: inOrder(found, rejected) };
}

const firstMention = (feature: TextFeature) => feature.properties.mentions[0]?.start ?? 0;

/**
 * The places in the finder's order (the order the text first names them, which its export
 * keeps), and the names the reader added among them where the text first names them.
 */
function inOrder(
  found: readonly FoundFeature[],
  features: ReadonlyMap<string, TextFeature>,
): TextFeature[] {
  const fromFinder = found.flatMap((feature) => features.get(feature.id) ?? []);
  if (fromFinder.length === features.size) return fromFinder;
  const foundIds = new Set(found.map((feature) => feature.id));
  const added = [...features.values()]
    .filter((feature) => !foundIds.has(feature.id))
    .sort((a, b) => firstMention(a) - firstMention(b));
  const merged: TextFeature[] = [];
  let next = 0;
  for (const feature of fromFinder) {
    while (next < added.length && firstMention(added[next]!) < firstMention(feature))
      merged.push(added[next++]!);
    merged.push(feature);
  }
  return [...merged, ...added.slice(next)];
}

/** The log with one more operation done (what was undone cannot be redone after it). */
export const withOperation = (log: ReviewLog, operation: ReviewOperation): ReviewLog => ({
  done: [...log.done, operation],
  undone: [],
});

/** The log with its last operation undone; the same log when there is none. */
export function undo(log: ReviewLog): ReviewLog {
  const last = log.done.at(-1);
  return last ? { done: log.done.slice(0, -1), undone: [...log.undone, last] } : log;
}

/** The log with the last undone operation done again; the same log when there is none. */
export function redo(log: ReviewLog): ReviewLog {
  const last = log.undone.at(-1);
  return last ? { done: [...log.done, last], undone: log.undone.slice(0, -1) } : log;
}

/** An id for a name the reader adds, unused among `taken`: "ruritania-added", "-added-2". */
export function addedFeatureId(name: string, taken: ReadonlySet<string>): string {
  const base = `${
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'place'
  }-added`;
  let id = base;
  for (let number = 2; taken.has(id); number++) id = `${base}-${number}`;
  return id;
}
