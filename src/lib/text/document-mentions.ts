/**
 * The document's mentions (the build: `npm run geodata`): every place of the hand-curated
 * gazetteer, found by its aliases wherever the text writes them — any hyphen or dash for any
 * other, any run of white space for any other, never glued to a letter or digit ("Armenian" is
 * not Armenia) — with the sentence around each (mentions.ts). A document of some thousands of
 * characters and a few dozen aliases: one pattern per place does.
 */
import { MentionMaker, type Mention } from './mentions.ts';
import type { TextRange } from './sentences.ts';

export interface PlaceAliases {
  id: string;
  aliases: readonly string[];
}

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015';
const DASH = new RegExp(`[${DASHES}]`);
/** A letter or digit: what a name must not be glued to. */
const WORD_CHARACTER = '[\\p{L}\\p{N}]';

function escapeForRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for one alias in which any hyphen or dash matches any other, and any run of white
 * space between words (a line break, a no-break space) matches any other.
 */
export function aliasPattern(alias: string): string {
  const words = alias.trim().split(/\s+/);
  return words
    .map((word) => word.split(DASH).map(escapeForRegExp).join(`\\s*[${DASHES}]\\s*`))
    .join('\\s+');
}

/** The aliases' matches: longest alias first, so one that extends another wins where both start. */
export function aliasRegExp(aliases: readonly string[]): RegExp {
  const alternatives = [...aliases].sort((a, b) => b.length - a.length).map(aliasPattern);
  return new RegExp(
    `(?<!${WORD_CHARACTER})(?:${alternatives.join('|')})(?!${WORD_CHARACTER})`,
    'gu',
  );
}

/** Every occurrence of any of the aliases, as [start, end) ranges in text order. */
export function findAliasRanges(text: string, aliases: readonly string[]): TextRange[] {
  // A blank alias would be an empty pattern, which matches everywhere between words.
  const named = aliases.filter((alias) => alias.trim() !== '');
  if (named.length === 0) return [];
  return [...text.matchAll(aliasRegExp(named))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Every mention of each place, with its sentence as the excerpt, keyed by place id. */
export function findMentions(
  text: string,
  places: readonly PlaceAliases[],
): Map<string, Mention[]> {
  const found = places.flatMap((place, index) =>
    findAliasRanges(text, place.aliases).map((range) => ({ ...range, index })),
  );
  // In text order, so that the maker segments each line once.
  found.sort((a, b) => a.start - b.start || a.index - b.index);
  const maker = new MentionMaker(text);
  const mentionsOfPlace = places.map((): Mention[] => []);
  for (const { start, end, index } of found)
    mentionsOfPlace[index]!.push(maker.mention(start, end));
  return new Map(places.map((place, index) => [place.id, mentionsOfPlace[index]!]));
}
