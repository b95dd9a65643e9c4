/**
 * The bench's generated layer: 100 000 points over the Caucasus (44–50°E, 38.5–42°N), each with a
 * few properties, from a seeded PRNG: the same file on every run and every machine.
 */
import type { Feature, Point } from 'geojson';

export const POINT_COUNT = 100_000;
export const POINT_LAYER = 'points-100k';

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['village', 'hamlet', 'spring', 'pass', 'ruin'];

export interface PointProperties {
  name: string;
  category: string;
  elevation: number;
}

export function generatePoints(
  count = POINT_COUNT,
  seed = 20_230_812,
): Feature<Point, PointProperties>[] {
  const random = mulberry32(seed);
  // Seven decimals, as a GPS export might have: more than the six an export keeps.
  const coordinate = (low: number, high: number) =>
    Math.round((low + random() * (high - low)) * 1e7) / 1e7;
  return Array.from({ length: count }, (_, index) => ({
    type: 'Feature',
    id: index + 1,
    geometry: { type: 'Point', coordinates: [coordinate(44, 50), coordinate(38.5, 42)] },
    properties: {
      name: `Point ${index + 1}`,
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
      elevation: Math.round(random() * 4000),
    },
  }));
}

/** The layer as a GeoJSON file's text (compact, as most tools write large files). */
export function pointsFileText(features: Feature<Point, PointProperties>[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

let generated: Feature<Point, PointProperties>[] | null = null;

/** The bench's 100 000 points, generated once per bench process. */
export function benchPoints(): Feature<Point, PointProperties>[] {
  generated ??= generatePoints();
  return generated;
}
