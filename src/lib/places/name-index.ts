/**
 * The world gazetteer's folded names (name-key.ts), each with the records it may mean: the names
 * section of its file (world-gazetteer.ts), written and read here.
 *
 * The names are sorted by their UTF-8 bytes and cut into blocks of NAMES_PER_BLOCK. In a block,
 * each name after the first keeps only the bytes that differ from the name before it, and says
 * how many it shares (front coding, as LevelDB's and SSTables' blocks keep their keys): the
 * names take 1.1 MB instead of 1.6. A name is found by binary search over the blocks' first
 * names, then a walk through one block, comparing bytes: when the gazetteer loads, only the
 * blocks' starts are found (no text is decoded, no map of 150,000 names built: that took
 * 150–350 ms).
 *
 * The section: varint number of names; the blocks, after their length in bytes; the records of
 * every name, after their length. A block: varint length in bytes of its names' records, then
 * each name: varint shared bytes, varint length and the bytes of the rest. A name's records:
 * varint (number of records × 2, + 1 when every word of the name is a common English word),
 * then the records' indexes, ascending, the first whole and each next as its difference from
 * the last. The names apart from their records, because each compresses better with its kind
 * (0.90 MB gzip, where names and records interleaved gave 0.97).
 */
import { PbfWriter, type PbfReader } from 'pbf';

/** What a folded name may mean. */
export interface NameEntry {
  /** The records, ascending (their order in the file). */
  records: readonly number[];
  /** The name is also a common English word (SCOWL sizes 10–20): "reading", "date", "mobile". */
  commonWord: boolean;
}

/** Names per block: a lookup walks at most this many; more would save little (1.06 → 1.04 MB). */
export const NAMES_PER_BLOCK = 16;

const SPACE = 0x20;
const encoder = new TextEncoder();

/** Byte order (which is code point order), the order the reader's binary search needs. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}

/** Writes the names section (above). */
export function writeNames(writer: PbfWriter, names: ReadonlyMap<string, NameEntry>): void {
  const sorted = [...names]
    .map(([key, entry]) => ({ key, bytes: encoder.encode(key), entry }))
    .sort((a, b) => compareBytes(a.bytes, b.bytes));
  const records = new PbfWriter();
  writer.writeVarint(sorted.length);
  writer.writeRawMessage(() => {
    for (let first = 0; first < sorted.length; first += NAMES_PER_BLOCK) {
      const block = sorted.slice(first, first + NAMES_PER_BLOCK);
      const recordsStart = records.pos;
      for (const { key, entry } of block) {
        records.writeVarint(entry.records.length * 2 + (entry.commonWord ? 1 : 0));
        let last = 0;
        for (const [index, record] of entry.records.entries()) {
          if (index > 0 && record <= last) throw new Error(`"${key}": records not ascending`);
          records.writeVarint(record - last);
          last = record;
        }
      }
      writer.writeRawMessage(() => {
        writer.writeVarint(records.pos - recordsStart);
        let previous = new Uint8Array(0);
        for (const { bytes } of block) {
          let shared = 0;
          while (shared < previous.length && previous[shared] === bytes[shared]) shared++;
          writer.writeVarint(shared);
          writer.writeBytes(bytes.subarray(shared));
          previous = bytes;
        }
      }, undefined);
    }
  }, undefined);
  writer.writeBytes(records.finish());
}

/** The names section, read in place. Each name asked for is remembered, and each word's longest. */
export class NameIndex {
  readonly size: number;
  readonly #reader: PbfReader;
  /** Where each block's names start and end, and where its names' records start. */
  readonly #blockStarts: Int32Array;
  readonly #blockEnds: Int32Array;
  readonly #blockRecords: Int32Array;
  readonly #found = new Map<string, NameEntry | null>();
  readonly #longest = new Map<string, number>();
  /** The name looked for, as bytes, and the name the walk is at. */
  #key = new Uint8Array(256);
  #keyLength = 0;
  #name = new Uint8Array(256);
  #nameLength = 0;
  /** The block the walk is in, and the name's place in it. */
  #block = 0;
  #inBlock = 0;

  /** `reader` at the section's start; the section ends at `end`. */
  constructor(reader: PbfReader, end: number) {
    this.#reader = reader;
    this.size = reader.readVarint();
    const blocks = Math.ceil(this.size / NAMES_PER_BLOCK);
    this.#blockStarts = new Int32Array(blocks);
    this.#blockEnds = new Int32Array(blocks);
    this.#blockRecords = new Int32Array(blocks);
    const blocksEnd = reader.readVarint() + reader.pos;
    let records = 0;
    for (let block = 0; block < blocks; block++) {
      const length = reader.readVarint();
      const blockEnd = reader.pos + length;
      this.#blockRecords[block] = records;
      records += reader.readVarint();
      this.#blockStarts[block] = reader.pos;
      this.#blockEnds[block] = reader.pos = blockEnd;
    }
    const recordsLength = reader.pos === blocksEnd ? reader.readVarint() : NaN;
    for (let block = 0; block < blocks; block++)
      this.#blockRecords[block] = this.#blockRecords[block]! + reader.pos;
    if (reader.pos + recordsLength !== end || records !== recordsLength)
      throw new Error('its names do not end where their length says');
  }

