/**
 * Choosing the place a name means among the gazetteer's records: a prior from the kind and the
 * population of each, and the text's own evidence — the countries and states its confident places
 * lie in, the state or country written after a town ("Alexandria, La."), the dateline, and how
 * close a candidate is to the text's other confident places. One name means one place in a text.
 */
import { distance } from '@turf/distance';
import { editDistance, nameKey } from '../text/name-key.ts';
import type { NameMatch } from './name-scan.ts';
import type { GazetteerRecord, WorldGazetteer } from './world-gazetteer.ts';

export interface ScoredRecord {
  record: GazetteerRecord;
  score: number;
}

export interface Choice {
  /** The matches of one name, in text order. */
  matches: NameMatch[];
  /** Best first; the first is the choice. At most CANDIDATES_KEPT. */
  candidates: ScoredRecord[];
}

export const CANDIDATES_KEPT = 5;
/** Below this score the best candidate is no place the finder will put on a map. */
export const MIN_SCORE = 4.5;
/** A name that is also a common English word needs more. */
export const MIN_SCORE_COMMON_WORD = 7;
/** A name is confident when it has one record, or its best prior leads the next by this. */
const CONFIDENT_LEAD = 1.5;
const PRIMARY_NAME_BONUS = 0.75;
const ALTERNATE_NAME_MARGIN = 1.5;
/** For a place of the atlas's own region (regions.json, `focusCountries`). */
const FOCUS_BONUS = 0.75;

function prior(record: GazetteerRecord): number {
  const size = Math.log10(record.population + 1);
  switch (record.featureCode) {
    case 'PCLI':
      return size + 1.5;
    case 'ADM1':
      return record.source === 'curated' ? 7 : size;
    case 'ADM2':
      return size - 0.5;
    case 'PPLC':
      return size + 1.5;
    case 'PPLA':
      return size + 0.3;
  }
  return record.source === 'curated' ? 7 : size;
}

interface Group {
  key: string;
  matches: NameMatch[];
  records: GazetteerRecord[];
  /** The state (postal code) or country (ISO code) written after one of its towns. */
  qualifiers: Set<string>;
}

/** Groups the matches by name; a gloss joins the name it glosses. */
function groupMatches(matches: readonly NameMatch[], gazetteer: WorldGazetteer): Group[] {
  const groups = new Map<string, Group>();
  const groupOf: Group[] = [];
  matches.forEach((match) => {
    let group = groups.get(match.key);
    if (!group) {
      group = {
        key: match.key,
        matches: [],
        records: match.entry.records.map((index) => gazetteer.record(index)),
        qualifiers: new Set(),
      };
      groups.set(match.key, group);
    }
    group.matches.push(match);
    groupOf.push(group);
  });
  matches.forEach((match, index) => {
    if (match.glosses === undefined) return;
    const glossed = groupOf[match.glosses]!;
    const gloss = groupOf[index]!;
    const shared = glossed.records.filter((record) => gloss.records.includes(record));
    if (shared.length > 0) {
      glossed.records = shared;
      gloss.records = shared;
    }
  });
  return [...groups.values()];
}

/** "Alexandria, La.", "Alexandria, Louisiana", "Gyumri, Armenia": the qualifier after a town. */
function readQualifiers(
  text: string,
  matches: readonly NameMatch[],
  groups: readonly Group[],
): void {
  const groupByKey = new Map(groups.map((group) => [group.key, group]));
  matches.forEach((match, index) => {
    const after = text.slice(match.end, match.end + 12);
    const comma = /^,[ \t]*/.exec(after);
    if (!comma) return;
    const group = groupByKey.get(match.key)!;
    const next = matches[index + 1];
    if (next && next.start === match.end + comma[0].length) {
      for (const record of groupByKey.get(next.key)!.records) {
        if (record.featureCode === 'ADM1' && record.source !== 'curated')
          group.qualifiers.add(`${record.country}.${record.admin1}`);
        if (record.featureCode === 'PCLI') group.qualifiers.add(record.country);
      }
      return;
    }
  });
}

/**
 * The confident places a candidate is measured against: the most mentioned ones. A long text (a
 * file of many articles) has thousands, and every candidate against every one would cost more
 * than the rest of the finder.
 */
const NEIGHBOURS_KEPT = 100;

