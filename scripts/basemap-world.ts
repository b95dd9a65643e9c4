/**
 * The world beyond the region's box, so that no pan or zoom shows a void: Natural Earth 1:110m
 * countries (world-atlas), simplified for the zooms at which the whole world is in view (the map
 * draws the region's 1:10m countries over it inside the box). Countries carry no properties: the
 * world is ground, not a layer anyone reads. Their names are points of their own
 * (worldCountryLabels): a reader's text may name places anywhere, and the map beyond the box
 * must say where that is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, Point } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { labelPosition } from './basemap-countries.ts';
import {
  polygonArea,
  polygonsOf,
  roundPosition,
  toAreaFeature,
  type AreaGeometry,
} from './basemap-geometry.ts';

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

const readWorld = () =>
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection;
  }>;

export function worldCountries(): Feature<AreaGeometry>[] {
  const topology = presimplify(readWorld());
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

export interface WorldLabelProperties {
  /** Natural Earth's short name (1:110m), as world maps label the country. */
  name: string;
  /** 1 for the largest country, and so on: the map places the larger country's name first. */
  sizeRank: number;
}

/**
 * One name per country of the world, well inside its largest part (from the unsimplified
 * 1:110m outlines), less the countries the region's basemap labels itself (`labelledInRegion`,
 * ISO numeric codes) and those without a name.
 */
export function worldCountryLabels(
  labelledInRegion: ReadonlySet<string>,
): Feature<Point, WorldLabelProperties>[] {
  const topology = readWorld();
  const countries = feature(topology, topology.objects.countries).features.flatMap((country) => {
    const geometry = country.geometry as AreaGeometry | null;
    const name = String((country.properties as { name?: unknown } | null)?.name ?? '');
    const id = country.id === undefined ? '' : String(country.id);
    if (geometry === null || id === ANTARCTICA_ID || !name || labelledInRegion.has(id)) return [];
    const polygons = polygonsOf(geometry);
    const areas = polygons.map(polygonArea);
    const largest = polygons[areas.indexOf(Math.max(...areas))]!;
    const area = areas.reduce((sum, each) => sum + each, 0);
    return [{ name, area, position: labelPosition(largest) }];
  });
  return countries
    .sort((first, second) => second.area - first.area || first.name.localeCompare(second.name))
    .map((country, index) => ({
      type: 'Feature' as const,
      properties: { name: country.name, sizeRank: index + 1 },
      geometry: { type: 'Point' as const, coordinates: country.position },
    }));
}
