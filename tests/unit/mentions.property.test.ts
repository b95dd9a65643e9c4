/**
 * Property tests of alias finding: on generated texts in which the aliases sit at known places,
 * written with whatever dashes and white space a page may use, every one is found where it is,
 * and nothing else is; and of mention finding, against a slow and straightforward reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  findAliasRanges,
  findMentions,
  type PlaceAliases,
} from '../../src/lib/text/document-mentions.ts';
import { SentenceFinder, type TextRange } from '../../src/lib/text/sentences.ts';
import { referenceMentions, referenceSentences } from './text-reference.ts';

/** Aliases like the gazetteer's: one word, several words, a hyphen, lower case. None holds another. */
const ALIASES = [
  'Armenia',
  'Yevlakh',
  'Lachin road',
  'Garabagh region',
  'Aghdam-Khankendi road',
  'border check-point',
  'Russian Federation',
] as const;

/** Letters none of the aliases contains, so filler can never spell one. */
const FILLER_LETTERS = [...'fjqswxzFJQSWXZ'];
const fillerWord = fc.string({
  unit: fc.constantFrom(...FILLER_LETTERS),
  minLength: 1,
  maxLength: 9,
});

/** What a page may put between two words of a name. */
const WORD_SEPARATORS = [' ', '\n', '\u00a0', '  ', ' \n', '\n ', ' \u00a0 '];
/** What a page may use for a name's hyphen: any dash, perhaps spaced, perhaps wrapped after it. */
const DASHES = ['-', '\u2010', '\u2013', '\u2014'].flatMap((dash) => [
  dash,
  `${dash}\n`,
  ` ${dash} `,
]);
/** What may stand between two tokens of running text (never a letter or a digit). */
const TOKEN_SEPARATORS = [' ', ', ', '. ', '; ', ' (', ') ', '\n', '\n\n', '? ', ': ', ' “', '” '];

/** An alias as a page may write it. */
const writtenAlias = (alias: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...WORD_SEPARATORS), { minLength: 4, maxLength: 4 }),
      fc.array(fc.constantFrom(...DASHES), { minLength: 4, maxLength: 4 }),
    )
    .map(([separators, dashes]) => {
      let wordIndex = 0;
      let dashIndex = 0;
      return alias
        .replace(/ /g, () => separators[wordIndex++ % separators.length]!)
        .replace(/-/g, () => dashes[dashIndex++ % dashes.length]!);
    });

type Token = { kind: 'filler'; text: string } | { kind: 'alias'; alias: string; text: string };

const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 3, arbitrary: fillerWord.map((text): Token => ({ kind: 'filler', text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...ALIASES)
      .chain((alias) => writtenAlias(alias).map((text): Token => ({ kind: 'alias', alias, text }))),
  },
);

interface Generated {
  text: string;
  /** Where each alias was put, in text order. */
  placed: { alias: string; range: TextRange }[];
}

const generatedText: fc.Arbitrary<Generated> = fc
  .array(fc.tuple(token, fc.constantFrom(...TOKEN_SEPARATORS)), { minLength: 1, maxLength: 40 })
  .map((pairs) => {
    let text = '';
    const placed: Generated['placed'] = [];
    for (const [item, separator] of pairs) {
      if (item.kind === 'alias') {
        placed.push({
          alias: item.alias,
          range: { start: text.length, end: text.length + item.text.length },
        });
      }
      text += item.text + separator;
    }
    return { text, placed };
  });

