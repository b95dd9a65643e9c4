/**
 * Finding where a text names a place, and the sentence around each mention.
 */
import { collapseWhiteSpace, findSections, findSentences, type TextRange } from './sentences.ts';

export type Section = 'article' | 'related';

export interface Mention {
  start: number;
  end: number;
  text: string;
  excerptStart: number;
  excerptEnd: number;
  excerpt: string;
  section: Section;
}

export interface PlaceAliases {
  id: string;
  aliases: readonly string[];
}

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015';
const DASH = new RegExp(`[${DASHES}]`);
/** A letter or digit: what a name must not be glued to ("Armenian" is not "Armenia"). */
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

export function aliasRegExp(aliases: readonly string[]): RegExp {
  // Longest first, so that an alias that extends another wins at the same position.
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
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(aliasRegExp(named))) {
    ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

/** The sentence holding `offset`, by binary search over sentences in order. */
function sentenceAt(sentences: readonly TextRange[], offset: number): TextRange | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return undefined;
}

/**
 * The sentence holding the mention; if the mention runs over a sentence break (a name wrapped
 * across two lines of the page furniture, where each line is an item of its own), the sentences
 * from the one where it starts to the one where it ends, so that the excerpt always holds it.
 */
function excerptRange(sentences: readonly TextRange[], mention: TextRange): TextRange {
  const first = sentenceAt(sentences, mention.start) ?? mention;
  if (mention.end <= first.end) return first;
  const last = sentenceAt(sentences, mention.end - 1) ?? mention;
  return { start: first.start, end: Math.max(last.end, mention.end) };
}

export interface DocumentIndex {
  text: string;
  sentences: TextRange[];
  relatedStart: number;
}

export function indexDocument(text: string): DocumentIndex {
  const sections = findSections(text);
  return { text, sentences: findSentences(text, sections), relatedStart: sections.relatedStart };
}

/** Every mention of each place, with its sentence as the excerpt, keyed by place id. */
export function findMentions(
  document: DocumentIndex,
  places: readonly PlaceAliases[],
): Map<string, Mention[]> {
  const mentionsByPlace = new Map<string, Mention[]>();
  // A sentence often names several places: collapse each once.
  const excerpts = new Map<TextRange, string>();
  const excerptOf = (sentence: TextRange) => {
    let excerpt = excerpts.get(sentence);
    if (excerpt === undefined) {
      excerpt = collapseWhiteSpace(document.text.slice(sentence.start, sentence.end));
      excerpts.set(sentence, excerpt);
    }
    return excerpt;
  };
  for (const place of places) {
    const mentions: Mention[] = [];
    for (const range of findAliasRanges(document.text, place.aliases)) {
      const sentence = excerptRange(document.sentences, range);
      mentions.push({
        start: range.start,
        end: range.end,
        text: document.text.slice(range.start, range.end),
        excerptStart: sentence.start,
        excerptEnd: sentence.end,
        excerpt: excerptOf(sentence),
        section: range.start >= document.relatedStart ? 'related' : 'article',
      });
    }
    mentionsByPlace.set(place.id, mentions);
  }
  return mentionsByPlace;
}

export interface ExcerptParts {
  before: string;
  named: string;
  after: string;
}

/**
 * The excerpt in three parts around its mention, for marking the name. Joined, they are the
 * excerpt: the mention starts and ends on a letter, so no run of white space is cut in two.
 */
export function splitExcerpt(text: string, mention: Mention): ExcerptParts {
  const collapse = (part: string) => part.replace(/\s+/g, ' ');
  return {
    before: collapse(text.slice(mention.excerptStart, mention.start)),
    named: collapse(text.slice(mention.start, mention.end)),
    after: collapse(text.slice(mention.end, mention.excerptEnd)),
  };
}
