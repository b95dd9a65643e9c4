/** An area's point, as gazetteers give one: used for the US Census's areas and the territories. */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centerOfMass } from '@turf/center-of-mass';

/**
 * A state's or county's point: the centre of mass of its largest polygon, as gazetteers give an
 * area's point; where that falls outside the shape (a crescent), the point inside furthest from
 * its edges.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0]!;
  let bestArea = -1;
  for (const rings of polygons) {
    const size = area({ type: 'Polygon', coordinates: rings });
    if (size > bestArea) [best, bestArea] = [rings, size];
  }
  const polygon: Polygon = { type: 'Polygon', coordinates: best };
  const center = centerOfMass(polygon).geometry.coordinates;
  const [longitude, latitude] = booleanPointInPolygon(center, polygon)
    ? center
    : polylabel(best as [number, number][][], 0.01);
  return [round(longitude!), round(latitude!)];
}

export const round = (value: number) => Math.round(value * 1e5) / 1e5;
