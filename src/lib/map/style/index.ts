/**
 * The map's style, built by a pure function from the data it draws. No glyphs, sprite or tile
 * URLs: every source is inline GeoJSON and labels are drawn with the page's own fonts.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AtlasLayer } from '../../geo/contract.ts';
import { atlasLayers } from './atlas-layers.ts';
import { BASEMAP_ATTRIBUTION, basemapLayers } from './basemap-layers.ts';
import {
  ATLAS_SOURCE,
  BASEMAP_SOURCE,
  basemapFeatures,
  mapFeatures,
  type BasemapData,
} from './features.ts';
import { importedHighlightLayers } from './imported-highlight.ts';
import { HIGHLIGHT_SOURCE, hiddenUntilHighlighted } from './interaction.ts';

export interface StyleInput {
  basemap: BasemapData;
  layers: readonly AtlasLayer[];
}

export function buildAtlasStyle({ basemap, layers }: StyleInput): StyleSpecification {
  const countriesNamedByText = layers.flatMap((layer) =>
    layer.features.filter((f) => f.properties.kind === 'country').map((f) => f.properties.name),
  );
  return {
    version: 8,
    name: 'Passage Atlas',
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'geojson',
        data: basemapFeatures(basemap),
        attribution: BASEMAP_ATTRIBUTION,
      },
      [ATLAS_SOURCE]: { type: 'geojson', data: mapFeatures(layers), promoteId: 'atlasId' },
      [HIGHLIGHT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      ...basemapLayers(countriesNamedByText),
      ...atlasLayers(layers.find((l) => l.layer === 'routes')),
      ...importedHighlightLayers(),
    ].map(hiddenUntilHighlighted),
  };
}
