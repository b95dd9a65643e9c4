/**
 * The places found in a reader's text on the map, in the text's own colour: a suggestion (the
 * finder's, not yet checked) as a hollow ring and a thin dotted line, a place the reader
 * confirmed as a filled dot and a dashed line (every route the finder draws is schematic), each
 * labelled with the name as the text writes it. Every paint property is constant: each layer
 * type needs one shader program (see interaction.ts). Loaded with the first text.
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { TextFeature } from '../../texts/review.ts';
import { geometryIs } from './imported-highlight.ts';
import { groupMetadata, PICK_ORDER } from './interaction.ts';
import * as build from './layer-builders.ts';
import { COLOURS, DASHES } from './theme.ts';

/** The dots of a suggested route: it is no drawn line until a person says so. */
export const SUGGESTED_ROUTE_DASHES = [1, 2] as const;

/** What the map needs of each place: its id, the name the text writes, its certainty. */
export function textMapFeatures(features: readonly TextFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        featureId: feature.id,
        label: feature.properties.name,
        certainty: feature.properties.certainty,
      },
    })),
  };
}

/** A text's map source: its places inline, known by their own ids. */
export function textSource(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'featureId' };
}

const certaintyIs = (certainty: 'suggested' | 'confirmed'): ExpressionSpecification => [
  '==',
  ['get', 'certainty'],
  certainty,
];

/** A text's style layers, in the colour the layer has. */
export function textLayerStyle(sourceId: string, colour: string): LayerSpecification[] {
  const lines = geometryIs('LineString');
  const points = geometryIs('Point');
  const picked = build.inSource(sourceId, groupMetadata(sourceId, PICK_ORDER.imported));
  return [
    build.line(picked(`${sourceId}-line-suggested`, ['all', lines, certaintyIs('suggested')]), {
      colour,
      width: 2.5,
      dashes: SUGGESTED_ROUTE_DASHES,
      round: 'joins',
    }),
    build.line(picked(`${sourceId}-line-confirmed`, ['all', lines, certaintyIs('confirmed')]), {
      colour,
      width: 3.5,
      dashes: DASHES.schematic,
      round: 'joins',
    }),
    build.marker(picked(`${sourceId}-suggested`, ['all', points, certaintyIs('suggested')]), {
      colour: COLOURS.markerInner,
      radius: 5,
      ring: { colour, width: 2.5 },
    }),
    build.marker(picked(`${sourceId}-confirmed`, ['all', points, certaintyIs('confirmed')]), {
      colour,
      radius: 6,
    }),
    build.label(
      build.inSource(sourceId, groupMetadata(sourceId))(`${sourceId}-label`, points),
      { text: ['get', 'label'], size: 12, colour, halo: build.labelHalo(1.5) },
      build.besidePoint(0.8),
    ),
  ];
}
