/**
 * Natural Earth 1:10m countries (world-atlas), read at build time only: the app never loads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiLineString } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export function loadCountriesTopology(): Topology<{ countries: GeometryCollection }> {
  return JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
}

/** The edge that two countries share in Natural Earth, as drawn there (not redrawn). */
export function sharedBorder(
  topology: Topology<{ countries: GeometryCollection }>,
  [first, second]: [string, string],
): MultiLineString {
  const border = mesh(
    topology,
    topology.objects.countries,
    (a, b) => (a.id === first && b.id === second) || (a.id === second && b.id === first),
  );
  if (border.coordinates.length === 0) {
    throw new Error(`Natural Earth has no shared border between countries ${first} and ${second}`);
  }
  return border;
}
