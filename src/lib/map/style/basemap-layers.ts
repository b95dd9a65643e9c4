/** The basemap's style layers: the box's water, the region's land, country lines and labels. */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SOURCE, type BasemapRole } from './features.ts';
import { groupMetadata } from './interaction.ts';
import * as build from './layer-builders.ts';
import { COLOURS } from './theme.ts';

export const BASEMAP_ATTRIBUTION =
  'Basemap: Natural Earth (public domain); towns: GeoNames (CC BY 4.0); rivers and lakes: GSHHG/WDBII (LGPL)';

const roleIs = (role: BasemapRole): ExpressionSpecification => ['==', ['get', 'basemap'], role];

const basemap = build.inSource(BASEMAP_SOURCE, groupMetadata('basemap'));

/** The basemap's areas and lines. */
export function basemapAreaLayers(): LayerSpecification[] {
  return [
    // The box's water, over the coarser world beneath (context-layers.ts).
    build.fill(basemap('basemap-box', roleIs('box')), { colour: COLOURS.sea }),
    build.fill(basemap('basemap-land', roleIs('country')), { colour: COLOURS.land }),
    build.line(basemap('basemap-country-lines', roleIs('country')), {
      colour: COLOURS.countryLine,
      width: 0.8,
    }),
  ];
}

/** The countries' labels, less those the atlas labels itself with the text's spelling. */
export function basemapLabelLayers(labelledByAtlas: readonly string[]): LayerSpecification[] {
  return [
    build.label(
      basemap('basemap-country-labels', [
        'all',
        roleIs('label'),
        ['!', ['in', ['get', 'name'], ['literal', [...labelledByAtlas]]]],
      ]),
      {
        text: ['get', 'name'],
        size: ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 16],
        colour: COLOURS.countryLabel,
        halo: build.GROUND_HALO,
      },
      { 'text-transform': 'uppercase', 'text-letter-spacing': 0.15, 'text-max-width': 8 },
    ),
  ];
}
