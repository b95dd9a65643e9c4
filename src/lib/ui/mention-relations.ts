/**
 * How the document's features share its words: a name inside a longer one (Khankendi inside
 * "Aghdam-Khankendi road"), one mention that stands for two features (the Lachin road's 2023
 * line and its 2020–2022 line), and places the statement never names, only the page's related
 * posts after it. The popup, the places list and the map say so; pure, built once per layers.
 */
import type { AtlasFeature } from '../geo/contract.ts';
import { namedOnlyInRelatedPosts } from '../map/style/features.ts';

export interface LongerName {
  featureId: string;
  /** The longer name as the text writes it there, white space collapsed. */
  text: string;
}

export interface FeatureRelations {
  /** For each of its mentions (by start) inside another feature's longer name: that name. */
  within: ReadonlyMap<number, LongerName>;
  /** The features named inside its own mentions, in the order the text first names them. */
  namedWithin: readonly string[];
  /** The features that share one of its mentions exactly, word for word. */
  sameMention: readonly string[];
  /** Every mention is in the page's related posts, none in the statement itself. */
  relatedOnly: boolean;
}

const NO_RELATIONS: FeatureRelations = {
  within: new Map(),
  namedWithin: [],
  sameMention: [],
  relatedOnly: false,
};

interface Span {
  featureId: string;
  start: number;
  end: number;
  text: string;
}

export function mentionRelations(
  features: readonly AtlasFeature[],
): (featureId: string) => FeatureRelations {
  const spans: Span[] = features.flatMap((feature) =>
    (feature.properties.mentions ?? []).map((mention) => ({
      featureId: feature.id,
      start: mention.start,
      end: mention.end,
      text: mention.text ?? '',
    })),
  );
  // Longest first, so that the first span found around a mention is the longest name there.
  const byLength = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start));
  const strictlyInside = (inner: Span, outer: Span) =>
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start;
  const relations = new Map<string, FeatureRelations>();
  for (const feature of features) {
    const own = spans.filter((span) => span.featureId === feature.id);
    const within = new Map<number, LongerName>();
    for (const span of own) {
      const outer = byLength.find((other) => strictlyInside(span, other));
      if (outer) {
        within.set(span.start, {
          featureId: outer.featureId,
          text: outer.text.replace(/\s+/g, ' ').trim(),
        });
      }
    }
    const inside = spans
      .filter((other) => own.some((span) => strictlyInside(other, span)))
      .sort((a, b) => a.start - b.start);
    const sameMention = spans.filter(
      (other) =>
        other.featureId !== feature.id &&
        own.some((span) => span.start === other.start && span.end === other.end),
    );
    relations.set(feature.id, {
      within,
      namedWithin: unique(inside.map((span) => span.featureId)),
      sameMention: unique(sameMention.map((span) => span.featureId)),
      relatedOnly: namedOnlyInRelatedPosts(feature.properties),
    });
  }
  return (featureId) => relations.get(featureId) ?? NO_RELATIONS;
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * What the popup and the list say of a feature all of whose mentions lie inside longer names:
 * `named within “Aghdam-Khankendi road”`; null when the text names it on its own at least once.
 */
export function onlyWithinNote(feature: AtlasFeature, relations: FeatureRelations): string | null {
  const mentions = feature.properties.mentions ?? [];
  if (mentions.length === 0 || !mentions.every((mention) => relations.within.has(mention.start)))
    return null;
  const names = unique(mentions.map((mention) => relations.within.get(mention.start)!.text));
  return `named within ${names.map((name) => `“${name}”`).join(', ')}`;
}

/** What the popup and the list say of a place only the page's related posts name. */
export const RELATED_ONLY_NOTE = 'named only in the page’s related posts';
