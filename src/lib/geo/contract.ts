/**
 * The GeoJSON shape Passage Atlas builds, shows and exports (shared/design/data-contract.md).
 */
import type { Geometry } from 'geojson';
import type { Mention } from '../text/mentions.ts';

export const FEATURE_KINDS = [
  'route',
  'settlement',
  'checkpoint',
  'region',
  'country',
  'border',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const GEOMETRY_QUALITIES = ['surveyed', 'schematic', 'approximate'] as const;
export type GeometryQuality = (typeof GEOMETRY_QUALITIES)[number];

export interface Source {
  title: string;
  url: string;
}

export interface VariantName {
  name: string;
  lang?: string;
}

export interface AtlasProperties {
  name: string;
  kind: FeatureKind;
  variants: VariantName[];
  geometryQuality: GeometryQuality;
  geometryNote: string;
  waypoints?: string[];
  lengthKm?: number;
  validFrom?: string;
  validTo?: string;
  mentions: Mention[];
  sources: Source[];
  /**
   * The document's citation as one line of text (publisher, title, date, address), so that a
   * tool that reads only the features (QGIS, GDAL) keeps the attribution. On every feature of
   * a layer with a document; the export writes it from the layer's `document`.
   */
  citation?: string;
}

export interface AtlasFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: AtlasProperties;
}

/**
 * What a reader needs to cite the document a layer comes from, in the contract's key order.
 * `published` is an ISO date, or as much of one as is known ("2023-08", "2023"); `publisher`,
 * `published` and `url` are left out where not known.
 */
export interface DocumentReference {
  title: string;
  publisher?: string;
  published?: string;
  url?: string;
  file: string;
  sha256: string;
}

export interface AtlasLayer {
  type: 'FeatureCollection';
  layer: string;
  document: DocumentReference;
  features: AtlasFeature[];
}

/** The layers the build writes, in the order the map stacks and the panel lists them. */
export const LAYER_NAMES = ['areas', 'borders', 'routes', 'places'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** The name that asks for every layer at once (in exports, and in no layer's own name). */
export const ALL_LAYERS = 'all';

/** The `layer` member of a file of only the layers the reader has switched on. */
export const VISIBLE_LAYERS = 'visible';

/** At most six decimals (~0.1 m), as the contract asks. */
export const COORDINATE_DECIMALS = 6;
