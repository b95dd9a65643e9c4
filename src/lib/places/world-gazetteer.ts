/**
 * The world gazetteer's file (geodata/world-gazetteer/gazetteer.bin, built by `npm run
 * gazetteer`): its writer, its reader, and the record type every part of the atlas shares (the
 * place finder, and the basemap's town labels, which take a regional extract of the same records).
 *
 * Laid out for a worker that must be ready to find in a few hundred milliseconds: one file of
 * bytes that is read where it lies. Loading it decodes no text and builds no map: it reads the
 * records' numbers and finds where each record's texts and each block of names start (10 ms); a
 * record's texts are decoded when a name asks for it. Binary, for the bytes: a page pays for each
 * megabyte it receives unpacked (Chromium moves it to the worker at about 20 ms of CPU a megabyte
 * on this machine): the gazetteer was 5.6 MB as text, is 3.7 MB so; column by column, so that it
 * also compresses better (2.0 MB gzip, as text 2.1). Varints and UTF-8 strings after their length
 * are written and read with `pbf` (Protocol Buffers' encodings, as MapLibre reads its tiles).
 *
 * The file: the string FORMAT; the source keys (a count, then each); the feature kinds (a count,
 * then each class and code); the records section and the names section (name-index.ts), each
 * after its length in bytes. The records section: the count, then columns, each after its
 * length in bytes: a byte a record for its source, for its kind, and for the decimals of its
 * latitude and longitude (latitude's × 16 + longitude's); the latitudes and the longitudes as
 * signed varints of their decimal digits (40.1776 is 401776, with 4 decimals); the populations
 * as varints; and the texts, each record's after its length: strings id, name, country,
 * admin1, url, then the alternates (a count, then each).
 */
import { PbfReader, PbfWriter } from 'pbf';
import { NameIndex, writeNames, type NameEntry } from './name-index.ts';

export type { NameEntry };

/** Where a record comes from; `sources.json` says how to cite each. */
export type GazetteerSourceKey =
  'geonames' | 'world-countries' | 'us-census' | 'country-coder' | 'curated';

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
  const kindOf = (record: Omit<GazetteerRecord, 'index'>) =>
    `${record.featureClass}\t${record.featureCode}`;
  const kinds = [...new Set(records.map(kindOf))].sort();
  if (kinds.length > 256) throw new Error(`${kinds.length} feature kinds: a byte holds 256`);
  const coordinates = records.map((record) => {
    const what = `record ${record.source} ${record.id}`;
    return {
      latitude: decimalParts(record.latitude, `${what}: latitude`),
      longitude: decimalParts(record.longitude, `${what}: longitude`),
    };
  });
  const writer = new PbfWriter();
  const column = (write: (index: number) => void) =>
    writer.writeRawMessage(() => records.forEach((_, index) => write(index)), undefined);
  writer.writeString(FORMAT);
  writer.writeVarint(sources.length);
  for (const source of sources) writer.writeString(source);
  writer.writeVarint(kinds.length);
  for (const kind of kinds) kind.split('\t').forEach((part) => writer.writeString(part));
  writer.writeRawMessage(() => {
    writer.writeVarint(records.length);
    writer.writeBytes(Uint8Array.from(records, (record) => sources.indexOf(record.source)));
    writer.writeBytes(Uint8Array.from(records, (record) => kinds.indexOf(kindOf(record))));
    writer.writeBytes(
      Uint8Array.from(
        coordinates,
        (point) => point.latitude.decimals * 16 + point.longitude.decimals,
      ),
    );
    column((index) => writer.writeSVarint(coordinates[index]!.latitude.digits));
    column((index) => writer.writeSVarint(coordinates[index]!.longitude.digits));
    column((index) => writer.writeVarint(records[index]!.population));
    column((index) => {
      const record = records[index]!;
      writer.writeRawMessage(() => {
        for (const text of [record.id, record.name, record.country, record.admin1, record.url])
          writer.writeString(text);
        writer.writeVarint(record.alternates.length);
        for (const alternate of record.alternates) writer.writeString(alternate);
      }, undefined);
    });
  }, undefined);
  writer.writeRawMessage(() => writeNames(writer, names), undefined);
  return writer.finish().slice();
}

