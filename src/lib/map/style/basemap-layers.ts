/** The basemap's style layers: the box's water, the region's land, country lines and labels. */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SOURCE, type BasemapRole } from './features.ts';
import { groupMetadata } from './interaction.ts';
import { COLOURS, LABEL_FONT } from './theme.ts';

export const BASEMAP_ATTRIBUTION =
  'Basemap: Natural Earth (public domain); towns: GeoNames (CC BY 4.0); rivers and lakes: GSHHG/WDBII (LGPL)';

const roleIs = (role: BasemapRole): ExpressionSpecification => ['==', ['get', 'basemap'], role];

const metadata = groupMetadata('basemap');

/** The basemap's areas and lines. */
export function basemapAreaLayers(): LayerSpecification[] {
  // The fills need no antialiasing: every edge of the land is stroked by the country lines, and
  // the box's edges are straight.
  return [
    {
      // The box's water, over the coarser world beneath (context-layers.ts).
      id: 'basemap-box',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('box'),
      paint: { 'fill-color': COLOURS.sea, 'fill-antialias': false },
    },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('country'),
      paint: { 'fill-color': COLOURS.land, 'fill-antialias': false },
    },
    {
      id: 'basemap-country-lines',
      type: 'line',
      source: BASEMAP_SOURCE,
      metadata,
      filter: roleIs('country'),
      paint: { 'line-color': COLOURS.countryLine, 'line-width': 0.8 },
    },
  ];
}

/** The countries' labels, less those the atlas labels itself with the text's spelling. */
export function basemapLabelLayers(labelledByAtlas: readonly string[]): LayerSpecification[] {
  return [
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
