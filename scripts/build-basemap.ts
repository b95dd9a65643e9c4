/**
 * build-basemap.ts — derives Passage Atlas's offline basemap.
 *
 * Run with: npx tsx scripts/build-basemap.ts
 *
 * What it derives (into geodata/basemap/, all compact RFC 7946 GeoJSON FeatureCollections,
 * coordinates rounded to 4 decimals (about 10 m, far finer than the 1:10m source), exterior
 * rings counter-clockwise, clipped to BASEMAP_BOUNDS from src/lib/geo/basemap-bounds.ts):
 *
 *   countries.geojson       every country polygon that intersects the bounds,
 *                           properties { id: ISO 3166-1 numeric, name }.
 *   country-labels.geojson  one Point per country with a meaningful area in the
 *                           bounds, placed well inside its largest clipped part
 *                           (a sampled "pole of inaccessibility"), { id, name }.
 *
 * There is no sea layer: the map draws the sea's colour under the land, and inside the bounds
 * every point that no country covers is the Caspian Sea (the bounds hold no other sea, and the
 * countries leave no lake out). The coast is then the countries' own edge, which the map also
 * strokes: one coastline, not two that disagree (tests/unit/basemap.test.ts checks the water).
 *
 * Where from:
 *   - Countries: Natural Earth 1:10m admin-0 countries, as TopoJSON in the
 *     `world-atlas` package (countries-10m.json, object `countries`).
 *
 * The source package is a build-time input only (a devDependency). The app never loads it at
 * run time: it only reads the small derived files written here. The output is deterministic,
 * so running the script twice gives byte-identical files.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import bboxClip from '@turf/bbox-clip';
import rewind from '@turf/rewind';
import type {
  BBox,
  Feature,
  FeatureCollection,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature as topologyToGeoJson } from 'topojson-client';
import type {
  GeometryCollection as TopologyGeometryCollection,
  Topology,
} from 'topojson-specification';

import { BASEMAP_BOUNDS } from '../src/lib/geo/basemap-bounds.ts';

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_DIRECTORY = join(PROJECT_ROOT, 'geodata', 'basemap');

const COUNTRIES_TOPOLOGY_MODULE = 'world-atlas/countries-10m.json';

const COORDINATE_DECIMALS = 4;
const COORDINATE_SCALE = 10 ** COORDINATE_DECIMALS;

/** Rings smaller than this (square degrees, ~100 m²) are clipping slivers, not land. */
const MINIMUM_RING_AREA = 1e-8;
/** A country needs at least this much area inside the bounds (square degrees) to get a label. */
const MINIMUM_LABELLED_AREA = 0.05;
/** Grid resolution (samples per axis) of the label search, coarse pass then refinement. */
const LABEL_GRID_SAMPLES = 120;
const LABEL_REFINEMENT_SAMPLES = 24;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

type Ring = Position[];
type PolygonRings = Ring[];
type AreaGeometry = Polygon | MultiPolygon;

interface CountryProperties {
  id: string;
  name: string;
}

interface CountrySourceProperties {
  name: string;
}

type CountriesTopology = Topology<{
  countries: TopologyGeometryCollection<CountrySourceProperties>;
}>;

// ---------------------------------------------------------------------------
// Reading the sources
// ---------------------------------------------------------------------------

const requireFromProject = createRequire(join(PROJECT_ROOT, 'package.json'));

