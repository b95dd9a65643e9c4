/**
 * What the atlas says about itself on anything it publishes (the map image, the printed page):
 * the document's title, publisher and date, the "as of" date the map shows, the legend
 * of what is shown, and the credit — the document's citation and the data's sources.
 */
import { documentCitation, formatDate } from '../geo/citation.ts';
import type { MapImageText } from '../map/map-image.ts';
import { MAP_IMAGE_CREDIT } from '../map/map-image.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import { visibleLegend } from './visible-legend.ts';

export function publicationText(atlas: AtlasState): MapImageText {
  const document = atlas.documentLayers[0]?.data.document;
  const readers = atlas.importedLayers
    .filter((layer) => layer.visible)
    .map((layer) => `“${layer.name}”: a layer the reader added, not from the document.`);
  return {
    title: document?.title ?? 'Passage Atlas',
    subtitle: document
      ? [
          document.publisher,
          document.published ? formatDate(document.published) : 'date not established',
        ]
          .filter(Boolean)
          .join(', ')
      : '',
    asOf: atlas.asOf
      ? `As of ${formatDate(atlas.asOf)}: the map shows what held on that date.`
      : null,
    legend: visibleLegend(atlas.layers, (featureId) => atlas.isShown(featureId)),
    credits: [
      ...(document ? [`Source: ${documentCitation(document)}.`] : []),
      MAP_IMAGE_CREDIT,
      ...readers,
    ],
  };
}
