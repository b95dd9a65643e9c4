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
import { PICK_ORDER, type AtlasLayerMetadata } from './interaction.ts';
import { COLOURS, DASHES, LABEL_FONT } from './theme.ts';

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
  const metadata: AtlasLayerMetadata = {
    'atlas:group': sourceId,
    'atlas:pick': PICK_ORDER.imported,
  };
  const lines = geometryIs('LineString');
  const points = geometryIs('Point');
  return [
    {
      id: `${sourceId}-line-suggested`,
      type: 'line',
      source: sourceId,
      metadata,
      filter: ['all', lines, certaintyIs('suggested')],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': colour,
        'line-width': 2.5,
        'line-dasharray': [...SUGGESTED_ROUTE_DASHES],
      },
    },
    {
      id: `${sourceId}-line-confirmed`,
      type: 'line',
      source: sourceId,
      metadata,
      filter: ['all', lines, certaintyIs('confirmed')],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': 3.5, 'line-dasharray': [...DASHES.schematic] },
    },
    {
      id: `${sourceId}-suggested`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: ['all', points, certaintyIs('suggested')],
      paint: {
        'circle-color': COLOURS.markerInner,
        'circle-radius': 5,
        'circle-stroke-color': colour,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: `${sourceId}-confirmed`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: ['all', points, certaintyIs('confirmed')],
      paint: {
        'circle-color': colour,
        'circle-radius': 6,
        'circle-stroke-color': COLOURS.markerOutline,
        'circle-stroke-width': 2,
      },
    },
    {
      id: `${sourceId}-label`,
      type: 'symbol',
      source: sourceId,
      metadata: { 'atlas:group': sourceId },
      filter: points,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [0.8, 0],
        'text-optional': true,
      },
      paint: { 'text-color': colour, 'text-halo-color': COLOURS.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}