function readJsonModule(moduleSpecifier: string): unknown {
  const path = requireFromProject.resolve(moduleSpecifier);
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readCountries(): Feature<AreaGeometry, CountryProperties>[] {
  const topology = readJsonModule(COUNTRIES_TOPOLOGY_MODULE) as CountriesTopology;
  const collection = topologyToGeoJson(topology, topology.objects.countries);
  const countries: Feature<AreaGeometry, CountryProperties>[] = [];
  for (const country of collection.features) {
    const geometry = country.geometry;
    if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
      continue;
    if (country.id === undefined) continue; // a few disputed areas carry no ISO code; none lie in our bounds
    countries.push({
      type: 'Feature',
      properties: { id: String(country.id), name: country.properties.name },
      geometry,
    });
  }
  return countries;
}

// ---------------------------------------------------------------------------
// Clipping and cleaning
// ---------------------------------------------------------------------------

function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Clips each polygon to the bounds, rounds it, and drops whatever degenerates. */
function clipPolygonsToBounds(polygons: PolygonRings[], bounds: BBox): PolygonRings[] {
  const clippedPolygons: PolygonRings[] = [];
  for (const polygon of polygons) {
    if (polygon[0] === undefined || !bboxesIntersect(ringBbox(polygon[0]), bounds)) continue;
    const clipped = bboxClip<Polygon>({ type: 'Polygon', coordinates: polygon }, bounds);
    const cleaned = cleanPolygon(clipped.geometry.coordinates as PolygonRings);
    if (cleaned !== null) clippedPolygons.push(cleaned);
  }
  return clippedPolygons;
}

/** Returns the polygon with rounded, de-duplicated rings, or null if its exterior degenerated. */
function cleanPolygon(polygon: PolygonRings): PolygonRings | null {
  const [exterior, ...holes] = polygon.map(cleanRing);
  if (exterior === undefined || exterior === null) return null;
  const keptHoles = holes.filter((hole): hole is Ring => hole !== null);
  return [exterior, ...keptHoles];
}

/** Rounds a ring, removes repeated points, and returns null if fewer than 3 distinct corners or no area remain. */
function cleanRing(ring: Ring): Ring | null {
  const distinctPoints: Ring = [];
  for (const position of ring) {
    const rounded = roundPosition(position);
    const previous = distinctPoints[distinctPoints.length - 1];
    if (previous === undefined || !samePosition(previous, rounded)) distinctPoints.push(rounded);
  }
  const first = distinctPoints[0];
  const last = distinctPoints[distinctPoints.length - 1];
  if (first !== undefined && last !== undefined && samePosition(first, last)) distinctPoints.pop();
  if (distinctPoints.length < 3 || distinctPoints[0] === undefined) return null;
  const closedRing = [...distinctPoints, distinctPoints[0]];
  return Math.abs(signedRingArea(closedRing)) < MINIMUM_RING_AREA ? null : closedRing;
}

function roundPosition(position: Position): Position {
  return [roundCoordinate(position[0] ?? Number.NaN), roundCoordinate(position[1] ?? Number.NaN)];
}

function roundCoordinate(value: number): number {
  // `+ 0` turns -0 into 0 so the output never depends on the sign of zero.
  return Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE + 0;
}

function samePosition(first: Position, second: Position): boolean {
  return first[0] === second[0] && first[1] === second[1];
}

/** Builds a Polygon or MultiPolygon from clipped parts and winds exteriors counter-clockwise. */
function toAreaFeature<Properties extends object>(
  polygons: PolygonRings[],
  properties: Properties,
): Feature<AreaGeometry, Properties> {
  const [onlyPolygon] = polygons;
  const geometry: AreaGeometry =
    polygons.length === 1 && onlyPolygon !== undefined
      ? { type: 'Polygon', coordinates: onlyPolygon }
      : { type: 'MultiPolygon', coordinates: polygons };
  const feature: Feature<AreaGeometry, Properties> = { type: 'Feature', properties, geometry };
  rewind(feature, { mutate: true }); // exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6)
  return feature;
}

// ---------------------------------------------------------------------------
// Planar geometry helpers (degrees; good enough at this scale)
// ---------------------------------------------------------------------------

function ringBbox(ring: Ring): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [longitude = Number.NaN, latitude = Number.NaN] of ring) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [west, south, east, north];
}

function bboxesIntersect(first: BBox, second: BBox): boolean {
  return (
    first[0] <= second[2] && second[0] <= first[2] && first[1] <= second[3] && second[1] <= first[3]
  );
}

