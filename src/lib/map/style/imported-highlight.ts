/**
 * The highlight of a reader's own features, part of the map's first style: above every layer
 * (imported layers are added just below it), one dark colour whatever the layer's own.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { highlightIs } from './atlas-layers.ts';
import { groupMetadata, HIGHLIGHT_SOURCE } from './interaction.ts';
import * as build from './layer-builders.ts';
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
  const highlight = (id: string, geometry: ExpressionSpecification): build.LayerTarget => ({
    id,
    source: HIGHLIGHT_SOURCE,
    metadata: groupMetadata('highlight'),
    filter: ['all', highlightIs('imported'), geometry],
  });
  const linesAndOutlines = geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon');
  return [
    build.line(highlight('highlight-imported-line', linesAndOutlines), {
      colour: COLOURS.highlight,
      width: 4,
      round: 'joins',
    }),
    build.marker(highlight('highlight-imported-circle', geometryIs('Point', 'MultiPoint')), {
      colour: COLOURS.highlight,
      radius: 6,
    }),
  ];
}

/** The first highlight layer of imported features: imported layers go just below it. */
export const IMPORTED_LAYERS_BEFORE = 'highlight-imported-line';
