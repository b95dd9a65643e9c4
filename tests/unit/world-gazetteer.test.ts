/** The world gazetteer's files: folding finds one place by its names, sizes, a stable build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/lib/places/find-places.ts';
import { WorldGazetteer } from '../../src/lib/places/world-gazetteer.ts';
import { nameKey } from '../../src/lib/text/name-key.ts';
import { GAZETTEER_CUT, gazetteerFiles } from '../../scripts/gazetteer-files.ts';
import type { SourceRecord } from '../../scripts/gazetteer-sources.ts';
import {
  placeFinderData,
  readGazetteerFiles,
  WORLD_GAZETTEER_FILES,
} from '../../scripts/place-finder-data.ts';

const files = readGazetteerFiles();
const gazetteer = new WorldGazetteer(files);
const recordsOf = (name: string) => gazetteer.lookup(nameKey(name))?.records ?? [];

describe('the world gazetteer', () => {
  it.each([
    ['Stepanakert', 'Khankendi', 'Xankəndi', 'Xankǝndi'],
    ['Shushi', 'Shusha'],
    ['Agdam', 'Aghdam', 'Akna'],
    ['Berdzor', 'Lachin'],
  ])('finds %s and its other names as one place', (...names) => {
    const shared = names.map(recordsOf).reduce((a, b) => a.filter((index) => b.includes(index)));
    expect(shared.length).toBeGreaterThan(0);
    expect(gazetteer.record(shared[0]!).country).toBe('AZ');
  });

  it('stays within 3 MB gzip as the page loads it', () => {
    expect(gzipSync(files.bytes, { level: 9 }).length).toBeLessThan(3_000_000);
  });

  it('cites a source with a URL for every record', () => {
    for (const record of gazetteer.records()) {
      expect(gazetteer.citation(record).source.url).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('builds the same files whatever order its sources come in', () => {
    const city = (id: string, name: string, population: number, country = 'FR'): SourceRecord => ({
      source: 'geonames',
      id,
      name,
      alternates: [`${name}ville`],
      latitude: 1,
      longitude: 2,
      featureClass: 'P',
      featureCode: 'PPL',
      country,
      admin1: '01',
      admin2: '',
      population,
      url: '',
    });
    const cities = [
      city('3', 'Aa', 20_000),
      city('10', 'Bb', 50_000),
      city('2', 'Cc', 500, 'AZ'),
      city('7', 'Dd', 10),
    ];
    const words = { common: new Set(['bb']), notPlaces: new Set<string>() };
    const built = gazetteerFiles([], cities, GAZETTEER_CUT, words);
    fc.assert(
      fc.property(fc.shuffledSubarray(cities, { minLength: cities.length }), (shuffled) => {
        expect(gazetteerFiles([], shuffled, GAZETTEER_CUT, words)).toEqual(built);
      }),
    );
    expect(built.recordCount).toBe(3);
    const small = new WorldGazetteer({ bytes: built.bytes, sources: files.sources });
    expect(small.lookup('bb')).toEqual({ records: [2], commonWord: true });
  });
});

describe("the atlas's own document", () => {
  it('finds the places its hand-curated reading lists, where the text names them', () => {
    const geodata = join(WORLD_GAZETTEER_FILES, '..');
    const curated = JSON.parse(readFileSync(join(geodata, 'document-gazetteer.json'), 'utf8'));
    const text = readFileSync(join(geodata, 'source', curated.document.file), 'utf8');
    const found = findPlaces(text, placeFinderData());
    const layers = ['areas', 'routes', 'places'].flatMap(
      (layer) =>
        JSON.parse(readFileSync(join(geodata, 'layers', `${layer}.geojson`), 'utf8')).features,
    );
    // The checkpoint is named by no gazetteer name ("border check-point"): the curated reading draws it.
    for (const feature of layers.filter((feature) => feature.properties.kind !== 'checkpoint')) {
      const route = feature.properties.kind === 'route';
      for (const mention of feature.properties.mentions) {
        const match = found.find(
          (candidate) =>
            (candidate.properties.kind === 'route') === route &&
            candidate.properties.mentions.some(
              (other) => other.start < mention.end && mention.start < other.end,
            ),
        );
        expect(match, `${feature.id} at ${mention.start}`).toBeDefined();
      }
    }
  });
});