/** Shoelace formula: positive for counter-clockwise rings. */
function signedRingArea(ring: Ring): number {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[index + 1] ?? [];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return twiceArea / 2;
}

function polygonArea(polygon: PolygonRings): number {
  const [exterior, ...holes] = polygon;
  if (exterior === undefined) return 0;
  const holesArea = holes.reduce((sum, hole) => sum + Math.abs(signedRingArea(hole)), 0);
  return Math.abs(signedRingArea(exterior)) - holesArea;
}

/** Even-odd ray casting over all rings, so holes count as outside. */
function pointInPolygon(point: Position, polygon: PolygonRings): boolean {
  const [x = Number.NaN, y = Number.NaN] = point;
  let inside = false;
  for (const ring of polygon) {
    for (
      let index = 0, previousIndex = ring.length - 1;
      index < ring.length;
      previousIndex = index++
    ) {
      const [xi = 0, yi = 0] = ring[index] ?? [];
      const [xj = 0, yj = 0] = ring[previousIndex] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Distance from a point to the nearest polygon edge, with longitude scaled by
 * cos(latitude) so it is proportional to distance on the (Mercator) map.
 */
function distanceToBoundary(
  point: Position,
  polygon: PolygonRings,
  longitudeScale: number,
): number {
  const [x = Number.NaN, y = Number.NaN] = point;
  let shortestSquared = Infinity;
  for (const ring of polygon) {
    for (let index = 0; index + 1 < ring.length; index++) {
      const [ax = 0, ay = 0] = ring[index] ?? [];
      const [bx = 0, by = 0] = ring[index + 1] ?? [];
      shortestSquared = Math.min(
        shortestSquared,
        squaredDistanceToSegment(
          (x - ax) * longitudeScale,
          y - ay,
          (bx - ax) * longitudeScale,
          by - ay,
        ),
      );
    }
  }
  return Math.sqrt(shortestSquared);
}

/** Squared distance from point (px, py) to the segment from the origin to (sx, sy). */
function squaredDistanceToSegment(px: number, py: number, sx: number, sy: number): number {
  const lengthSquared = sx * sx + sy * sy;
  const along =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * sx + py * sy) / lengthSquared));
  const dx = px - along * sx;
  const dy = py - along * sy;
  return dx * dx + dy * dy;
}

// ---------------------------------------------------------------------------
// Label placement
// ---------------------------------------------------------------------------

interface LabelCandidate {
  position: Position;
  clearance: number;
}

/**
 * Finds the point of a polygon farthest from its boundary by sampling a grid
 * over its extent, then a finer grid around the best sample.
 */
function labelPosition(polygon: PolygonRings): Position {
  const exterior = polygon[0];
  if (exterior === undefined) throw new Error('Cannot place a label on an empty polygon');
  const [west, south, east, north] = ringBbox(exterior);
  const longitudeScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const columnStep = (east - west) / LABEL_GRID_SAMPLES;
  const rowStep = (north - south) / LABEL_GRID_SAMPLES;
  const coarse = bestCandidateOnGrid(
    polygon,
    longitudeScale,
    [west, south, east, north],
    LABEL_GRID_SAMPLES,
    null,
  );
  if (coarse === null) throw new Error('No grid sample fell inside the polygon');
  const [bestLongitude = 0, bestLatitude = 0] = coarse.position;
  const refinementArea: BBox = [
    bestLongitude - columnStep,
    bestLatitude - rowStep,
    bestLongitude + columnStep,
    bestLatitude + rowStep,
  ];
  const refined = bestCandidateOnGrid(
    polygon,
    longitudeScale,
    refinementArea,
    LABEL_REFINEMENT_SAMPLES,
    coarse,
  );
  const rounded = roundPosition((refined ?? coarse).position);
  if (!pointInPolygon(rounded, polygon))
    throw new Error('Rounded label position fell outside its polygon');
  return rounded;
}

