/**
 * Finding a place's aliases in a text: any hyphen or dash for any other, any run of white space
 * for any other, and never glued to a letter or digit.
 */
import { characterTest, codePointAt, codePointBefore } from './characters.ts';
import type { TextRange } from './sentences.ts';

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015';
const DASH = /* @__PURE__ */ new RegExp(`[${DASHES}]`);
/** A letter or digit: what a name must not be glued to ("Armenian" is not "Armenia"). */
const WORD_CHARACTER = '[\\p{L}\\p{N}]';
const isWordCharacter = characterTest(/* @__PURE__ */ new RegExp(WORD_CHARACTER, 'u'));

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

/** The aliases' patterns as one group, longest alias first. */
function aliasAlternatives(aliases: readonly string[]): string {
  // Longest first, so that an alias that extends another wins at the same position.
  const alternatives = [...aliases].sort((a, b) => b.length - a.length).map(aliasPattern);
  return `(?:${alternatives.join('|')})`;
}

/** The definition of the aliases' matches: what `AliasMatcher` finds, faster. */
export function aliasRegExp(aliases: readonly string[]): RegExp {
  return new RegExp(
    `(?<!${WORD_CHARACTER})${aliasAlternatives(aliases)}(?!${WORD_CHARACTER})`,
    'gu',
  );
}

/**
 * The text that every match of the alias starts with: its first word up to a dash; '' if there is
 * none to look for (it starts with a dash) or it starts inside a surrogate pair.
 */
function literalStart(alias: string): string {
  const start = alias.trim().split(/\s+/)[0]!.split(DASH)[0]!;
  return /^[\ud800-\udfff]/.test(start) ? '' : start;
}

/**
 * A list of aliases' matches in a block of text: start, end, start, end, ... in text order, in
 * `offsets` up to `length` (the array is kept from block to block, not to grow it again).
 */
export interface BlockMatches {
  readonly offsets: readonly number[];
  readonly length: number;
}

/**
 * The matches of one list of aliases, exactly `aliasRegExp`'s, found a block of text at a time.
 * A match can only start where an alias's literal start is, and `indexOf` finds those several
 * times faster than the pattern scans the text: the pattern (without its look-behind, a test of
 * the code point before) is tried only there.
 */
class AliasMatcher implements BlockMatches {
  readonly offsets: number[] = [];
  length = 0;
  /** The literal starts to look for; none if an alias has none, and the pattern scans the text. */
  readonly #literalStarts: readonly string[];
  /** Where each literal start is next found in the block, or -1. */
  readonly #nextAt: number[];
  readonly #pattern: RegExp;
  /**
   * When every alias is one word without a dash, the words in the pattern's order: then a match
   * is a word followed by no letter or digit, tested without the pattern (a call of it costs more
   * than the test).
   */
  readonly #words: readonly string[] | undefined;
  /** Where the search goes on: after the last match, as with a global pattern. */
  #searchFrom = 0;
  /** For a scanning pattern: its next match, if looked for ([start, end], or null for none). */
  #nextMatch: [number, number] | null | undefined;

  constructor(aliases: readonly string[]) {
    // A blank alias would be an empty pattern, which matches everywhere between words.
    const named = aliases.filter((alias) => alias.trim() !== '');
    const literalStarts = [...new Set(named.map(literalStart))];
    if (literalStarts.includes('')) {
      this.#literalStarts = [];
      this.#pattern = aliasRegExp(named);
    } else {
      this.#literalStarts = literalStarts;
      this.#pattern = new RegExp(`${aliasAlternatives(named)}(?!${WORD_CHARACTER})`, 'uy');
    }
    this.#nextAt = this.#literalStarts.map(() => -1);
    if (named.every((alias) => !/[\s\-\u2010-\u2015\ud800-\udfff]/.test(alias.trim()))) {
      this.#words = [...named].sort((a, b) => b.length - a.length).map((alias) => alias.trim());
    }
    // No alias: nothing to find.
    if (named.length === 0) this.#nextMatch = null;
  }

