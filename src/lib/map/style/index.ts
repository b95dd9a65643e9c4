/**
 * The map's style, built by a pure function from the data it draws. No glyphs, sprite or tile
 * URLs: every source is inline GeoJSON and labels are drawn with the page's own fonts.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AtlasLayer } from '../../geo/contract.ts';
import { atlasLayers } from './atlas-layers.ts';
import { BASEMAP_ATTRIBUTION, basemapAreaLayers, basemapLabelLayers } from './basemap-layers.ts';
import {
  contextLabelLayers,
  waterLayers,
  worldLabelLayers,
  worldLayers,
} from './context-layers.ts';
import {
  ATLAS_SOURCE,
  BASEMAP_SOURCE,
  CONTEXT_SOURCE,
  basemapFeatures,
  mapFeatures,
  type BasemapData,
} from './features.ts';
import { importedHighlightLayers } from './imported-highlight.ts';
import { HIGHLIGHT_SOURCE, hiddenUntilHighlighted } from './interaction.ts';

export interface StyleInput {
  basemap: BasemapData;
  layers: readonly AtlasLayer[];
  /** The document's features not drawn (outside the as-of date, or hidden by the reader). */
  hiddenFeatureIds?: readonly string[];
}

export function buildAtlasStyle({
  basemap,
  layers,
  hiddenFeatureIds = [],
}: StyleInput): StyleSpecification {
  const atlas = atlasLayers(
    layers.find((l) => l.layer === 'routes'),
    hiddenFeatureIds,
  );
  // The context's labels go over the routes' labels (each route repeats its label along the
  // line, and gives way where a town is) and under the document's areas and places.
  const areaLabels = atlas.findIndex((layer) => layer.id.startsWith('areas-label'));
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
      [CONTEXT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [ATLAS_SOURCE]: { type: 'geojson', data: mapFeatures(layers), promoteId: 'atlasId' },
      [HIGHLIGHT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      ...worldLayers(),
      ...basemapAreaLayers(),
      ...waterLayers(),
      ...worldLabelLayers(),
      ...basemapLabelLayers(countriesNamedByText),
      ...atlas.slice(0, areaLabels),
      ...contextLabelLayers(),
      ...atlas.slice(areaLabels),
      ...importedHighlightLayers(),
    ].map(hiddenUntilHighlighted),
  };
}
