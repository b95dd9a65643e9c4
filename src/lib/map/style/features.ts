/**
 * What the map draws, as GeoJSON sources: the basemap in one collection, every atlas layer's
 * features in another, each feature with flat properties only (the popup reads the full feature
 * from the atlas data, not from the map).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { AtlasLayer, AtlasProperties } from '../../geo/contract.ts';

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
/**
 * The map's context (the world, the region's water and towns): a source of its own, empty in the
 * style and filled once its data has loaded beside the map (src/lib/map/context.ts).
 */
export const CONTEXT_SOURCE = 'context';

/** What a feature of the basemap source is: a country, its label, or the basemap's box. */
export type BasemapRole = 'country' | 'label' | 'box';

/** What a feature of the context source is. */
export type ContextRole = 'world' | 'world-label' | 'river' | 'lake' | 'town';

export interface ContextData {
  world: FeatureCollection;
  /** A name for each country of the world the box does not name itself. */
  worldLabels: FeatureCollection;
  rivers: FeatureCollection;
  lakes: FeatureCollection;
  /** Cities first; the other towns once the map first draws them. */
  towns: FeatureCollection;
}

/** A town this close (kilometres) to a settlement of the atlas is that place: not labelled twice. */
export const SAME_PLACE_KM = 3;

/**
 * A feature that only the page around the statement names (its "Related posts"), never the
 * statement: drawn muted, and hidden when the reader asks for the statement's places only.
 */
export function namedOnlyInRelatedPosts(properties: Pick<AtlasProperties, 'mentions'>): boolean {
  const mentions = properties.mentions ?? [];
  return mentions.length > 0 && mentions.every((mention) => mention.section === 'related');
}

/**
 * Every atlas layer's features in one collection: `layer` it came from, `label`, the name as
 * the text writes it, and what the style filters on (`section` is `related` for a feature only
 * the page's related posts name).
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
          ...(namedOnlyInRelatedPosts(feature.properties) ? { section: 'related' } : {}),
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
      ...withRole(boxOf(basemap.bounds), 'box'),
      ...withRole(basemap.countryLabels, 'label'),
    ],
  };
}

/** The basemap's box, drawn in the sea's colour over the world beneath. */
function boxOf([west, south, east, north]: BasemapData['bounds']): FeatureCollection {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
    ],
  };
}

/** Rough kilometres between two points: enough to tell whether two records are one place. */
function kilometresApart([x1 = 0, y1 = 0]: number[], [x2 = 0, y2 = 0]: number[]): number {
  const dx = (x2 - x1) * Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
  return Math.hypot(dx, y2 - y1) * 111.2;
}

/**
 * The context in one collection, each feature's role in `context`; the towns the atlas already
 * shows as its own settlements (within SAME_PLACE_KM of one) are left out.
 */
export function contextFeatures(
  context: ContextData,
  layers: readonly AtlasLayer[],
): FeatureCollection {
  const places = layers.flatMap((layer) =>
    layer.features.flatMap((feature) =>
      feature.properties.kind === 'settlement' && feature.geometry.type === 'Point'
        ? [feature.geometry.coordinates]
        : [],
    ),
  );
  const isAtlasPlace = (town: Feature) =>
    town.geometry.type === 'Point' &&
    places.some(
      (place) =>
        kilometresApart(place, (town.geometry as { coordinates: number[] }).coordinates) <
        SAME_PLACE_KM,
    );
  const withRole = (features: Feature[], role: ContextRole) =>
    features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, context: role },
    }));
  return {
    type: 'FeatureCollection',
    features: [
      ...withRole(context.world.features, 'world'),
      ...withRole(context.worldLabels.features, 'world-label'),
      ...withRole(context.lakes.features, 'lake'),
      ...withRole(context.rivers.features, 'river'),
      ...withRole(
        context.towns.features.filter((town) => !isAtlasPlace(town)),
        'town',
      ),
    ],
  };
}
