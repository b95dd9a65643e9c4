/**
 * The place finder: any text in, the data contract's features out — each place the text names,
 * placed from the world gazetteer, with every mention (exact offsets into the text as given), the
 * sentence around it as the excerpt, the record it was placed from and the other candidates;
 * and the routes the text names by their ends. Pure: runs in Node and in a worker.
 */
import { length as turfLength } from '@turf/length';
import type { Source } from '../geo/contract.ts';
import { foldForSearch } from '../text/fold.ts';
import { editDistance, nameKey } from '../text/name-key.ts';
import { MentionMaker, type Mention } from '../text/mentions.ts';
import { collapseWhiteSpace } from '../text/sentences.ts';
import { choosePlaces, type Choice } from './choose.ts';
import type { Candidate, FoundFeature, FoundKind } from './found-feature.ts';
import { NameScanner, type NameMatch } from './name-scan.ts';
import { findRoutes, type RouteMention } from './routes.ts';
import { withStateAbbreviations, type StateAbbreviations } from './state-abbreviations.ts';
import type { GazetteerRecord, WorldGazetteer } from './world-gazetteer.ts';

export interface PlaceFinderData {
  gazetteer: WorldGazetteer;
  /** US states' AP and postal abbreviations to their postal codes ("La." → "LA"). */
  states: StateAbbreviations;
  /** The atlas's own region's countries (regions.json): the finder leans to their places. */
  focusCountries: ReadonlySet<string>;
}

/** How many other names of a record the feature lists beside the text's own. */
const VARIANTS_KEPT = 5;

export function recordKind(record: GazetteerRecord): FoundKind {
  if (record.featureCode.startsWith('PCL')) return 'country';
  if (record.featureClass === 'P') return 'settlement';
  if (record.featureClass === 'H') return 'water';
  if (record.featureClass === 'A' || record.featureClass === 'L') return 'region';
  return 'other';
}

const slug = (name: string) =>
  foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'place';

export function featureId(record: GazetteerRecord): string {
  if (record.source === 'curated') return record.id;
  if (record.source === 'world-countries') return slug(record.name);
  return `${slug(record.name)}-${record.id.toLowerCase()}`;
}

/** Whether `alternate` spells one of `names` a little differently (at most 2 edits, folded). */
function isSpellingOf(alternate: string, names: readonly string[]): boolean {
  const folded = nameKey(alternate);
  return names.some((name) => editDistance(folded, nameKey(name)) <= 2);
}

/**
 * Of a record's alternates, those that are other names, not spellings of its name or of the
 * text's (Khankendi: Stepanakert, not Khankendy).
 */
export function otherNamesOf(record: GazetteerRecord, name: string): string[] {
  return record.alternates.filter((alternate) => !isSpellingOf(alternate, [name, record.name]));
}

function candidateOf(
  gazetteer: WorldGazetteer,
  { record, score }: { record: GazetteerRecord; score: number },
): Candidate {
  return {
    id: record.id,
    gazetteer: gazetteer.sources[record.source].gazetteer,
    name: record.name,
    country: record.country,
    population: record.population,
    coordinates: [record.longitude, record.latitude],
    score,
  };
}

function placeFeature(
  choice: Choice,
  mentions: Mention[],
  gazetteer: WorldGazetteer,
): FoundFeature {
  const record = choice.candidates[0]!.record;
  const { gazetteer: reference, source } = gazetteer.citation(record);
  const name = collapseWhiteSpace(mentions[0]!.text);
  const seen = new Set([nameKey(name)]);
  const variants = [];
  // The text's other forms, the record's name, and its other names.
  const otherNames = otherNamesOf(record, name);
  const written = [...new Set(mentions.map((mention) => mention.text))].map(collapseWhiteSpace);
  for (const other of [...written, record.name, ...otherNames]) {
    if (variants.length >= VARIANTS_KEPT) break;
    const key = nameKey(other);
    if (seen.has(key)) continue;
    seen.add(key);
    variants.push({ name: other });
  }
  return {
    type: 'Feature',
    id: featureId(record),
    geometry: { type: 'Point', coordinates: [record.longitude, record.latitude] },
    properties: {
      name,
      kind: recordKind(record),
      variants,
      geometryQuality: 'gazetteer',
      geometryNote: `the point of ${reference.name} record ${record.id} (${record.name}), chosen by the place finder among ${choice.candidates.length} candidate(s); not checked by a person`,
      mentions,
      sources: [source],
      certainty: 'suggested',
      gazetteer: reference,
      candidates: choice.candidates.map((candidate) => candidateOf(gazetteer, candidate)),
    },
  };
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url));
}

