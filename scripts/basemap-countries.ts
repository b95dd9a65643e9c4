/**
 * The region's countries: Natural Earth 1:10m admin-0 countries (world-atlas), clipped to the
 * basemap's box, and one label point per country well inside its largest part there.
 *
 * There is no sea layer: inside the box every point that no country covers is the Caspian Sea
 * (the box holds no other sea, and the countries leave no lake out), so the map draws the sea's
 * colour under the land and the coast is the countries' own edge, which the map also strokes:
 * one coastline, not two that disagree (tests/unit/basemap.test.ts checks the water).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import polylabel from 'polylabel';
import type { BBox, Feature, Point, Position } from 'geojson';
import { feature as topologyToGeoJson } from 'topojson-client';
import { loadCountriesTopology } from './natural-earth.ts';
import {
  clipPolygons,
  polygonArea,
  polygonsOf,
  roundPosition,
  toAreaFeature,
  type AreaGeometry,
  type PolygonRings,
} from './basemap-geometry.ts';

export interface CountryProperties {
  /** ISO 3166-1 numeric. */
  id: string;
  name: string;
}

interface ClippedCountry {
  properties: CountryProperties;
  polygons: PolygonRings[];
}

/** A country needs at least this much area inside the box (square metres) to get a label. */
const MINIMUM_LABELLED_AREA_M2 = 500e6;
/** How close (degrees, longitude scaled to the map) the label search gets to the best point. */
const LABEL_PRECISION = 0.005;

/** Natural Earth's countries that reach into the box, clipped to it, by ISO code. */
export function regionCountries(box: BBox): ClippedCountry[] {
  const topology = loadCountriesTopology();
  const collection = topologyToGeoJson(topology, topology.objects.countries);
  return collection.features
    .flatMap((country): ClippedCountry[] => {
      const geometry = country.geometry as AreaGeometry | null;
      // A few disputed areas carry no ISO code; none lie in the box.
      if (geometry === null || country.id === undefined) return [];
      const name = String((country.properties as { name?: unknown } | null)?.name ?? '');
      const polygons = clipPolygons(polygonsOf(geometry), box);
      return polygons.length > 0
        ? [{ properties: { id: String(country.id), name }, polygons }]
        : [];
    })
    .sort((first, second) => first.properties.id.localeCompare(second.properties.id));
}

export function countryFeatures(countries: ClippedCountry[]): Feature<AreaGeometry>[] {
  return countries.map((country) => toAreaFeature(country.polygons, country.properties));
}

/**
 * The point of a polygon farthest from its edge (polylabel's pole of inaccessibility), with
 * longitude scaled by cos(latitude) so that "farthest" is measured as the (Mercator) map shows it.
 */
export function labelPosition(polygon: PolygonRings): Position {
  const exterior = polygon[0]!;
  const middleLatitude = exterior.reduce((sum, [, latitude = 0]) => sum + latitude, 0);
  const scale = Math.cos(((middleLatitude / exterior.length) * Math.PI) / 180);
  const scaled = polygon.map((ring) =>
    ring.map(([x = 0, y = 0]) => [x * scale, y] as [number, number]),
  );
  const [x, y] = polylabel(scaled, LABEL_PRECISION);
  const position = roundPosition([x / scale, y]);
  if (!booleanPointInPolygon(position, { type: 'Polygon', coordinates: polygon }))
    throw new Error('A rounded label position fell outside its polygon');
  return position;
}

export function countryLabelFeatures(
  countries: ClippedCountry[],
): Feature<Point, CountryProperties>[] {
  return countries.flatMap((country) => {
    const areas = country.polygons.map(polygonArea);
    const total = areas.reduce((sum, area) => sum + area, 0);
    if (total < MINIMUM_LABELLED_AREA_M2) return [];
    const largest = country.polygons[areas.indexOf(Math.max(...areas))]!;
    return [
      {
        type: 'Feature' as const,
        properties: country.properties,
        geometry: { type: 'Point' as const, coordinates: labelPosition(largest) },
      },
    ];
  });
}
