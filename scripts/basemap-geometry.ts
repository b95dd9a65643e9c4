/**
 * The geometry the basemap's layers share: clipping to a box, rounding to the basemap's
 * precision, dropping what degenerates, winding (RFC 7946), and the layer files' output.
 */
import { writeFileSync } from 'node:fs';
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import bboxClip from '@turf/bbox-clip';
import rewind from '@turf/rewind';
import type {
  BBox,
  Feature,
  FeatureCollection,
  LineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

export type Ring = Position[];
export type PolygonRings = Ring[];
export type AreaGeometry = Polygon | MultiPolygon;

/** Decimals the region's layers keep: 4 (about 10 m), far finer than their sources. */
export const REGION_DECIMALS = 4;

/** Rings smaller than this (square metres) are clipping slivers, not land or water. */
const MINIMUM_RING_AREA_M2 = 100;

export function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function roundCoordinate(value: number, decimals = REGION_DECIMALS): number {
  const scale = 10 ** decimals;
  // `+ 0` turns -0 into 0 so the output never depends on the sign of zero.
  return Math.round(value * scale) / scale + 0;
}

export function roundPosition(position: Position, decimals = REGION_DECIMALS): Position {
  return [
    roundCoordinate(position[0] ?? Number.NaN, decimals),
    roundCoordinate(position[1] ?? Number.NaN, decimals),
  ];
}

const samePosition = (first: Position, second: Position) =>
  first[0] === second[0] && first[1] === second[1];

/** Rounds a line and removes repeated points; null if fewer than two remain. */
export function cleanLine(line: Position[], decimals = REGION_DECIMALS): Position[] | null {
  const distinct: Position[] = [];
  for (const position of line) {
    const rounded = roundPosition(position, decimals);
    const previous = distinct[distinct.length - 1];
    if (previous === undefined || !samePosition(previous, rounded)) distinct.push(rounded);
  }
  return distinct.length >= 2 ? distinct : null;
}

/** A ring rounded and de-duplicated, or null when fewer than 3 corners or no area remain. */
function cleanRing(ring: Ring, decimals: number): Ring | null {
  const distinct = cleanLine(ring, decimals);
  if (distinct === null) return null;
  if (samePosition(distinct[0]!, distinct[distinct.length - 1]!)) distinct.pop();
  if (distinct.length < 3) return null;
  const closed = [...distinct, distinct[0]!];
  const area = turfArea({ type: 'Polygon', coordinates: [closed] });
  return area < MINIMUM_RING_AREA_M2 ? null : closed;
}

/** The polygon with rounded, de-duplicated rings, or null if its exterior degenerated. */
function cleanPolygon(polygon: PolygonRings, decimals: number): PolygonRings | null {
  const [exterior, ...holes] = polygon.map((ring) => cleanRing(ring, decimals));
  if (exterior === undefined || exterior === null) return null;
  return [exterior, ...holes.filter((hole): hole is Ring => hole !== null)];
}

const bboxesIntersect = (first: BBox, second: BBox) =>
  first[0] <= second[2] && second[0] <= first[2] && first[1] <= second[3] && second[1] <= first[3];

/** Each polygon clipped to the box and cleaned; those that degenerate are dropped. */
export function clipPolygons(
  polygons: PolygonRings[],
  box: BBox,
  decimals = REGION_DECIMALS,
): PolygonRings[] {
  const clipped: PolygonRings[] = [];
  for (const polygon of polygons) {
    const geometry: Polygon = { type: 'Polygon', coordinates: polygon };
    if (!bboxesIntersect(turfBbox(geometry), box)) continue;
    const inBox = bboxClip<Polygon>(geometry, box).geometry.coordinates as PolygonRings;
    const cleaned = cleanPolygon(inBox, decimals);
    if (cleaned !== null) clipped.push(cleaned);
  }
  return clipped;
}

/** A line clipped to the box, in as many parts as it leaves and enters it. */
export function clipLine(line: Position[], box: BBox, decimals = REGION_DECIMALS): Position[][] {
  const clipped = bboxClip<LineString>({ type: 'LineString', coordinates: line }, box).geometry;
  const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  return parts.flatMap((part): Position[][] => {
    const cleaned = cleanLine(part as Position[], decimals);
    return cleaned ? [cleaned] : [];
  });
}

/** Square metres of a polygon, holes taken off. */
export const polygonArea = (polygon: PolygonRings) =>
  turfArea({ type: 'Polygon', coordinates: polygon });

/** A Polygon or MultiPolygon of the parts, exteriors counter-clockwise (RFC 7946 §3.1.6). */
export function toAreaFeature<Properties extends object>(
  polygons: PolygonRings[],
  properties: Properties,
): Feature<AreaGeometry, Properties> {
  const geometry: AreaGeometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  const feature: Feature<AreaGeometry, Properties> = { type: 'Feature', properties, geometry };
  rewind(feature, { mutate: true });
  return feature;
}

export function writeLayer(path: string, features: Feature[]): void {
  const layer: FeatureCollection = { type: 'FeatureCollection', features };
  writeFileSync(path, JSON.stringify(layer) + '\n');
}
