/**
 * The highlight of a reader's own features, part of the map's first style: above every layer
 * (imported layers are added just below it), one dark colour whatever the layer's own.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { highlightIs } from './atlas-layers.ts';
import { groupMetadata, HIGHLIGHT_SOURCE } from './interaction.ts';
import { COLOURS } from './theme.ts';

export const geometryIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];

/**
 * The highlight of a reader's own features: above every layer (imported layers are added below
 * it), one dark colour whatever the layer's own.
 */
export function importedHighlightLayers(): LayerSpecification[] {
  const filter = (...types: string[]): FilterSpecification => [
    'all',
    highlightIs('imported'),
    geometryIs(...types),
  ];
  return [
    {
      id: 'highlight-imported-line',
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      metadata: groupMetadata('highlight'),
      filter: filter('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOURS.highlight, 'line-width': 4 },
    },
    {
      id: 'highlight-imported-circle',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      metadata: groupMetadata('highlight'),
      filter: filter('Point', 'MultiPoint'),
      paint: {
        'circle-color': COLOURS.highlight,
        'circle-radius': 6,
        'circle-stroke-color': COLOURS.markerOutline,
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** The first highlight layer of imported features: imported layers go just below it. */
export const IMPORTED_LAYERS_BEFORE = 'highlight-imported-line';