  /**
   * Finds the matches that start in [blockStart, blockEnd): `block` is the text from blockStart
   * to a little after blockEnd, so that a literal start that starts before blockEnd is whole.
   */
  searchBlock(text: string, block: string, blockStart: number, blockEnd: number): void {
    this.length = 0;
    if (this.#literalStarts.length === 0) {
      this.#searchScanning(text, blockEnd);
      return;
    }
    const literalStarts = this.#literalStarts;
    const nextAt = this.#nextAt;
    /** Where literal start `index` is next found in the block from `from` on, or -1. */
    const find = (index: number, from: number) => {
      const at = block.indexOf(literalStarts[index]!, from - blockStart);
      return at === -1 || blockStart + at >= blockEnd ? -1 : blockStart + at;
    };
    for (let index = 0; index < nextAt.length; index++) {
      nextAt[index] = find(index, Math.max(blockStart, this.#searchFrom));
    }
    for (;;) {
      let at = -1;
      for (const next of nextAt) if (next !== -1 && (at === -1 || next < at)) at = next;
      if (at === -1) return;
      if (!isWordCharacter(codePointBefore(text, at))) {
        const end = this.#matchEnd(text, at);
        if (end !== -1) {
          this.#searchFrom = end;
          this.#add(at, end);
        }
      }
      const from = Math.max(at + 1, this.#searchFrom);
      for (let index = 0; index < nextAt.length; index++) {
        if (nextAt[index] !== -1 && nextAt[index]! < from) nextAt[index] = find(index, from);
      }
    }
  }

  #add(start: number, end: number): void {
    this.offsets[this.length++] = start;
    this.offsets[this.length++] = end;
  }

  /** Where the match that starts at `at` (after no letter or digit) ends, or -1 for none. */
  #matchEnd(text: string, at: number): number {
    if (this.#words === undefined) {
      this.#pattern.lastIndex = at;
      return this.#pattern.test(text) ? this.#pattern.lastIndex : -1;
    }
    for (const word of this.#words) {
      if (!text.startsWith(word, at)) continue;
      const end = at + word.length;
      if (end === text.length || !isWordCharacter(codePointAt(text, end, text.length))) return end;
    }
    return -1;
  }

  #searchScanning(text: string, blockEnd: number): void {
    for (;;) {
      if (this.#nextMatch === undefined) {
        this.#pattern.lastIndex = this.#searchFrom;
        const match = this.#pattern.exec(text);
        this.#nextMatch = match ? [match.index, match.index + match[0].length] : null;
      }
      if (this.#nextMatch === null || this.#nextMatch[0] >= blockEnd) return;
      this.#add(...this.#nextMatch);
      this.#searchFrom = this.#nextMatch[1];
      this.#nextMatch = undefined;
    }
  }
}

/**
 * How much of the text is searched at a time: a block stays in the processor's cache while every
 * alias is looked for in it, where each search over a long text would read it from memory again.
 */
export const SEARCH_BLOCK = 1 << 16;

/**
 * Finds each list of aliases in `text`, a block of the text at a time: after each block,
 * `onBlock` gets each list's matches in it.
 */
export function searchAliases(
  text: string,
  aliasLists: readonly (readonly string[])[],
  onBlock: (matchesByList: readonly BlockMatches[]) => void,
  blockLength = SEARCH_BLOCK,
): void {
  const matchers = aliasLists.map((aliases) => new AliasMatcher(aliases));
  const longest = aliasLists.flat().reduce((length, alias) => Math.max(length, alias.length), 0);
  for (let blockStart = 0; ; blockStart += blockLength) {
    const blockEnd = Math.min(blockStart + blockLength, text.length);
    // With the start of the next block, so that what starts in this one is found whole.
    const block = text.slice(blockStart, blockEnd + longest);
    for (const matcher of matchers) matcher.searchBlock(text, block, blockStart, blockEnd);
    onBlock(matchers);
    if (blockEnd === text.length) return;
  }
}

/** Every occurrence of any of the aliases, as [start, end) ranges in text order. */
export function findAliasRanges(text: string, aliases: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  searchAliases(text, [aliases], ([matches]) => {
    const { offsets, length } = matches!;
    for (let index = 0; index < length; index += 2) {
      ranges.push({ start: offsets[index]!, end: offsets[index + 1]! });
    }
  });
  return ranges;
}