function routeFeature(
  routes: RouteMention[],
  mentions: Mention[],
  recordOf: (match: NameMatch) => GazetteerRecord,
  gazetteer: WorldGazetteer,
  text: string,
): FoundFeature {
  const ends = routes[0]!.ends.map(recordOf);
  const endNames = routes[0]!.ends.map((match) =>
    collapseWhiteSpace(text.slice(match.start, match.end)),
  );
  const sources = uniqueSources(ends.map((record) => gazetteer.citation(record).source));
  const name = collapseWhiteSpace(mentions[0]!.text);
  const id = `${ends.map((record) => slug(record.name)).join('-')}-route`;
  if (ends.length === 1) {
    const [record] = ends as [GazetteerRecord];
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [record.longitude, record.latitude] },
      properties: {
        name,
        kind: 'route',
        variants: [],
        geometryQuality: 'gazetteer',
        geometryNote: `a route the text names after ${endNames[0]}; its line is not known, so it is drawn at ${record.name} (${gazetteer.sources[record.source].gazetteer} record ${record.id})`,
        waypoints: endNames,
        mentions,
        sources,
        certainty: 'suggested',
      },
    };
  }
  const geometry = {
    type: 'LineString' as const,
    coordinates: ends.map((record) => [record.longitude, record.latitude]),
  };
  const lengthKm =
    Math.round(
      turfLength({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }) * 10,
    ) / 10;
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      name,
      kind: 'route',
      variants: [],
      geometryQuality: 'schematic',
      geometryNote: `drawn straight from ${endNames[0]} to ${endNames[1]}, the ends the text names; not the road's line`,
      waypoints: endNames,
      lengthKm,
      mentions,
      sources,
      certainty: 'suggested',
    },
  };
}

/** The places and routes the text names, in the order the text first names them. */
export function findPlaces(text: string, data: PlaceFinderData): FoundFeature[] {
  const matches = withStateAbbreviations(
    text,
    new NameScanner(data.gazetteer).scan(text),
    data.gazetteer,
    data.states,
  );
  const choices = choosePlaces(text, matches, data.gazetteer, data.focusCountries);
  // By each match's index: a long text has hundreds of thousands of matches.
  const choiceOf: (Choice | undefined)[] = new Array(matches.length);
  for (const choice of choices) for (const match of choice.matches) choiceOf[match.index] = choice;
  const placed = (match: NameMatch) => choiceOf[match.index] !== undefined;
  const placedMatches = matches.filter(placed);
  const routes = findRoutes(text, placedMatches, placed);
  const recordOf = (match: NameMatch) => choiceOf[match.index]!.candidates[0]!.record;
  // Mentions in text order, so that each line is segmented once; both lists are in text order.
  const maker = new MentionMaker(text);
  const matchMentions: Mention[] = new Array(matches.length);
  const routeMentions: Mention[] = [];
  for (
    let matchIndex = 0;
    matchIndex < placedMatches.length || routeMentions.length < routes.length;
  ) {
    const match = placedMatches[matchIndex];
    const route = routes[routeMentions.length];
    if (
      route &&
      (!match ||
        route.start < match.start ||
        (route.start === match.start && route.end > match.end))
    ) {
      routeMentions.push(maker.mention(route.start, route.end));
    } else {
      matchMentions[match!.index] = maker.mention(match!.start, match!.end);
      matchIndex++;
    }
  }
  const features: { first: number; feature: FoundFeature }[] = [];
  const byId = new Map<string, FoundFeature>();
  for (const choice of choices) {
    const feature = placeFeature(
      choice,
      choice.matches.map((match) => matchMentions[match.index]!),
      data.gazetteer,
    );
    // Two names of one record ("Stepanakert [Khankendi]"): one feature, every mention.
    const existing = byId.get(feature.id);
    if (existing) {
      existing.properties.mentions = [
        ...existing.properties.mentions,
        ...feature.properties.mentions,
      ].sort((a, b) => a.start - b.start);
      continue;
    }
    byId.set(feature.id, feature);
    features.push({ first: choice.matches[0]!.start, feature });
  }
  const routesById = new Map<string, number[]>();
  routes.forEach((route, index) => {
    const id = `${route.ends.map((match) => recordOf(match).index).join('-')}`;
    const group = routesById.get(id);
    if (group) group.push(index);
    else routesById.set(id, [index]);
  });
  for (const indexes of routesById.values()) {
    const group = indexes.map((index) => routes[index]!);
    const feature = routeFeature(
      group,
      indexes.map((index) => routeMentions[index]!),
      recordOf,
      data.gazetteer,
      text,
    );
    features.push({ first: group[0]!.start, feature });
  }
  return features.sort((a, b) => a.first - b.first).map(({ feature }) => feature);
}
