import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import { mentionRelations, onlyWithinNote } from '../../src/lib/ui/mention-relations.ts';

const features: AtlasFeature[] = ['areas', 'borders', 'routes', 'places'].flatMap(
  (layer) =>
    (JSON.parse(readFileSync(`geodata/layers/${layer}.geojson`, 'utf8')) as AtlasLayer).features,
);
const relationsOf = mentionRelations(features);
const feature = (id: string) => features.find((f) => f.id === id)!;

describe('how the document’s features share its words', () => {
  it('finds the places named within the Aghdam-Khankendi road, and that it is their only naming', () => {
    expect(relationsOf('aghdam-khankendi-road').namedWithin).toEqual(['aghdam', 'khankendi']);
    const khankendi = relationsOf('khankendi');
    expect([...khankendi.within.values()].map((name) => name.featureId)).toEqual([
      'aghdam-khankendi-road',
      'aghdam-khankendi-road',
    ]);
    expect(onlyWithinNote(feature('khankendi'), khankendi)).toBe(
      'named within “Aghdam-Khankendi road”',
    );
    expect(onlyWithinNote(feature('yevlakh'), relationsOf('yevlakh'))).toBeNull();
    expect(relationsOf('aghdam-khankendi-road').within.size).toBe(0);
  });

  it('finds the Lachin road’s two lines in the same words, and only them', () => {
    expect(relationsOf('lachin-road').sameMention).toEqual(['lachin-road-2020-2022']);
    expect(relationsOf('lachin-road-2020-2022').sameMention).toEqual(['lachin-road']);
    expect(relationsOf('yevlakh').sameMention).toEqual([]);
  });

  it('tells the places only the page’s related posts name: Shusha, Islamabad, three countries', () => {
    expect(
      features
        .filter((f) => relationsOf(f.id).relatedOnly)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['indonesia', 'islamabad', 'pakistan', 'shusha', 'sri-lanka']);
    // Azerbaijan is named in the related posts too, but in the statement first.
    expect(relationsOf('azerbaijan').relatedOnly).toBe(false);
  });

  it('says so of a name only ever inside longer names, however many', () => {
    const mention = (start: number, end: number, text: string) => ({
      start,
      end,
      text,
      excerptStart: 0,
      excerptEnd: 0,
      excerpt: '',
      section: 'article' as const,
    });
    const made = (id: string, mentions: ReturnType<typeof mention>[]) =>
      ({ id, properties: { name: id, mentions } }) as unknown as AtlasFeature;
    const town = made('town', [mention(0, 4, 'Town'), mention(20, 24, 'Town')]);
    const made2 = [
      town,
      made('road', [mention(0, 9, 'Town road')]),
      made('bridge', [mention(20, 31, 'Town bridge')]),
    ];
    const relations = mentionRelations(made2);
    expect(onlyWithinNote(town, relations('town'))).toBe('named within “Town road”, “Town bridge”');
    expect(relations('unknown').namedWithin).toEqual([]);
  });
});