function bestCandidateOnGrid(
  polygon: PolygonRings,
  longitudeScale: number,
  area: BBox,
  samplesPerAxis: number,
  startingBest: LabelCandidate | null,
): LabelCandidate | null {
  const [west, south, east, north] = area;
  let best = startingBest;
  for (let row = 0; row <= samplesPerAxis; row++) {
    for (let column = 0; column <= samplesPerAxis; column++) {
      const position: Position = [
        west + ((east - west) * column) / samplesPerAxis,
        south + ((north - south) * row) / samplesPerAxis,
      ];
      if (!pointInPolygon(position, polygon)) continue;
      const clearance = distanceToBoundary(position, polygon, longitudeScale);
      if (best === null || clearance > best.clearance) best = { position, clearance };
    }
  }
  return best;
}

function largestPolygon(polygons: PolygonRings[]): PolygonRings | undefined {
  let largest: PolygonRings | undefined;
  for (const polygon of polygons) {
    if (largest === undefined || polygonArea(polygon) > polygonArea(largest)) largest = polygon;
  }
  return largest;
}

// ---------------------------------------------------------------------------
// Building the layers
// ---------------------------------------------------------------------------

interface ClippedCountry {
  properties: CountryProperties;
  polygons: PolygonRings[];
}

function clipCountries(
  countries: Feature<AreaGeometry, CountryProperties>[],
  bounds: BBox,
): ClippedCountry[] {
  return countries
    .map((country) => ({
      properties: { id: country.properties.id, name: country.properties.name },
      polygons: clipPolygonsToBounds(polygonsOf(country.geometry), bounds),
    }))
    .filter((country) => country.polygons.length > 0)
    .sort((first, second) => first.properties.id.localeCompare(second.properties.id));
}

function buildCountriesLayer(
  countries: ClippedCountry[],
): FeatureCollection<AreaGeometry, CountryProperties> {
  return {
    type: 'FeatureCollection',
    features: countries.map((country) => toAreaFeature(country.polygons, country.properties)),
  };
}

function buildLabelsLayer(
  countries: ClippedCountry[],
): FeatureCollection<Point, CountryProperties> {
  const labels: Feature<Point, CountryProperties>[] = [];
  for (const country of countries) {
    const totalArea = country.polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
    const mainPart = largestPolygon(country.polygons);
    if (totalArea < MINIMUM_LABELLED_AREA || mainPart === undefined) continue;
    labels.push({
      type: 'Feature',
      properties: country.properties,
      geometry: { type: 'Point', coordinates: labelPosition(mainPart) },
    });
  }
  return { type: 'FeatureCollection', features: labels };
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

function writeLayer(fileName: string, layer: FeatureCollection): string {
  const path = join(OUTPUT_DIRECTORY, fileName);
  writeFileSync(path, JSON.stringify(layer) + '\n');
  return path;
}

function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function printSizes(paths: string[]): void {
  let totalBytes = 0;
  for (const path of paths) {
    const bytes = statSync(path).size;
    totalBytes += bytes;
    console.log(
      `${relative(PROJECT_ROOT, path).padEnd(40)} ${formatKilobytes(bytes).padStart(10)}`,
    );
  }
  console.log(`${'total'.padEnd(40)} ${formatKilobytes(totalBytes).padStart(10)}`);
}

function main(): void {
  const bounds: BBox = [...BASEMAP_BOUNDS];
  const countries = clipCountries(readCountries(), bounds);
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  const labels = buildLabelsLayer(countries);
  const paths = [
    writeLayer('countries.geojson', buildCountriesLayer(countries)),
    writeLayer('country-labels.geojson', labels),
  ];
  console.log(`countries: ${countries.map((country) => country.properties.name).join(', ')}`);
  console.log(`labels:    ${labels.features.map((label) => label.properties.name).join(', ')}`);
  printSizes(paths);
}

main();
