/**
 * A built layer as the page embeds it: each mention without its `text` and `excerpt`, which are
 * slices of the document the page holds anyway (`text` exactly, `excerpt` with white space
 * collapsed), restored when the page starts. The layer files keep them, as the contract says;
 * only the page's bundle, downloaded by every reader, leaves them out.
 */
import type { Mention } from '../text/mentions.ts';
import { collapseWhiteSpace } from '../text/sentences.ts';
import type { AtlasFeature, AtlasLayer } from './contract.ts';

export type EmbeddedMention = Omit<Mention, 'text' | 'excerpt'>;

export interface EmbeddedLayer extends Omit<AtlasLayer, 'features'> {
  features: (Omit<AtlasFeature, 'properties'> & {
    properties: Omit<AtlasFeature['properties'], 'mentions'> & { mentions: EmbeddedMention[] };
  })[];
}

export function embedLayer(layer: AtlasLayer): EmbeddedLayer {
  return {
    ...layer,
    features: layer.features.map((feature) => ({
      ...feature,
      properties: {
        ...feature.properties,
        mentions: feature.properties.mentions.map(
          ({ text: _text, excerpt: _excerpt, ...kept }) => kept,
        ),
      },
    })),
  };
}

/** The layer as built, its mentions' text and excerpts cut again from the document. */
export function restoreLayer(embedded: EmbeddedLayer, documentText: string): AtlasLayer {
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
      },
    })),
  };
}
