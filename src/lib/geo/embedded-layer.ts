/**
 * A built layer as the page embeds it: each mention without its `text` and `excerpt`, which are
 * slices of the document the page holds anyway (`text` exactly, `excerpt` with white space
 * collapsed), and each feature without its `citation`, which the layer's `document` gives;
 * all restored when the page starts. The layer files keep them, as the contract says; only the
 * page's bundle, downloaded by every reader, leaves them out.
 */
import type { Mention } from '../text/mentions.ts';
import { collapseWhiteSpace } from '../text/sentences.ts';
import { documentCitation } from './citation.ts';
import type { AtlasFeature, AtlasLayer } from './contract.ts';

export type EmbeddedMention = Omit<Mention, 'text' | 'excerpt'>;

export interface EmbeddedLayer extends Omit<AtlasLayer, 'features'> {
  features: (Omit<AtlasFeature, 'properties'> & {
    properties: Omit<AtlasFeature['properties'], 'mentions' | 'citation'> & {
      mentions: EmbeddedMention[];
    };
  })[];
}

function withoutCitation({
  citation: _citation,
  ...properties
}: AtlasFeature['properties']): EmbeddedLayer['features'][number]['properties'] {
  return {
    ...properties,
    mentions: properties.mentions.map(({ text: _text, excerpt: _excerpt, ...kept }) => kept),
  };
}

export function embedLayer(layer: AtlasLayer): EmbeddedLayer {
  return {
    ...layer,
    features: layer.features.map((feature) => ({
      ...feature,
      properties: withoutCitation(feature.properties),
    })),
  };
}

/**
 * The layer as built: its mentions' text and excerpts cut again from the document, its features'
 * citation written again from the layer's `document`.
 */
export function restoreLayer(embedded: EmbeddedLayer, documentText: string): AtlasLayer {
  const citation = documentCitation(embedded.document);
  return {
    ...embedded,
    features: embedded.features.map((feature) => ({
      ...feature,
      properties: {
        ...feature.properties,
        // In the contract's key order.
        mentions: feature.properties.mentions.map((mention) => ({
          start: mention.start,
          end: mention.end,
          text: documentText.slice(mention.start, mention.end),
          excerptStart: mention.excerptStart,
          excerptEnd: mention.excerptEnd,
          excerpt: collapseWhiteSpace(documentText.slice(mention.excerptStart, mention.excerptEnd)),
          section: mention.section,
        })),
        citation,
      },
    })),
  };
}