/** The gazetteer's file cannot be read: cut short in a download, or not written by this code. */
export class GazetteerFileError extends Error {}

const damaged = (where: string) =>
  new GazetteerFileError(`the gazetteer file is damaged: ${where}`);

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
  /** The records' columns: a byte each for source and kind; their numbers, read at load. */
  readonly #sourceColumn: Uint8Array;
  readonly #kindColumn: Uint8Array;
  readonly #latitudes: Float64Array;
  readonly #longitudes: Float64Array;
  readonly #populations: Float64Array;
  /** Where each record's texts start (their length first). */
  readonly #textStarts: Int32Array;
  readonly #parsed = new Map<number, GazetteerRecord>();
  readonly #names: NameIndex;
  readonly #entries = new Map<string, NameEntry>();

  constructor(files: GazetteerFiles) {
    const reader = new PbfReader(files.bytes);
    this.#reader = reader;
    this.sources = files.sources;
    if (reader.readString() !== FORMAT) throw new Error(`the gazetteer file is not "${FORMAT}"`);
    try {
      for (let count = reader.readVarint(); count > 0; count--)
        this.#sourceKeys.push(reader.readString() as GazetteerSourceKey);
      for (let count = reader.readVarint(); count > 0; count--)
        this.#kinds.push({ featureClass: reader.readString(), featureCode: reader.readString() });
      const recordsEnd = reader.readVarint() + reader.pos;
      const count = reader.readVarint();
      this.recordCount = count;
      this.#sourceColumn = reader.readBytes();
      this.#kindColumn = reader.readBytes();
      const decimals = reader.readBytes();
      /** Reads one column, a record at a time, and checks that it ends where its length says. */
      const readColumn = (read: (index: number) => void) => {
        const end = reader.readVarint() + reader.pos;
        for (let index = 0; index < count; index++) read(index);
        if (reader.pos !== end) throw damaged('a column of its records');
      };
      this.#latitudes = new Float64Array(count);
      this.#longitudes = new Float64Array(count);
      this.#populations = new Float64Array(count);
      this.#textStarts = new Int32Array(count);
      readColumn((index) => {
        this.#latitudes[index] = reader.readSVarint() / POWERS_OF_TEN[decimals[index]! >> 4]!;
      });
      readColumn((index) => {
        this.#longitudes[index] = reader.readSVarint() / POWERS_OF_TEN[decimals[index]! & 15]!;
      });
      readColumn((index) => (this.#populations[index] = reader.readVarint()));
      readColumn((index) => {
        this.#textStarts[index] = reader.pos;
        const length = reader.readVarint();
        reader.pos += length;
      });
      if (reader.pos !== recordsEnd || decimals.length !== count) throw damaged('its records');
      const namesEnd = reader.readVarint() + reader.pos;
      if (namesEnd !== files.bytes.length) throw damaged('it ends too soon or too late');
      this.#names = new NameIndex(reader, namesEnd);
    } catch (error) {
      // pbf's own errors ("Expected varint not more than 10 bytes") say nothing of the file.
      throw error instanceof GazetteerFileError
        ? error
        : damaged('a number or a text runs past its end');
    }
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
    reader.pos = this.#textStarts[index]!;
    const end = reader.readVarint() + reader.pos;
    const [id, name, country, admin1, url] = [1, 2, 3, 4, 5].map(() => reader.readString());
    const alternates: string[] = [];
    for (let count = reader.readVarint(); count > 0; count--) alternates.push(reader.readString());
    if (reader.pos !== end) throw damaged(`record ${index}`);
    return {
      index,
      source: this.#sourceKeys[this.#sourceColumn[index]!]!,
      id: id!,
      name: name!,
      alternates,
      latitude: this.#latitudes[index]!,
      longitude: this.#longitudes[index]!,
      ...this.#kinds[this.#kindColumn[index]!]!,
      country: country!,
      admin1: admin1!,
      population: this.#populations[index]!,
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
