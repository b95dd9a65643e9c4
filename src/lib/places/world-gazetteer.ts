/**
 * The world gazetteer's files (geodata/world-gazetteer/, built by `npm run gazetteer`) and their
 * reader: the record type every part of the atlas shares (the place finder, and the basemap's
 * town labels, which take a regional extract of the same records).
 *
 * Two tab-separated files, laid out for a worker that must be ready to find in a few hundred
 * milliseconds: `records.tsv`, one place a line, read a line at a time when a name asks for it;
 * `names.tsv`, every folded name (name-key.ts) with the records it may mean, sorted, looked up
 * by binary search (name-index.ts). At load, only the lines' starts are found.
 */
import { lineStarts, NameIndex } from './name-index.ts';

/** Where a record comes from; `sources.json` says how to cite each. */
export type GazetteerSourceKey = 'geonames' | 'world-countries' | 'us-census' | 'curated';

export interface GazetteerRecord {
  /** The record's line in records.tsv (0 = the first after the header): what names refer to. */
  index: number;
  source: GazetteerSourceKey;
  /** The source's own id: a GeoNames id, an ISO 3166 code, a census FIPS code, a curated slug. */
  id: string;
  /** The source's primary name. */
  name: string;
  /** Other names in Latin script, as the source writes them. */
  alternates: readonly string[];
  latitude: number;
  longitude: number;
  /** GeoNames' feature class (P populated place, A administrative area, H water, L area). */
  featureClass: string;
  /** GeoNames' feature code (PPL, PPLC, PPLA, ADM1, ADM2, PCLI, SEA, RGN, ...). */
  featureCode: string;
  /** ISO 3166-1 alpha-2; '' for a sea or a region across borders. */
  country: string;
  /** The first-level division, as GeoNames codes it (a US state's postal code). */
  admin1: string;
  /** People, from the source (for a country or a state: the sum of its places' in cities500). */
  population: number;
  /** For a curated record, the page its coordinates are cited from; '' otherwise. */
  url: string;
}

/** How to cite one source: its name in a feature's `gazetteer`, and a source's title and URL. */
export interface GazetteerSource {
  gazetteer: string;
  title: string;
  /** The URL of one record, `{id}` standing for its id; '' where each record has its own. */
  recordUrl: string;
  licence: string;
}

export type GazetteerSources = Record<GazetteerSourceKey, GazetteerSource>;

/** What a folded name may mean. */
export interface NameEntry {
  /** The records, in the order of records.tsv. */
  records: readonly number[];
  /** The name is also a common English word (SCOWL sizes 10–20): "reading", "date", "mobile". */
  commonWord: boolean;
}

export const RECORD_COLUMNS = [
  'source',
  'id',
  'name',
  'alternates',
  'latitude',
  'longitude',
  'featureClass',
  'featureCode',
  'country',
  'admin1',
  'population',
  'url',
] as const;
export const RECORDS_HEADER = `#${RECORD_COLUMNS.join('\t')}`;
export const NAMES_HEADER = '#key\tflags\trecords';
/** Separates alternates in their column: no name in the sources holds it. */
const ALTERNATE_SEPARATOR = '|';
const COMMON_WORD_FLAG = 'c';

/** One record as its line in records.tsv (the build writes this). */
export function recordLine(record: Omit<GazetteerRecord, 'index'>): string {
  return [
    record.source,
    record.id,
    record.name,
    record.alternates.join(ALTERNATE_SEPARATOR),
    String(record.latitude),
    String(record.longitude),
    record.featureClass,
    record.featureCode,
    record.country,
    record.admin1,
    String(record.population),
    record.url,
  ].join('\t');
}

/** One line of names.tsv (the build writes this). */
export function nameLine(key: string, entry: NameEntry): string {
  return `${key}\t${entry.commonWord ? COMMON_WORD_FLAG : ''}\t${entry.records.join(',')}`;
}

export function parseRecordLine(line: string, index: number): GazetteerRecord {
  const fields = line.split('\t');
  if (fields.length !== RECORD_COLUMNS.length) {
    throw new Error(
      `records.tsv, record ${index}: ${fields.length} columns, not ${RECORD_COLUMNS.length}`,
    );
  }
  const [source, id, name, alternates, latitude, longitude, featureClass, featureCode] = fields;
  return {
    index,
    source: source as GazetteerSourceKey,
    id: id!,
    name: name!,
    alternates: alternates ? alternates.split(ALTERNATE_SEPARATOR) : [],
    latitude: Number(latitude),
    longitude: Number(longitude),
    featureClass: featureClass!,
    featureCode: featureCode!,
    country: fields[8]!,
    admin1: fields[9]!,
    population: Number(fields[10]),
    url: fields[11]!,
  };
}

export interface GazetteerFiles {
  records: string;
  names: string;
  sources: GazetteerSources;
}

/** The gazetteer, read from its files: names looked up at once, records parsed as asked. */
export class WorldGazetteer {
  readonly sources: GazetteerSources;
  readonly recordCount: number;
  readonly #records: string;
  readonly #recordStarts: Int32Array;
  readonly #parsed = new Map<number, GazetteerRecord>();
  readonly #names: NameIndex;
  readonly #entries = new Map<string, NameEntry>();

  constructor(files: GazetteerFiles) {
    if (!files.records.startsWith(RECORDS_HEADER))
      throw new Error('records.tsv: not a gazetteer records file');
    if (!files.names.startsWith(NAMES_HEADER))
      throw new Error('names.tsv: not a gazetteer names file');
    this.sources = files.sources;
    this.#records = files.records;
    this.#recordStarts = lineStarts(files.records);
    this.recordCount = this.#recordStarts.length - 1;
    this.#names = new NameIndex(files.names);
  }

  get nameCount(): number {
    return this.#names.size;
  }

  /** The records a folded name (name-key.ts) may mean, or undefined. */
  lookup(key: string): NameEntry | undefined {
    let entry = this.#entries.get(key);
    if (entry) return entry;
    const raw = this.#names.get(key);
    if (raw === undefined) return undefined;
    const tab = raw.indexOf('\t');
    entry = {
      commonWord: raw.slice(0, tab).includes(COMMON_WORD_FLAG),
      records: raw
        .slice(tab + 1)
        .split(',')
        .map(Number),
    };
    this.#entries.set(key, entry);
    return entry;
  }

  /** The most words of any name that starts with this folded word (1 if none has more). */
  longestNameFrom(firstWord: string): number {
    return this.#names.longestFrom(firstWord);
  }

  record(index: number): GazetteerRecord {
    let record = this.#parsed.get(index);
    if (!record) {
      if (!(index >= 0 && index < this.recordCount)) throw new RangeError(`no record ${index}`);
      const line = this.#records.slice(
        this.#recordStarts[index]!,
        this.#recordStarts[index + 1]! - 1,
      );
      record = parseRecordLine(line, index);
      this.#parsed.set(index, record);
    }
    return record;
  }

  /** Every record, in file order (for extracts such as the basemap's towns of one region). */
  *records(): Generator<GazetteerRecord> {
    for (let index = 0; index < this.recordCount; index++) yield this.record(index);
  }

  /** How to cite a record: its `gazetteer` member and its source. */
  citation(record: GazetteerRecord): {
    gazetteer: { name: string; id: string; url: string };
    source: { title: string; url: string };
  } {
    const source = this.sources[record.source];
    const url = record.url || source.recordUrl.replace('{id}', encodeURIComponent(record.id));
    return {
      gazetteer: { name: source.gazetteer, id: record.id, url },
      source: { title: `${source.title}: ${record.name}`, url },
    };
  }
}