  /** The entry of a folded name, or undefined. */
  get(key: string): NameEntry | undefined {
    let found = this.#found.get(key);
    if (found === undefined) {
      found = this.#walkTo(key) === 0 ? this.#readEntry() : null;
      this.#found.set(key, found);
    }
    return found ?? undefined;
  }

  /** The most words of any name that starts with the word `first` (1 if none has more). */
  longestFrom(first: string): number {
    let longest = this.#longest.get(first);
    if (longest !== undefined) return longest;
    longest = 1;
    const prefix = `${first} `;
    // From the first name not below the prefix, while the names start with it.
    for (let order = this.#walkTo(prefix); order >= 0 && this.#startsWithKey();) {
      let words = 1;
      for (let at = 0; at < this.#nameLength; at++) if (this.#name[at] === SPACE) words++;
      if (words > longest) longest = words;
      order = this.#nextName() ? this.#compareNameToKey() : -1;
    }
    this.#longest.set(first, longest);
    return longest;
  }

  #setKey(key: string): void {
    if (this.#key.length < key.length * 3) this.#key = new Uint8Array(key.length * 3);
    this.#keyLength = encoder.encodeInto(key, this.#key).written;
  }

  /** The name the walk is at against the key: negative, zero or positive, by bytes. */
  #compareNameToKey(): number {
    const length = Math.min(this.#nameLength, this.#keyLength);
    for (let index = 0; index < length; index++) {
      const difference = this.#name[index]! - this.#key[index]!;
      if (difference !== 0) return difference;
    }
    return this.#nameLength - this.#keyLength;
  }

  #startsWithKey(): boolean {
    if (this.#nameLength < this.#keyLength) return false;
    for (let index = 0; index < this.#keyLength; index++) {
      if (this.#name[index] !== this.#key[index]) return false;
    }
    return true;
  }

  /**
   * Walks to the first name not below `key`: 0 if it is the key, positive if it is above it, -1
   * if every name is below it.
   */
  #walkTo(key: string): number {
    this.#setKey(key);
    if (this.size === 0) return -1;
    // The last block whose first name is not above the key (or the first block).
    let low = 0;
    let high = this.#blockStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      this.#startBlock(middle);
      if (this.#compareNameToKey() <= 0) low = middle + 1;
      else high = middle;
    }
    this.#startBlock(Math.max(low - 1, 0));
    for (;;) {
      const order = this.#compareNameToKey();
      if (order >= 0) return order;
      if (!this.#nextName()) return -1;
    }
  }

  /** To the first name of a block. */
  #startBlock(block: number): void {
    this.#block = block;
    this.#inBlock = 0;
    this.#reader.pos = this.#blockStarts[block]!;
    this.#readName();
  }

  /** To the next name, in this block or the next; false after the last. */
  #nextName(): boolean {
    if (this.#reader.pos < this.#blockEnds[this.#block]!) {
      this.#inBlock++;
      this.#readName();
    } else if (this.#block + 1 < this.#blockStarts.length) this.#startBlock(this.#block + 1);
    else return false;
    return true;
  }

  #readName(): void {
    const reader = this.#reader;
    const shared = reader.readVarint();
    const rest = reader.readVarint();
    const length = shared + rest;
    if (this.#name.length < length) {
      const longer = new Uint8Array(length * 2);
      longer.set(this.#name.subarray(0, shared));
      this.#name = longer;
    }
    this.#name.set(reader.buf.subarray(reader.pos, reader.pos + rest), shared);
    reader.pos += rest;
    this.#nameLength = length;
  }

  /** The records of the name the walk is at. */
  #readEntry(): NameEntry {
    const reader = this.#reader;
    reader.pos = this.#blockRecords[this.#block]!;
    for (let before = this.#inBlock; before > 0; before--) {
      for (let count = reader.readVarint() >>> 1; count > 0; count--) reader.readVarint();
    }
    const counted = reader.readVarint();
    const records: number[] = [];
    let record = 0;
    for (let count = counted >>> 1; count > 0; count--)
      records.push((record += reader.readVarint()));
    return { records, commonWord: (counted & 1) === 1 };
  }
}
