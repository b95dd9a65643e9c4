/**
 * Sentence boundaries of a hard-wrapped web page, as a reader would cut them.
 *
 * `Intl.Segmenter` treats every line break as the end of a sentence, so we segment a copy of the
 * text of the same length in which the line breaks that do not end a sentence are spaces. Offsets
 * into the copy are offsets into the original.
 *
 * Runs in the page (the place finder, in its worker) and in the build (the document's mentions):
 * the one sentence engine of the atlas.
 */
import { asciiClass, asciiTable, characterTest, codePointAt } from './characters.ts';

export interface TextRange {
  start: number;
  end: number;
}

export interface DocumentSections {
  /** Where the page furniture after the statement ("Related posts" and after) begins. */
  relatedStart: number;
}

const RELATED_HEADING = /^Related posts[ \t\u00a0]*$/m;

export function findSections(text: string): DocumentSections {
  const match = RELATED_HEADING.exec(text);
  return { relatedStart: match ? match.index : text.length };
}

/** "4 Mins read" and its kin, a reading-time badge, as a whole line: never part of a sentence. */
const READING_TIME_LINE = /\d+ Mins? read[ \t\u00a0]*(?:\n|$)/y;
const BLANK_LINE = /[^\S\n]*(?:\n|$)/y;
const LOWERCASE_LINE = /[^\S\n]*\p{Ll}/uy;

/** Whether the line starting at `lineStart` matches `linePattern` (a sticky pattern). */
function lineMatches(linePattern: RegExp, text: string, lineStart: number): boolean {
  linePattern.lastIndex = lineStart;
  return linePattern.test(text);
}

/**
 * The offsets, in increasing order, of the line feeds that are no break for a reader. A line
 * feed stays a break only
 * - around reading-time badges ("4 Mins read") and everywhere in the page furniture, where each
 *   line is an item of its own;
 * - at a blank line, unless the next paragraph starts in lower case (the page broke a sentence
 *   in two: "followed by\n\nthe intensification ...").
 * Every other line feed is the hard wrap of running text.
 */
function joinedLineFeeds(text: string, sections: DocumentSections): number[] {
  // Only the statement has line feeds to join; in the furniture every line stands alone.
  const statementEnd = text.indexOf('\n', sections.relatedStart);
  const statement = statementEnd === -1 ? text : text.slice(0, statementEnd + 1);
  const isBlank = (lineStart: number) => lineMatches(BLANK_LINE, statement, lineStart);
  const joins: number[] = [];
  // Each line [lineStart, lineFeedAt) that has a line after it, at nextStart.
  for (
    let lineStart = 0, lineFeedAt = statement.indexOf('\n');
    lineFeedAt !== -1;
    lineStart = lineFeedAt + 1, lineFeedAt = statement.indexOf('\n', lineStart)
  ) {
    const nextStart = lineFeedAt + 1;
    // From the line feed before the "Related posts" heading on, every line stands alone.
    if (nextStart >= sections.relatedStart) break;
    if (lineMatches(READING_TIME_LINE, statement, lineStart)) continue;
    if (lineMatches(READING_TIME_LINE, statement, nextStart)) continue;
    if (isBlank(lineStart)) continue;
    if (!isBlank(nextStart)) {
      joins.push(lineFeedAt);
      continue;
    }
    // A blank line: join across it only when the following paragraph continues a sentence.
    let followingStart = nextStart;
    while (isBlank(followingStart)) {
      const blankLineFeed = statement.indexOf('\n', followingStart);
      if (blankLineFeed === -1) break; // the text ends in blank lines
      followingStart = blankLineFeed + 1;
    }
    if (!isBlank(followingStart) && lineMatches(LOWERCASE_LINE, statement, followingStart)) {
      for (
        let at = lineFeedAt;
        at !== -1 && at < followingStart;
        at = statement.indexOf('\n', at + 1)
      ) {
        joins.push(at);
      }
    }
  }
  return joins;
}

/**
 * A copy of `text`, same length, in which a line feed stays a line feed (a hard sentence break)
 * only where a reader would see a break (see `joinedLineFeeds`); the others are spaces.
 */
