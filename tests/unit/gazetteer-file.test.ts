/** The world gazetteer's binary file: what is written is read back, names found as a map would. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAMES_PER_BLOCK, type NameEntry } from '../../src/lib/places/name-index.ts';
import {
  FORMAT,
  WorldGazetteer,
  writeGazetteer,
  type GazetteerRecord,
  type GazetteerSources,
} from '../../src/lib/places/world-gazetteer.ts';

const source = { gazetteer: 'G', title: 'T', recordUrl: 'https://example.org/{id}', licence: 'L' };
const sources: GazetteerSources = {
  geonames: source,
  'world-countries': source,
  'us-census': source,
  'country-coder': source,
  curated: source,
};

type StoredRecord = Omit<GazetteerRecord, 'index'>;

const text = fc.string({ unit: fc.constantFrom('a', 'ə', 'Ş', ' ', '-', 'é', '’', 'ĝ', '1') });
/**
 * Coordinates as sources write them: up to 8 decimals (the census's points have 8). No -0: the
 * file keeps it as 0, the same point.
 */
const coordinate = (limit: number) =>
  fc
    .tuple(fc.integer({ min: -limit, max: limit }), fc.integer({ min: 0, max: 8 }))
    .map(([units, decimals]) => Number((units / 10 ** 8).toFixed(decimals)) || 0);
const storedRecord: fc.Arbitrary<StoredRecord> = fc.record({
  source: fc.constantFrom('geonames', 'world-countries', 'us-census', 'curated'),
  id: text,
  name: text,
  alternates: fc.array(text, { maxLength: 9 }),
  latitude: coordinate(90e8),
  longitude: coordinate(180e8),
  featureClass: fc.constantFrom('P', 'A', 'H', 'L'),
  featureCode: fc.constantFrom('PPL', 'PPLC', 'ADM1', 'PCLI', 'SEA'),
  country: fc.constantFrom('', 'AZ', 'AM', 'US'),
  admin1: fc.constantFrom('', '01', 'CA'),
  population: fc.integer({ min: 0, max: 2_000_000_000 }),
  url: fc.constantFrom('', 'https://example.org/a'),
});

/** Names for `count` records: folded keys with ascending records, some sharing prefixes. */
const namesFor = (count: number) =>
  fc
    .dictionary(
      fc.string({ unit: fc.constantFrom('a', 'b', 'ə', ' ', 'z'), minLength: 1 }),
      fc.record({
        records: fc.uniqueArray(fc.nat({ max: count - 1 }), { minLength: 1, maxLength: 5 }),
        commonWord: fc.boolean(),
      }),
    )
    .map(
      (names) =>
        new Map<string, NameEntry>(
          Object.entries(names).map(([key, entry]) => [
            key,
            { ...entry, records: [...entry.records].sort((a, b) => a - b) },
          ]),
        ),
    );

const gazetteerAndSource = fc
  .array(storedRecord, { minLength: 1, maxLength: 40 })
  .chain((records) => fc.tuple(fc.constant(records), namesFor(records.length)));

const read = (records: readonly StoredRecord[], names: ReadonlyMap<string, NameEntry>) =>
  new WorldGazetteer({ bytes: writeGazetteer(records, names), sources });

describe("the world gazetteer's file", () => {
  it('gives back every record exactly as it was written', () => {
    fc.assert(
      fc.property(gazetteerAndSource, ([records, names]) => {
        const gazetteer = read(records, names);
        expect(gazetteer.recordCount).toBe(records.length);
        expect([...gazetteer.records()]).toEqual(
          records.map((record, index) => ({ index, ...record })),
        );
      }),
    );
  });

  it('finds every name, and only those, as a map of them would', () => {
    fc.assert(
      fc.property(gazetteerAndSource, text, ([records, names], other) => {
        const gazetteer = read(records, names);
        expect(gazetteer.nameCount).toBe(names.size);
        for (const [key, entry] of names) expect(gazetteer.lookup(key)).toEqual(entry);
        expect(gazetteer.lookup(other)).toEqual(names.get(other));
      }),
    );
  });

  it("answers each first word's longest name as a scan of every name would", () => {
    fc.assert(
      fc.property(gazetteerAndSource, ([records, names]) => {
        const gazetteer = read(records, names);
        const keys = [...names.keys()];
        for (const first of [...keys.map((key) => key.split(' ')[0]!), 'b', 'zz']) {
          const longest = Math.max(
            1,
            ...keys
              .filter((key) => key.startsWith(`${first} `))
              .map((key) => key.split(' ').length),
          );
          expect(gazetteer.longestNameFrom(first), first).toBe(longest);
        }
      }),
    );
  });

  it('keeps names across many blocks, and names longer than its buffers', () => {
    const records: StoredRecord[] = [fc.sample(storedRecord, 1)[0]!];
    const long = `${'kh'.repeat(300)} ${'ə'.repeat(200)}`;
    const keys = [long, ...Array.from({ length: NAMES_PER_BLOCK * 5 }, (_, n) => `town ${n}`)];
    const names = new Map(keys.map((key) => [key, { records: [0], commonWord: false }]));
    const gazetteer = read(records, names);
    for (const key of keys) expect(gazetteer.lookup(key), key).toEqual(names.get(key));
    expect(gazetteer.lookup('town')).toBeUndefined();
    expect(gazetteer.longestNameFrom('kh'.repeat(300))).toBe(2);
  });

  it('refuses a file that is not a gazetteer or is cut short, and a coordinate it could not keep exactly', () => {
    expect(() => new WorldGazetteer({ bytes: new TextEncoder().encode('#key'), sources })).toThrow(
      /not "passage-atlas world gazetteer 1"/,
    );
    const [record] = fc.sample(storedRecord, 1);
    const name = new Map([['a', { records: [0], commonWord: false }]]);
    const bytes = writeGazetteer([record!], name);
    // Cut short anywhere after its first string, as an interrupted download would be.
    for (let length = FORMAT.length + 2; length < bytes.length; length++) {
      expect(() => new WorldGazetteer({ bytes: bytes.subarray(0, length), sources })).toThrow(
        /^the gazetteer file is damaged: /,
      );
    }
    expect(() => writeGazetteer([{ ...record!, latitude: 0.1 + 0.2 }], new Map())).toThrow(
      /latitude 0.30000000000000004: not a coordinate the gazetteer's file can keep exactly/,
    );
  });
});
