/**
 * The features the place finder returns: the data contract's shape for "places found in any
 * text" (shared/design/data-contract.md) — `certainty` "suggested", the `gazetteer` record a point
 * comes from, and the `candidates` the name could also mean.
 */
import type { LineString, Point } from 'geojson';
import type { Source, VariantName } from '../geo/contract.ts';
import type { Mention } from '../text/mentions.ts';

export type FoundKind = 'route' | 'settlement' | 'region' | 'country' | 'water' | 'other';

export interface GazetteerReference {
  name: string;
  id: string;
  url: string;
}

export interface Candidate {
  /** The record's id in its gazetteer (`gazetteer`): a GeoNames id, an ISO code, ... */
  id: string;
  gazetteer: string;
  name: string;
  country: string;
  population: number;
  coordinates: [number, number];
  /** The finder's score: the best is chosen (see README, "Reading any text"). */
  score: number;
}

export interface FoundProperties {
  name: string;
  kind: FoundKind;
  variants: VariantName[];
  geometryQuality: 'gazetteer' | 'schematic';
  geometryNote: string;
  waypoints?: string[];
  lengthKm?: number;
  mentions: Mention[];
  sources: Source[];
  certainty: 'suggested';
  gazetteer?: GazetteerReference;
  candidates?: Candidate[];
}

export interface FoundFeature {
  type: 'Feature';
  id: string;
  geometry: Point | LineString;
  properties: FoundProperties;
}
