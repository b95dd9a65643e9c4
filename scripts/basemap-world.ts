/**
 * The world beyond the region's box, so that no pan or zoom shows a void: Natural Earth 1:110m
 * countries (world-atlas), simplified for the zooms at which the whole world is in view (the map
 * draws the region's 1:10m countries over it inside the box). Countries carry no properties: the
 * world is ground, not a layer anyone reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { polygonsOf, roundPosition, toAreaFeature, type AreaGeometry } from './basemap-geometry.ts';

const require = createRequire(import.meta.url);

/**
 * The share of the 1:110m source's corners kept (the most significant, by the area of the
 * triangle each forms with its neighbours; topology kept): the coasts stay true to a few pixels
 * at zoom 4, and the world costs the page a third of the bytes.
 */
const KEPT_SHARE = 0.12;
/** Two decimals (about 1 km) are finer than the source, whose scale is about 10 km to a mm. */
const WORLD_DECIMALS = 2;
const ANTARCTICA_ID = '010';

export function worldCountries(): Feature<AreaGeometry>[] {
  const path = require.resolve('world-atlas/countries-110m.json');
  const topology = presimplify(
    JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>,
  );
  const simplified = simplify(topology, quantile(topology, KEPT_SHARE));
  const collection = feature(simplified, simplified.objects.countries);
  return collection.features.flatMap((country) => {
    const geometry = country.geometry as AreaGeometry | null;
    // Antarctica lies beyond the map's bounds (MAP_MAX_BOUNDS, src/lib/map/map-defaults.ts): never in view.
    if (geometry === null || country.id === ANTARCTICA_ID) return [];
    const polygons = polygonsOf(geometry)
      .map((polygon) =>
        polygon.map((ring) => ring.map((position) => roundPosition(position, WORLD_DECIMALS))),
      )
      .filter((polygon) => polygon[0]!.length >= 4);
    return polygons.length > 0 ? [toAreaFeature(polygons, {})] : [];
  });
}
