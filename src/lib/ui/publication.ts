/**
 * What the atlas says about itself on anything it publishes (the map image, the printed page):
 * the document's title, publisher and date, the "as of" date where the page has one, the legend
 * of what is shown, and the credit — the document's citation and the data's sources.
 */
import { documentCitation, formatDate } from '../geo/citation.ts';
import type { MapImageText } from '../map/map-image.ts';
import { MAP_IMAGE_CREDIT } from '../map/map-image.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import { visibleLegend } from './visible-legend.ts';

/**
 * The date the page shows the map at, where it has such a control (issue 17's `asOf`, an ISO
 * date); null where it has none.
 */
export function asOfDate(atlas: AtlasState): string | null {
  const value = (atlas as { asOf?: unknown }).asOf;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function publicationText(atlas: AtlasState): MapImageText {
  const document = atlas.documentLayers[0]?.data.document;
  const asOf = asOfDate(atlas);
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
    asOf: asOf ? `As of ${formatDate(asOf)}: the map shows what held on that date.` : null,
    legend: visibleLegend(atlas.layers, asOf),
    credits: [
      ...(document ? [`Source: ${documentCitation(document)}.`] : []),
      MAP_IMAGE_CREDIT,
      ...readers,
    ],
  };
}