describe('findAliasRanges on generated text', () => {
  it('finds every alias where it was put, with exact offsets, and nothing else', () => {
    fc.assert(
      fc.property(generatedText, ({ text, placed }) => {
        for (const alias of ALIASES) {
          const expected = placed.filter((p) => p.alias === alias).map((p) => p.range);
          expect(findAliasRanges(text, [alias])).toEqual(expected);
        }
        expect(findAliasRanges(text, ALIASES)).toEqual(placed.map((p) => p.range));
      }),
      { numRuns: 300 },
    );
  });

  it('never finds an alias glued to letters or digits ("Armenian", "XArmenia")', () => {
    const glue = fc.constantFrom('n', 'X', 'x', '9', 'ä', 'ж', 'ə', '\u00e9');
    const gluedAlias = fc
      .tuple(fc.constantFrom('Armenia', 'Aghdam-Khankendi road'), glue, fc.boolean())
      .map(([alias, letter, before]) => (before ? letter + alias : alias + letter));
    const tokens = fc.array(
      fc.tuple(
        fc.oneof(
          fillerWord.map((text) => ({ text, standalone: false })),
          gluedAlias.map((text) => ({ text, standalone: false })),
          fc
            .constantFrom('Armenia', 'Aghdam-Khankendi road')
            .map((text) => ({ text, standalone: true })),
        ),
        fc.constantFrom(...TOKEN_SEPARATORS),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(tokens, (pairs) => {
        let text = '';
        const expected: Record<string, TextRange[]> = { Armenia: [], 'Aghdam-Khankendi road': [] };
        for (const [{ text: written, standalone }, separator] of pairs) {
          if (standalone)
            expected[written]!.push({ start: text.length, end: text.length + written.length });
          text += written + separator;
        }
        for (const alias of ['Armenia', 'Aghdam-Khankendi road']) {
          expect(findAliasRanges(text, [alias])).toEqual(expected[alias]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing for an empty list of aliases or a blank alias', () => {
    fc.assert(
      fc.property(generatedText, ({ text }) => {
        expect(findAliasRanges(text, [])).toEqual([]);
        expect(findAliasRanges(text, ['', '  '])).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('findMentions on generated text', () => {
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('gives each mention an excerpt that holds it and is the collapsed slice of its range', () => {
    fc.assert(
      fc.property(generatedText, ({ text, placed }) => {
        const places = ALIASES.map((alias) => ({ id: alias, aliases: [alias] }));
        const mentions = [...findMentions(text, places).values()].flat();
        expect(mentions).toHaveLength(placed.length);
        for (const mention of mentions) {
          expect(mention.text).toBe(text.slice(mention.start, mention.end));
          expect(mention.excerptStart).toBeLessThanOrEqual(mention.start);
          expect(mention.end).toBeLessThanOrEqual(mention.excerptEnd);
          expect(mention.excerpt).toBe(
            collapse(text.slice(mention.excerptStart, mention.excerptEnd)),
          );
          expect(mention.excerpt).toContain(collapse(mention.text));
          expect(mention.section).toBe('article');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the excerpt around a name wrapped across lines of the page furniture', () => {
    fc.assert(
      fc.property(
        generatedText,
        generatedText,
        ({ text: article }, { text: furniture, placed }) => {
          const heading = 'Related posts\n';
          const text = `${article}\n\n${heading}${furniture}`;
          const furnitureStart = article.length + 2 + heading.length;
          const places = ALIASES.map((alias) => ({ id: alias, aliases: [alias] }));
          const mentions = [...findMentions(text, places).values()]
            .flat()
            .filter((mention) => mention.start >= furnitureStart);
          expect(mentions).toHaveLength(placed.length);
          for (const mention of mentions) {
            expect(mention.section).toBe('related');
            expect(mention.excerptStart).toBeLessThanOrEqual(mention.start);
            expect(mention.end).toBeLessThanOrEqual(mention.excerptEnd);
            expect(mention.excerpt).toContain(collapse(mention.text));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Pieces of page text for comparing with the reference: names nested in others and glued to
 * letters and digits (astral ones too), every kind of dash and white space, what ends a sentence
 * and what only looks as if it did, blank lines, lower-case paragraphs, badges and furniture.
 */
const PAGE_PIECES = [
  'Aghdam',
  'Khankendi',
  'Aghdam-Khankendi road',
  'Aghdam\u2013\nKhankendi\u00a0road',
  'Lachin',
  'Lachin road',
  'Lachin\nroad',
  'border check-point',
  'border\ncheck \u2014 point',
  'checkpoint',
  'Baku',
  'Bakuä',
  'xBaku',
  '9Baku',
  'Baku𝐀',
  '𝐀',
  '𝟗',
  'ж',
  ' road',
  '-',
  '\u2013',
  '-point',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '\n',
  '\n\n',
  ' \n \n',
  'the ',
  'and so ',
  '.',
  '. ',
  '? ',
  '! ',
  'etc. ',
  'U.S. ',
  '3.5 ',
  '\u2026 ',
  '\u3002',
  '\ud804\udc47',
  '“',
  '” ',
  '’s ',
  ')',
  ' (',
  '\r',
  '\u2028',
  '\n4 Mins read\n',
  '1 Min read',
  '\nRelated posts\n',
];

/** Places like the gazetteer's, and some that it does not have but could. */
const PLACES: PlaceAliases[] = [
  { id: 'aghdam-khankendi-road', aliases: ['Aghdam-Khankendi road'] },
  { id: 'khankendi', aliases: ['Khankendi'] },
  { id: 'aghdam', aliases: ['Aghdam'] },
  { id: 'lachin-road', aliases: ['Lachin road'] },
  { id: 'lachin-road-2020-2022', aliases: ['Lachin road'] },
  { id: 'checkpoint', aliases: ['border check-point', 'checkpoint'] },
  { id: 'baku', aliases: ['', 'Baku', '  '] },
  { id: 'unnamed', aliases: [] },
  { id: 'starting-with-a-dash', aliases: ['-point', 'Lachin'] },
  { id: 'ending-with-a-dash', aliases: ['road-'] },
  { id: 'astral', aliases: ['𝐀'] },
];

const pageText = (maxPieces: number) =>
  fc
    .array(fc.constantFrom(...PAGE_PIECES), { minLength: 1, maxLength: maxPieces })
    .map((pieces) => pieces.join(''));

const mentionsOf = (text: string, places: readonly PlaceAliases[] = PLACES) => [
  ...findMentions(text, places).entries(),
];

describe('findMentions against the reference (the whole copy segmented in one pass)', () => {
  it('finds the same mentions, ranges, excerpts and sections, byte for byte', () => {
    fc.assert(
      fc.property(pageText(60), (text) => {
        expect(mentionsOf(text)).toEqual([...referenceMentions(text, PLACES).entries()]);
      }),
      { numRuns: 600 },
    );
  });

  it('finds the sentence holding any offset, asked in any order', () => {
    fc.assert(
      fc.property(
        pageText(60).chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.array(fc.nat({ max: text.length - 1 }), { maxLength: 20 }),
          ),
        ),
        ([text, offsets]) => {
          const expected = referenceSentences(text);
          const sentences = new SentenceFinder(text);
          for (const offset of offsets) {
            const holding = expected.find((s) => s.start <= offset && offset < s.end);
            const found = sentences.find(offset)
              ? { start: sentences.start, end: sentences.end }
              : undefined;
            expect(found, `at ${offset}`).toEqual(holding);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
