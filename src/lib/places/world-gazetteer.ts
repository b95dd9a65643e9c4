/**
 * The world gazetteer's file (geodata/world-gazetteer/gazetteer.bin, built by `npm run
 * gazetteer`): its writer, its reader, and the record type every part of the atlas shares (the
 * place finder, and the basemap's town labels, which take a regional extract of the same records).
 *
 * Laid out for a worker that must be ready to find in a few hundred milliseconds: one file of
 * bytes that is read where it lies. Loading it decodes no text and builds no map: it finds where
 * each record and each block of names starts (10 ms); a record is parsed when a name asks for it.
 * Binary, for the bytes: a page pays for each megabyte it receives (Chromium moves the unpacked
 * bytes to the worker at about 20 ms of CPU a megabyte on this machine), and as text the
 * gazetteer was 5.6 MB unpacked, 3.3 MB so. Varints and UTF-8 strings after their length are
 * written and read with `pbf` (Protocol Buffers' encodings, as MapLibre reads its tiles).
 *
 * The file: the string FORMAT; the source keys (a count, then each); the feature kinds (a count,
 * then each class and code); the records section and the names section (name-index.ts), each
 * after its length in bytes. The records section: the count, then each record after its length:
 * varint source, varint kind, latitude and longitude as signed varints of their decimal digits
 * and a varint of their decimals (latitude's × 16 + longitude's: 40.1776 is 401776 and 4),
 * varint population, strings id, name, country, admin1, url, then the alternates (a count, then
 * each).
 */
import { PbfReader, PbfWriter } from 'pbf';
import { NameIndex, writeNames, type NameEntry } from './name-index.ts';

export type { NameEntry };

/** Where a record comes from; `sources.json` says how to cite each. */
export type GazetteerSourceKey = 'geonames' | 'world-countries' | 'us-census' | 'curated';

export interface GazetteerRecord {
  /** The record's place in the file (0 = the first): what names refer to. */
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

/** The file's first bytes: what it is, and the version of its layout. */
export const FORMAT = 'passage-atlas world gazetteer 1';

/** Powers of ten as literals: `10 ** n` need not be exact, and a coordinate must come back exactly. */
const POWERS_OF_TEN = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
] as const;

/**
 * A coordinate as its decimal digits and their number after the point (40.1776: 401776 and 4;
 * -1e-7: -1 and 7). Both are exact doubles, so their quotient, rounded once, is the coordinate.
 */
