/**
 * Longitude and latitude swapped: a file that writes [latitude, longitude] stays in range when
 * every longitude is within ±90, and lands far from where it should, silently. The sign: every
 * point of the layer lies far out at sea, yet swapped, every one would be on land. The check
 * reads Natural Earth 1:110m land (geodata/world/land-110m.json, loaded by the import worker only
 * when a layer could be swapped at all) and a sample of the layer's positions.
 */
import { bbox } from '@turf/bbox';
import { coordAll, coordEach } from '@turf/meta';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * "Near land": 1:110m coasts are off by kilometres and leave out small islands; a point this
 * close to land may be a harbour, a coastal town or an island, not a mistake.
 */
export const NEAR_LAND_KM = 100;
/** The positions looked at: spread evenly through the layer, enough to be sure, cheap to test. */
export const SWAP_SAMPLE_POSITIONS = 300;

const KM_PER_DEGREE = 111.2;

export interface Land {
  parts: { polygon: Polygon; box: BBox }[];
}

/** The land topology as polygons, each with its box (most points are far from most boxes). */
export function landFromTopology(topology: Topology<{ land: GeometryCollection }>): Land {
  const collection = feature(topology, topology.objects.land);
  const parts: Land['parts'] = [];
  for (const item of collection.features) {
    const geometry = item.geometry as Polygon | MultiPolygon;
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    for (const coordinates of polygons) {
      const polygon: Polygon = { type: 'Polygon', coordinates };
      parts.push({ polygon, box: bbox(polygon) });
    }
  }
  return { parts };
}

/** Whether a position is on land or within `km` of it. */
export function nearLand(land: Land, [longitude, latitude]: Position, km = NEAR_LAND_KM): boolean {
  const latitudeMargin = km / KM_PER_DEGREE;
  const longitudeMargin = latitudeMargin / Math.max(Math.cos((latitude! * Math.PI) / 180), 0.05);
  for (const { polygon, box } of land.parts) {
    if (
      longitude! < box[0] - longitudeMargin ||
      longitude! > box[2] + longitudeMargin ||
      latitude! < box[1] - latitudeMargin ||
      latitude! > box[3] + latitudeMargin
    ) {
      continue;
    }
    // Negative inside the polygon.
    if (
      pointToPolygonDistance([longitude!, latitude!], polygon, {
        units: 'kilometers',
        method: 'planar',
      }) <= km
    ) {
      return true;
    }
  }
  return false;
}

/** Up to `count` positions spread evenly through the features' positions, in order. */
export function samplePositions(features: Feature[], count = SWAP_SAMPLE_POSITIONS): Position[] {
  const positions = coordAll({ type: 'FeatureCollection', features });
  if (positions.length <= count) return positions;
  const step = positions.length / count;
  return Array.from({ length: count }, (_, index) => positions[Math.floor(index * step)]!);
}

/** Whether swapping would give valid positions at all: every longitude within ±90. */
export const swappable = (positions: readonly Position[]): boolean =>
  positions.length > 0 && positions.every((position) => Math.abs(position[0]!) <= 90);

/**
 * Whether to offer the swap: every sampled position far from land as written, and on or near
 * land with longitude and latitude swapped.
 */
export function swapSuggested(positions: readonly Position[], land: Land): boolean {
  if (!swappable(positions)) return false;
  if (positions.some((position) => nearLand(land, position))) return false;
  return positions.every(([longitude, latitude]) => nearLand(land, [latitude!, longitude!]));
}

/** Swaps longitude and latitude in every position of the features, in place. */
export function swapCoordinates(features: Feature[]): void {
  coordEach({ type: 'FeatureCollection', features }, (position) => {
    const longitude = position[0]!;
    position[0] = position[1]!;
    position[1] = longitude;
  });
}
