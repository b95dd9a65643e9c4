/**
 * build-basemap.ts — derives Passage Atlas's offline basemap (`npm run basemap`).
 *
 * Into geodata/basemap/, compact RFC 7946 FeatureCollections, exterior rings counter-clockwise,
 * the region's layers clipped to BASEMAP_BOUNDS (src/lib/geo/basemap-bounds.ts):
 *
 *   countries.geojson       Natural Earth 1:10m countries in the box, { id (ISO numeric), name },
 *                           4 decimals (basemap-countries.ts).
 *   country-labels.geojson  one point per country with a meaningful area in the box.
 *   world.geojson           Natural Earth 1:110m countries, simplified, for the world beyond the
 *                           box (basemap-world.ts).
 *   cities.geojson          GeoNames places of 100 000 people or more in the box (rank 1), and
 *   towns.geojson           the other towns and villages (ranks 2–4), { name, otherName?, rank }
 *                           (basemap-towns.ts, with geodata/basemap-input/towns.json): apart,
 *                           because the page loads the towns only when it first draws them.
 *   label-glyphs.woff2      the letters of their names beyond the page's Latin face, and
 *   label-glyphs.json       their unicode-range (basemap-label-glyphs.ts).
 *   rivers.geojson          WDBII's major permanent rivers, { major, name? }, and
 *   rivers-minor.geojson    its other permanent rivers (basemap-water.ts, the names from
 *                           geodata/basemap-input/rivers.json): apart, like the towns.
 *   lakes.geojson           GSHHG lakes.
 *
 * And geodata/world/land-110m.json, Natural Earth's land, for the import's check of swapped
 * coordinates (build-land.ts): not drawn.
 *
 * Sources are build-time inputs only (devDependencies, and GMT for the water): the app reads the
 * derived files. The output is deterministic: running the script twice gives identical files.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox } from 'geojson';
import { BASEMAP_BOUNDS } from '../src/lib/geo/basemap-bounds.ts';
import { lettersBeyondLatin, writeLabelGlyphs } from './basemap-label-glyphs.ts';
import { countryFeatures, countryLabelFeatures, regionCountries } from './basemap-countries.ts';
import { writeLayer } from './basemap-geometry.ts';
import {
  readCities500,
  readCuratedTowns,
  regionalTowns,
  type GazetteerRecord,
} from './basemap-towns.ts';
import { readRiverNames, regionalLakes, regionalRivers } from './basemap-water.ts';
import { worldCountries, worldCountryLabels } from './basemap-world.ts';
import { buildLand } from './build-land.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(PROJECT_ROOT, 'geodata', 'basemap');
const INPUT = join(PROJECT_ROOT, 'geodata', 'basemap-input');

async function recordsInBox([west, south, east, north]: BBox): Promise<GazetteerRecord[]> {
  const records: GazetteerRecord[] = [];
  for await (const record of readCities500()) {
    const { longitude, latitude } = record;
    if (longitude >= west && longitude <= east && latitude >= south && latitude <= north)
      records.push(record);
  }
  return records;
}

function printSizes(paths: string[]): void {
  for (const path of paths) {
    const kilobytes = `${(statSync(path).size / 1024).toFixed(1)} KB`;
    console.log(`${relative(PROJECT_ROOT, path).padEnd(40)} ${kilobytes.padStart(10)}`);
  }
}

async function main(): Promise<void> {
  const box: BBox = [...BASEMAP_BOUNDS];
  mkdirSync(OUTPUT, { recursive: true });
  const countries = regionCountries(box);
  const records = await recordsInBox(box);
  const curatedTowns = readCuratedTowns(join(INPUT, 'towns.json'));
  const towns = regionalTowns(records, box, curatedTowns);
  const byId = new Map(records.map((record) => [record.id, record]));
  const rivers = regionalRivers(box, readRiverNames(join(INPUT, 'rivers.json')), byId);
  const layers = {
    'countries.geojson': countryFeatures(countries),
    'country-labels.geojson': countryLabelFeatures(countries),
    'world.geojson': worldCountries(),
    'world-labels.geojson': worldCountryLabels(
      new Set(countries.map((country) => country.properties.id)),
    ),
    'cities.geojson': towns.filter((town) => town.properties.rank === 1),
    'towns.geojson': towns.filter((town) => town.properties.rank > 1),
    'rivers.geojson': rivers.filter((river) => river.properties.major),
    'rivers-minor.geojson': rivers.filter((river) => !river.properties.major),
    'lakes.geojson': regionalLakes(box),
  };
  const paths = Object.entries(layers).map(([file, features]) => {
    const path = join(OUTPUT, file);
    writeLayer(path, features);
    return path;
  });
  const names = [
    ...towns.flatMap(({ properties }) => [properties.name, properties.otherName ?? '']),
    ...layers['world-labels.geojson'].map(({ properties }) => properties.name),
  ];
  const glyphs = lettersBeyondLatin(names);
  const glyphPaths = [
    join(OUTPUT, 'label-glyphs.woff2'),
    join(OUTPUT, 'label-glyphs.json'),
  ] as const;
  writeLabelGlyphs(glyphs, ...glyphPaths);
  paths.push(...glyphPaths);
  // The world's land, for the import's check of swapped coordinates (not part of the map).
  paths.push(buildLand());
  console.log(`countries: ${countries.map((country) => country.properties.name).join(', ')}`);
  console.log(
    `towns: ${towns.length}, rivers: ${rivers.length}, lakes: ${layers['lakes.geojson'].length}`,
  );
  printSizes(paths);
}

await main();