function decimalParts(value: number, what: string): { digits: number; decimals: number } {
  const text = String(value);
  const match = /^(-?\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  const decimals = (match?.[2]?.length ?? 0) - Number(match?.[3] ?? 0);
  const digits = match ? Number(`${match[1]}${match[2] ?? ''}`) : NaN;
  if (!Number.isSafeInteger(digits) || !(decimals >= 0 && decimals < POWERS_OF_TEN.length)) {
    throw new Error(`${what} ${text}: not a coordinate the gazetteer's file can keep exactly`);
  }
  return { digits, decimals };
}

/** The file's bytes: the records in their order, every folded name with its records. */
export function writeGazetteer(
  records: readonly Omit<GazetteerRecord, 'index'>[],
  names: ReadonlyMap<string, NameEntry>,
): Uint8Array {
  const sources = [...new Set(records.map((record) => record.source))].sort();
  const kinds = [
    ...new Set(records.map((record) => `${record.featureClass}\t${record.featureCode}`)),
  ].sort();
  const writer = new PbfWriter();
  writer.writeString(FORMAT);
  writer.writeVarint(sources.length);
  for (const source of sources) writer.writeString(source);
  writer.writeVarint(kinds.length);
  for (const kind of kinds) kind.split('\t').forEach((part) => writer.writeString(part));
  writer.writeRawMessage(() => {
    writer.writeVarint(records.length);
    for (const record of records) {
      writer.writeRawMessage(() => {
        const what = `record ${record.source} ${record.id}`;
        const latitude = decimalParts(record.latitude, `${what}: latitude`);
        const longitude = decimalParts(record.longitude, `${what}: longitude`);
        writer.writeVarint(sources.indexOf(record.source));
        writer.writeVarint(kinds.indexOf(`${record.featureClass}\t${record.featureCode}`));
        writer.writeSVarint(latitude.digits);
        writer.writeSVarint(longitude.digits);
        writer.writeVarint(latitude.decimals * 16 + longitude.decimals);
        writer.writeVarint(record.population);
        for (const text of [record.id, record.name, record.country, record.admin1, record.url])
          writer.writeString(text);
        writer.writeVarint(record.alternates.length);
        for (const alternate of record.alternates) writer.writeString(alternate);
      }, undefined);
    }
  }, undefined);
  writer.writeRawMessage(() => writeNames(writer, names), undefined);
  return writer.finish().slice();
}

export interface GazetteerFiles {
  /** The bytes of gazetteer.bin. */
  bytes: Uint8Array;
  sources: GazetteerSources;
}

/** The gazetteer, read from its file: names looked up in place, records parsed as asked. */
export class WorldGazetteer {
  readonly sources: GazetteerSources;
  readonly recordCount: number;
  readonly #reader: PbfReader;
  readonly #sourceKeys: GazetteerSourceKey[] = [];
  readonly #kinds: { featureClass: string; featureCode: string }[] = [];
  /** Where each record starts (its length first). */
  readonly #recordStarts: Int32Array;
  readonly #parsed = new Map<number, GazetteerRecord>();
  readonly #names: NameIndex;
  readonly #entries = new Map<string, NameEntry>();

  constructor(files: GazetteerFiles) {
    const reader = new PbfReader(files.bytes);
    this.#reader = reader;
    this.sources = files.sources;
    if (reader.readString() !== FORMAT) throw new Error(`the gazetteer file is not "${FORMAT}"`);
    for (let count = reader.readVarint(); count > 0; count--)
      this.#sourceKeys.push(reader.readString() as GazetteerSourceKey);
    for (let count = reader.readVarint(); count > 0; count--)
      this.#kinds.push({ featureClass: reader.readString(), featureCode: reader.readString() });
    const recordsEnd = reader.readVarint() + reader.pos;
    this.recordCount = reader.readVarint();
    this.#recordStarts = new Int32Array(this.recordCount);
    for (let index = 0; index < this.recordCount; index++) {
      this.#recordStarts[index] = reader.pos;
      const length = reader.readVarint();
      reader.pos += length;
    }
    if (reader.pos !== recordsEnd) throw new Error('the gazetteer file: its records are damaged');
    const namesEnd = reader.readVarint() + reader.pos;
    this.#names = new NameIndex(reader, namesEnd);
  }

  get nameCount(): number {
    return this.#names.size;
  }

  /** The records a folded name (name-key.ts) may mean, or undefined. */
  lookup(key: string): NameEntry | undefined {
    let entry = this.#entries.get(key);
    if (entry) return entry;
    entry = this.#names.get(key);
    if (entry) this.#entries.set(key, entry);
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
      record = this.#parseRecord(index);
      this.#parsed.set(index, record);
    }
    return record;
  }

  #parseRecord(index: number): GazetteerRecord {
    const reader = this.#reader;
    reader.pos = this.#recordStarts[index]!;
    const end = reader.readVarint() + reader.pos;
    const source = this.#sourceKeys[reader.readVarint()]!;
    const kind = this.#kinds[reader.readVarint()]!;
    const latitudeDigits = reader.readSVarint();
    const longitudeDigits = reader.readSVarint();
    const decimals = reader.readVarint();
    const population = reader.readVarint();
    const [id, name, country, admin1, url] = [1, 2, 3, 4, 5].map(() => reader.readString());
    const alternates: string[] = [];
    for (let count = reader.readVarint(); count > 0; count--) alternates.push(reader.readString());
    if (reader.pos !== end) throw new Error(`the gazetteer file: record ${index} is damaged`);
    return {
      index,
      source,
      id: id!,
      name: name!,
      alternates,
      latitude: latitudeDigits / POWERS_OF_TEN[decimals >> 4]!,
      longitude: longitudeDigits / POWERS_OF_TEN[decimals & 15]!,
      ...kind,
      country: country!,
      admin1: admin1!,
      population,
      url: url!,
    };
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