export function segmentationCopy(text: string, sections = findSections(text)): string {
  // Built from slices: splitting a long text into single characters is slow.
  const parts: string[] = [];
  let from = 0;
  for (const at of joinedLineFeeds(text, sections)) {
    parts.push(text.slice(from, at), ' ');
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** White space, the characters that `trim()` and `\s` take. */
const isWhiteSpace = characterTest(/\s/);
/**
 * What can end a sentence inside a line (UAX #29: STerm, ATerm and the separators other than the
 * line feed). A line with none of them before its last word is one sentence, and needs no
 * segmenter: most lines are.
 */
const SENTENCE_BREAK = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\u0085\u2028\u2029]/u;
const isSentenceBreak = characterTest(SENTENCE_BREAK);
/**
 * Where a scan of a line for sentence breaks stops: an ASCII break, a line feed (the line's end,
 * or one that the copy joins), or any character past ASCII, which `isSentenceBreak` tests. With
 * the `u` flag, a call of the pattern above costs about a microsecond; without, a scan of a line
 * costs less than a loop over it.
 */
let sentenceScanStop: RegExp | undefined;
const scanStop = () =>
  (sentenceScanStop ??= new RegExp(
    `[${asciiClass(asciiTable(SENTENCE_BREAK))}\\n\\u0080-\\uffff]`,
    'g',
  ));
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Terminators, and the closing quotes and brackets that may follow them in a sentence. */
const isTerminatorOrClosing = characterTest(
  /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\p{Pe}\p{Pf}"']/u,
);
/** White space that does not end a sentence by itself (UAX #29's Sp: not a separator). */
const isSpace = characterTest(/[^\S\n\r\u2028\u2029]/);

/**
 * Where the marks that may close the line [start, end) of `copy` begin. A sentence may end in
 * terminators and closing marks with nothing between them, then spaces, then the line's end: a
 * closing mark after a space, or anything after a carriage return, starts a sentence of its own
 * (UAX #29, rules 4, 9 and 11). A carriage return right before the line feed is the line's end.
 */
function closingMarksStart(copy: string, start: number, end: number): number {
  let at = end;
  if (at > start && copy.charCodeAt(at - 1) === LINE_FEED) at--;
  if (at > start && copy.charCodeAt(at - 1) === CARRIAGE_RETURN) at--;
  while (at > start && isSpace(copy.charCodeAt(at - 1))) at--;
  while (at > start && isTerminatorOrClosing(copy.charCodeAt(at - 1))) at--;
  return at;
}

/**
 * Whether the line [start, end) of `copy` is one sentence. The line feeds inside it, which the
 * segmentation copy joins, count as the spaces they become: it may be read in the text itself.
 */
function isOneSentence(copy: string, start: number, end: number): boolean {
  const closingStart = closingMarksStart(copy, start, end);
  const stop = scanStop();
  stop.lastIndex = start;
  // Never past the line: it ends with a line feed, or the text does.
  while (stop.test(copy)) {
    const at = stop.lastIndex - 1;
    if (at >= closingStart) return true;
    const code = copy.charCodeAt(at);
    if (code === LINE_FEED) continue;
    if (code < 128) return false;
    // Code points, as the pattern reads them in the line cut before its closing characters.
    const codePoint = codePointAt(copy, at, closingStart);
    if (isSentenceBreak(codePoint)) return false;
    if (codePoint > 0xffff) stop.lastIndex = at + 2;
  }
  return true;
}

/** Where [start, end) of `text` starts once trimmed of white space. */
function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  return start;
}

/** Where [start, end) of `text` ends once trimmed of white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * `Intl.Segmenter` breaks after every line feed, and none of its rules (UAX #29) looks across
 * one, so each line of the segmentation copy is segmented on its own with the same result as the
 * whole copy in one piece. We do, because in the V8 of Node 20 each step of a segmentation costs
 * time in proportion to the length of the whole input (chromium issue 326176949, fixed upstream
 * in 2024): one piece makes a long text quadratic.
 */
let sentenceSegmenter: Intl.Segmenter | undefined;

function segmentLine(copyLine: string): Intl.Segments {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return sentenceSegmenter.segment(copyLine);
}

/**
 * The sentences of `text` in order, trimmed of surrounding white space; empty ones dropped: what
 * SentenceFinder finds, asked from the start to the end.
 */
export function findSentences(text: string, sections = findSections(text)): TextRange[] {
  const finder = new SentenceFinder(text, sections);
  const sentences: TextRange[] = [];
  for (let offset = 0; offset < text.length;) {
    if (finder.find(offset)) {
      sentences.push({ start: finder.start, end: finder.end });
      offset = finder.end;
    } else {
      offset++;
    }
  }
  return sentences;
}

/** Whether `sorted`, numbers in increasing order, holds `value`. */
function sortedIncludes(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The offset of the last line feed before `offset`, or -1. */
function lineFeedBefore(text: string, offset: number): number {
  // (lastIndexOf from -1 would look at offset 0.)
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) : -1;
}

