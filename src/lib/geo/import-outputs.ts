/**
 * What an import hands on besides its features: the property names the reader may label by, the
 * map's copy of the layer, and the layer as kept in the browser. Pure: the import worker builds
 * them, tests check them.
 */
import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';

/** At most this many property names are offered to label by. */
export const MAX_PROPERTY_NAMES = 200;

/**
 * Names the map's clustering gives its clusters' own properties: a feature's property of one of
 * these names would make it pass for a cluster, so the map's copy leaves them out.
 */
const CLUSTER_PROPERTIES = new Set([
  'cluster',
  'cluster_id',
  'point_count',
  'point_count_abbreviated',
]);

/** Every property name the features use, in order of first use. */
export function propertyNamesOf(features: readonly Feature[]): string[] {
  const names = new Set<string>();
  for (const feature of features) {
    for (const name in feature.properties) {
      names.add(name);
      if (names.size >= MAX_PROPERTY_NAMES) return [...names];
    }
  }
  return [...names];
}

/** A feature's properties that the map can label with: text, numbers and booleans. */
export function mapProperties(
  properties: GeoJsonProperties,
): Record<string, string | number | boolean> {
  const plain: Record<string, string | number | boolean> = {};
  for (const name in properties) {
    const value: unknown = properties[name];
    if (CLUSTER_PROPERTIES.has(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      plain[name] = value;
  }
  return plain;
}

/**
 * The map's copy: each feature's geometry and plain properties, in order (the map numbers them
 * by position; popups read the whole feature from the layer itself).
 */
export function mapDataText(features: readonly Feature[]): string {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: mapProperties(feature.properties),
    })),
  };
  return JSON.stringify(collection);
}

/** The layer as kept in the browser: a FeatureCollection the import reads back as it is. */
export function layerDataText(features: readonly Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}
