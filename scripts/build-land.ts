/**
 * build-land.ts — the land of the world, for the import's check of swapped coordinates: Natural
 * Earth 1:110m land (the `world-atlas` package's land-110m.json), written as TopoJSON to
 * geodata/world/land-110m.json. `npm run basemap` calls buildLand(); run alone with
 * `npx tsx scripts/build-land.ts`.
 *
 * The file is the package's own topology, its one object `land` only, with a line saying where it
 * came from (foreign members are allowed in TopoJSON): 54 KB, loaded by the import worker only
 * when a file's points might be swapped, never by the page's first load. 1:110m is coarse on
 * purpose: the check asks only whether points are near land at all.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export const LAND_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'geodata',
  'world',
  'land-110m.json',
);

/** Writes the land file (byte-identical on every run) and returns its path. */
export function buildLand(outFile = LAND_FILE): string {
  const source: Topology<{ land: GeometryCollection }> = JSON.parse(
    readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8'),
  );
  const version: string = JSON.parse(
    readFileSync(require.resolve('world-atlas/package.json'), 'utf8'),
  ).version;
  const land = {
    type: 'Topology',
    source: `Natural Earth 1:110m land (public domain), from world-atlas ${version} land-110m.json`,
    bbox: source.bbox,
    transform: source.transform,
    objects: { land: source.objects.land },
    arcs: source.arcs,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(land)}\n`);
  return outFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${buildLand()}`);
}
