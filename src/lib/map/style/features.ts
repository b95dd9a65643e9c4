/**
 * What the map draws, as GeoJSON sources: the basemap in one collection, every atlas layer's
 * features in another, each feature with flat properties only (the popup reads the full feature
 * from the atlas data, not from the map).
 */
import type { FeatureCollection } from 'geojson';
import type { AtlasLayer } from '../../geo/contract.ts';

export interface BasemapData {
  countries: FeatureCollection;
  countryLabels: FeatureCollection;
  /** [west, south, east, north]: the box the countries are clipped to. */
  bounds: readonly [number, number, number, number];
}

/**
 * The sources: every atlas layer's features in one, the basemap in another. Each source costs
 * the map a round of tiles from its worker and more frames before everything is drawn; two
 * draw the first view about a sixth sooner than one a layer (measured against six).
 */
export const ATLAS_SOURCE = 'atlas';
export const BASEMAP_SOURCE = 'basemap';

/** What a feature of the basemap source is: a country, its label, or the world outside the box. */
export type BasemapRole = 'country' | 'label' | 'outside';

/**
 * Every atlas layer's features in one collection: `layer` it came from, `label`, the name as
 * the text writes it, and what the style filters on.
 */
export function mapFeatures(layers: readonly AtlasLayer[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: layers.flatMap((layer) =>
      layer.features.map((feature) => ({
        type: 'Feature' as const,
        id: feature.id,
        geometry: feature.geometry,
        properties: {
          atlasId: feature.id,
          layer: layer.layer,
          label: feature.properties.name,
          kind: feature.properties.kind,
          geometryQuality: feature.properties.geometryQuality,
          ...(feature.properties.validTo ? { validTo: feature.properties.validTo } : {}),
        },
      })),
    ),
  };
}

/** The basemap in one collection, each feature's role in `basemap`. */
export function basemapFeatures(basemap: BasemapData): FeatureCollection {
  const withRole = (collection: FeatureCollection, role: BasemapRole) =>
    collection.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, basemap: role },
    }));
  return {
    type: 'FeatureCollection',
    features: [
      ...withRole(basemap.countries, 'country'),
      ...withRole(outsideBox(basemap.bounds), 'outside'),
      ...withRole(basemap.countryLabels, 'label'),
    ],
  };
}

/** The world with the basemap's box cut out of it. */
function outsideBox([west, south, east, north]: BasemapData['bounds']): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-180, -85],
              [180, -85],
              [180, 85],
              [-180, 85],
              [-180, -85],
            ],
            [
              [west, south],
              [west, north],
              [east, north],
              [east, south],
              [west, south],
            ],
          ],
        },
      },
    ],
  };
}