/** How far (km) from `record` the nearest of `points` lies; Infinity without points. */
function nearest(record: GazetteerRecord, points: readonly GazetteerRecord[]): number {
  let best = Infinity;
  const from = [record.longitude, record.latitude];
  for (const point of points) {
    if (point === record) continue;
    best = Math.min(best, distance(from, [point.longitude, point.latitude]));
  }
  return best;
}

export function choosePlaces(
  text: string,
  matches: readonly NameMatch[],
  gazetteer: WorldGazetteer,
  focus: ReadonlySet<string>,
): Choice[] {
  const groups = groupMatches(matches, gazetteer);
  readQualifiers(text, matches, groups);
  // First the names that are plain: one record, or one far ahead of the others by its prior.
  const confident: GazetteerRecord[] = [];
  const confidentOf = new Map<Group, GazetteerRecord>();
  for (const group of groups) {
    if (group.matches[0]!.entry.commonWord) continue;
    const ranked = group.records
      .map((record) => ({ record, score: prior(record) }))
      .sort((a, b) => b.score - a.score);
    if (ranked.length === 1 || ranked[0]!.score - ranked[1]!.score >= CONFIDENT_LEAD) {
      confident.push(ranked[0]!.record);
      confidentOf.set(group, ranked[0]!.record);
    }
  }
  const countries = new Map<string, number>();
  const admins = new Map<string, number>();
  for (const record of confident) {
    if (record.country) countries.set(record.country, (countries.get(record.country) ?? 0) + 1);
    const admin = `${record.country}.${record.admin1}`;
    if (record.admin1) admins.set(admin, (admins.get(admin) ?? 0) + 1);
  }
  const neighbours = [...confidentOf.entries()]
    .sort(([a], [b]) => b.matches.length - a.matches.length)
    .slice(0, NEIGHBOURS_KEPT)
    .map(([, record]) => record);
  const datelineCountries = new Set(
    groups
      .filter((group) => group.matches.some((match) => match.dateline) && confidentOf.has(group))
      .map((group) => confidentOf.get(group)!.country),
  );
  const choices: Choice[] = [];
  for (const group of groups) {
    const own = confidentOf.get(group);
    const others = confident.length - (own ? 1 : 0);
    const score = (record: GazetteerRecord) => {
      let total = prior(record);
      const ownCountry = own && own.country === record.country ? 1 : 0;
      const ownState =
        own && own.country === record.country && own.admin1 === record.admin1 ? 1 : 0;
      if (others > 0) {
        total += (3 * ((countries.get(record.country) ?? 0) - ownCountry)) / others;
        total +=
          (2 * ((admins.get(`${record.country}.${record.admin1}`) ?? 0) - ownState)) / others;
        const away = nearest(record, neighbours);
        total += away < 50 ? 2 : away < 200 ? 1 : 0;
      }
      if (
        group.qualifiers.has(`${record.country}.${record.admin1}`) ||
        group.qualifiers.has(record.country)
      )
        total += 6;
      if (datelineCountries.has(record.country)) total += 1;
      if (focus.has(record.country)) total += FOCUS_BONUS;
      // The name the record goes by, however spelt (Lachin for Laçın), not one of its
      // alternates (some are historic: Salisbury for Harare).
      if (editDistance(nameKey(record.name), group.key) <= 1) total += PRIMARY_NAME_BONUS;
      return Math.round(total * 100) / 100;
    };
    const candidates = group.records
      .map((record) => ({ record, score: score(record) }))
      .sort((a, b) => b.score - a.score || a.record.index - b.record.index);
    const best = candidates[0];
    // A name that is only one of GeoNames' alternates of its best record ("Mins" for Mainz),
    // not its name however spelt (Geneva for Genève), needs more; curated and countries' names
    // are chosen by hand.
    const alternateOnly =
      best !== undefined &&
      best.record.source === 'geonames' &&
      editDistance(nameKey(best.record.name), group.key) > 1;
    const needed =
      (group.matches[0]!.entry.commonWord ? MIN_SCORE_COMMON_WORD : MIN_SCORE) +
      (alternateOnly ? ALTERNATE_NAME_MARGIN : 0);
    if (!best || best.score < needed) continue;
    choices.push({ matches: group.matches, candidates: candidates.slice(0, CANDIDATES_KEPT) });
  }
  return choices;
}
