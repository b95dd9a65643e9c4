/** The basemap's style layers: land, the world beyond the box, country lines and labels. */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SOURCE, type BasemapRole } from './features.ts';
import { groupMetadata } from './interaction.ts';
import { COLOURS, LABEL_FONT } from './theme.ts';

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain)';

const roleIs = (role: BasemapRole): ExpressionSpecification => ['==', ['get', 'basemap'], role];

/** The basemap, less the labels of countries the atlas labels itself with the text's spelling. */
export function basemapLayers(labelledByAtlas: readonly string[]): LayerSpecification[] {
  const metadata = groupMetadata('basemap');
  // The sea is the container's colour (MAP_BACKGROUND). The fills need no antialiasing: every
  // edge of the land is stroked by the country lines, and the box's edges are straight.
  return [
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('country'),
      paint: { 'fill-color': COLOURS.land, 'fill-antialias': false },
    },
    {
      // Beyond the basemap's box there is no data: neither land nor sea.
      id: 'basemap-outside',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('outside'),
      paint: { 'fill-color': COLOURS.background, 'fill-antialias': false },
    },
    {
      id: 'basemap-country-lines',
      type: 'line',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('country'),
      paint: { 'line-color': COLOURS.countryLine, 'line-width': 0.8 },
    },
    {
      id: 'basemap-country-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      metadata,
      filter: [
        'all',
        roleIs('label'),
        ['!', ['in', ['get', 'name'], ['literal', [...labelledByAtlas]]]],
      ],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 16],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.15,
        'text-max-width': 8,
      },
      paint: {
        'text-color': COLOURS.countryLabel,
        'text-halo-color': COLOURS.land,
        'text-halo-width': 1.2,
      },
    },
  ];
}