/**
 * Finds the sentence of a text holding an offset, as `findSentences` cuts them, segmenting only
 * the line of the segmentation copy that holds the offset: a text names its places in few of its
 * lines, and segmenting is the costly part. Asked in text order, each line is segmented once (it
 * is kept until an offset past it). The sentence found is in `start` and `end`, not in an object
 * of its own: a long text has many.
 */
export class SentenceFinder {
  /** The sentence last found: [start, end) of the text; -1 if none. */
  start = -1;
  end = -1;
  readonly #text: string;
  /** The line feeds that are no break for a reader (see `joinedLineFeeds`), in increasing order. */
  readonly #joins: readonly number[];
  // The line of the copy last asked about, with its segments if it holds more than one sentence.
  #lineStart = 0;
  #lineEnd = 0;
  #lineSegments: Intl.Segments | undefined;

  constructor(text: string, sections = findSections(text)) {
    this.#text = text;
    this.#joins = joinedLineFeeds(text, sections);
  }

  /** Finds the sentence holding `offset`; false if none does (white space between sentences). */
  find(offset: number): boolean {
    if (offset < this.#lineStart || offset >= this.#lineEnd) this.#moveToLineAt(offset);
    if (!this.#holds(offset) && this.#lineSegments !== undefined) {
      const { index, segment } = this.#lineSegments.containing(offset - this.#lineStart)!;
      const start = this.#lineStart + index;
      this.#setTrimmed(start, start + segment.length);
    }
    return this.#holds(offset);
  }

  #holds(offset: number): boolean {
    return offset >= this.start && offset < this.end;
  }

  /** Sets the sentence found to [start, end) trimmed of white space; none if nothing is left. */
  #setTrimmed(start: number, end: number): void {
    this.start = trimmedStart(this.#text, start, end);
    this.end = trimmedEnd(this.#text, start, end);
    if (this.end <= this.start) this.start = this.end = -1;
  }

  #isJoined(lineFeedAt: number): boolean {
    const joins = this.#joins;
    return (
      joins.length > 0 &&
      lineFeedAt <= joins[joins.length - 1]! &&
      sortedIncludes(joins, lineFeedAt)
    );
  }

  /** Moves to the line of the copy holding `offset`: after a kept line feed to after the next. */
  #moveToLineAt(offset: number): void {
    const text = this.#text;
    let keptBefore = lineFeedBefore(text, offset);
    while (keptBefore !== -1 && this.#isJoined(keptBefore)) {
      keptBefore = lineFeedBefore(text, keptBefore);
    }
    let keptAfter = text.indexOf('\n', offset);
    while (keptAfter !== -1 && this.#isJoined(keptAfter)) {
      keptAfter = text.indexOf('\n', keptAfter + 1);
    }
    const lineStart = keptBefore + 1;
    const lineEnd = keptAfter === -1 ? text.length : keptAfter + 1;
    this.#lineStart = lineStart;
    this.#lineEnd = lineEnd;
    if (isOneSentence(text, lineStart, lineEnd)) {
      this.#lineSegments = undefined;
      this.#setTrimmed(lineStart, lineEnd);
      return;
    }
    // In the copy, the line feeds inside the line are spaces; its last one, if any, stays.
    const contentEnd = keptAfter === -1 ? lineEnd : keptAfter;
    const content = text.slice(lineStart, contentEnd);
    this.#lineSegments = segmentLine(
      content.includes('\n')
        ? content.replaceAll('\n', ' ') + text.slice(contentEnd, lineEnd)
        : text.slice(lineStart, lineEnd),
    );
    this.start = -1;
    this.end = -1;
  }
}

/**
 * The excerpt of the mention [start, end): the sentence holding it; if the mention runs over a
 * sentence break (a name wrapped across two lines of the page furniture, where each line is an
 * item of its own), from the sentence where it starts to the one where it ends, so that the
 * excerpt always holds it. Without a sentence, the mention itself. Set in `excerpt`.
 */
export function findExcerpt(
  sentences: SentenceFinder,
  start: number,
  end: number,
  excerpt: TextRange,
): void {
  excerpt.start = start;
  excerpt.end = end;
  if (sentences.find(start)) {
    excerpt.start = sentences.start;
    excerpt.end = sentences.end;
  }
  if (end > excerpt.end) excerpt.end = Math.max(sentences.find(end - 1) ? sentences.end : end, end);
}

/** A run of white space other than a lone space: the runs that collapsing changes. */
const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Each run of white space (line breaks, no-break spaces) as one space, trimmed. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
}
