/**
 * The region's rivers and lakes from GSHHG/WDBII (LGPL), read with GMT: Debian's `gmt` and
 * `gmt-gshhg-full` (`apt-get install gmt gmt-gshhg-full`), needed by `npm run basemap` only.
 *
 * - Rivers: WDBII's permanent rivers (its levels 1–4; the intermittent ones and the canals are
 *   left out), as `gmt coast -Ia -M` dumps them, in pieces cut at GSHHG's 1° bins. WDBII has
 *   the major rivers only: the Kura, the Aras and their main tributaries, but not the Hakari or
 *   the Tartar. It carries no names: the major rivers are named from geodata/basemap-input.
 * - Lakes: GSHHG's level 2 (lakes), whose shore pieces `gmt connect` joins into rings, less
 *   the Caspian (a sea to the map: see basemap-countries.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import simplify from '@turf/simplify';
import type { BBox, Feature, LineString, Position } from 'geojson';
import {
  clipLine,
  clipPolygons,
  polygonArea,
  toAreaFeature,
  type AreaGeometry,
} from './basemap-geometry.ts';
import type { GazetteerRecord } from './basemap-towns.ts';

/** WDBII river levels kept: double-lined, permanent major, additional major, additional. */
const RIVER_LEVELS = new Set([1, 2, 3, 4]);
/** Lines are simplified to within this many degrees (about 300 m): the map's scale at zoom 11. */
const SIMPLIFY_TOLERANCE = 0.003;
/** Water keeps 3 decimals (about 100 m), finer than the simplification. */
const WATER_DECIMALS = 3;
/** Lakes smaller than this (km²) are left out: ponds at the region's scale. */
const MINIMUM_LAKE_KM2 = 4;
/** Larger than this is the Caspian Sea, which GSHHG counts as a lake. */
const SEA_KM2 = 100_000;
/** A town named as on a river lies this close to it (kilometres, roughly). */
const TOWN_ON_RIVER_KM = 6;
/** The shore pieces are dumped from a box this much wider, so that lakes crossing ours close. */
const LAKE_MARGIN_DEGREES = 3;

export interface RiverNames {
  rivers: { name: string; towns: { id: number; town: string }[] }[];
}

export interface RiverProperties {
  /** WDBII's level: 1–3 major rivers, 4 the others. */
  major: boolean;
  name?: string;
}

/** Runs GMT, or says how to install it. */
function gmt(args: string[], input?: string): string {
  const run = spawnSync('gmt', args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(
      'npm run basemap needs GMT and its full-resolution GSHHG data for the rivers and lakes: ' +
        'apt-get install gmt gmt-gshhg-full',
    );
  if (run.status !== 0) throw new Error(`gmt ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

/** GMT's multi-segment text: each segment's header line (after `>`) and its positions. */
function segments(text: string): { header: string; positions: Position[] }[] {
  const parsed: { header: string; positions: Position[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) parsed.push({ header: line.slice(1).trim(), positions: [] });
    else if (line.trim() !== '' && !line.startsWith('#'))
      parsed.at(-1)?.positions.push(line.trim().split(/\s+/).map(Number));
  }
  return parsed;
}

const region = ([west, south, east, north]: BBox) => `-R${west}/${east}/${south}/${north}`;

const simplified = (positions: Position[]) =>
  simplify<LineString>(
    { type: 'LineString', coordinates: positions },
    { tolerance: SIMPLIFY_TOLERANCE, highQuality: true },
  ).coordinates;

/** A rough distance in kilometres, enough to tell which river line a town is on. */
function kilometres([x1 = 0, y1 = 0]: Position, [x2 = 0, y2 = 0]: Position): number {
  const dx = (x2 - x1) * Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
  return Math.hypot(dx, y2 - y1) * 111.2;
}

export function regionalRivers(
  box: BBox,
  names: RiverNames,
  towns: ReadonlyMap<number | string, GazetteerRecord>,
): Feature<LineString, RiverProperties>[] {
  const rivers: Feature<LineString, RiverProperties>[] = [];
  for (const { header, positions } of segments(gmt(['coast', region(box), '-Df', '-Ia', '-M']))) {
    const level = Number(/Level (\d+)/.exec(header)?.[1]);
    if (!RIVER_LEVELS.has(level)) continue;
    for (const part of clipLine(simplified(positions), box, WATER_DECIMALS))
      rivers.push({
        type: 'Feature',
        properties: { major: level <= 3 },
        geometry: { type: 'LineString', coordinates: part },
      });
  }
  for (const river of names.rivers) {
    for (const { id, town } of river.towns) {
      const record = towns.get(id);
      if (!record) throw new Error(`River ${river.name}: no town ${id} (${town}) in the box`);
      const at: Position = [record.longitude, record.latitude];
      const distance = (line: Feature<LineString>) =>
        Math.min(...line.geometry.coordinates.map((position) => kilometres(position, at)));
      const nearest = rivers.reduce((best, line) =>
        distance(line) < distance(best) ? line : best,
      );
      if (distance(nearest) > TOWN_ON_RIVER_KM)
        throw new Error(
          `River ${river.name}: no river line within ${TOWN_ON_RIVER_KM} km of ${town}`,
        );
      nearest.properties.name = river.name;
    }
  }
  return rivers;
}

export function regionalLakes(box: BBox): Feature<AreaGeometry, Record<string, never>>[] {
  const [west, south, east, north] = box;
  const wider: BBox = [
    west - LAKE_MARGIN_DEGREES,
    south - LAKE_MARGIN_DEGREES,
    east + LAKE_MARGIN_DEGREES,
    north + LAKE_MARGIN_DEGREES,
  ];
  const shores = gmt(['coast', region(wider), '-Df', '-W', '-A0/2/2', '-M']);
  const joined = gmt(['connect', '-T1e', '-fg'], shores);
  const lakes: Feature<AreaGeometry, Record<string, never>>[] = [];
  for (const { positions } of segments(joined)) {
    const first = positions[0];
    const last = positions.at(-1);
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) continue; // cut by the wider box
    const ring = simplified(positions);
    const squareKilometres = polygonArea([ring]) / 1e6;
    if (squareKilometres < MINIMUM_LAKE_KM2 || squareKilometres > SEA_KM2) continue;
    const parts = clipPolygons([[ring]], box, WATER_DECIMALS);
    if (parts.length > 0) lakes.push(toAreaFeature(parts, {}));
  }
  return lakes;
}

export function readRiverNames(path: string): RiverNames {
  return JSON.parse(readFileSync(path, 'utf8')) as RiverNames;
}
