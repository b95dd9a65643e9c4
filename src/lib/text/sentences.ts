/**
 * Sentence boundaries of a hard-wrapped web page, as a reader would cut them.
 *
 * `Intl.Segmenter` treats every line break as the end of a sentence, so we segment a copy of the
 * text of the same length in which the line breaks that do not end a sentence are spaces. Offsets
 * into the copy are offsets into the original.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface DocumentSections {
  /** Where the page furniture after the statement ("Related posts" and after) begins. */
  relatedStart: number;
}

const RELATED_HEADING = /^Related posts[ \t\u00a0]*$/m;
/** "4 Mins read" and its kin: a reading-time badge, never part of a sentence. */
const READING_TIME_LINE = /^\d+ Mins? read[ \t\u00a0]*$/;
const LOWERCASE_START = /^\p{Ll}/u;

export function findSections(text: string): DocumentSections {
  const match = RELATED_HEADING.exec(text);
  return { relatedStart: match ? match.index : text.length };
}

interface Line {
  start: number;
  end: number; // exclusive, before the line feed
  content: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const lineFeed = text.indexOf('\n', start);
    const end = lineFeed === -1 ? text.length : lineFeed;
    lines.push({ start, end, content: text.slice(start, end) });
    if (lineFeed === -1) break;
    start = lineFeed + 1;
  }
  return lines;
}

const isBlank = (line: Line | undefined) => line !== undefined && line.content.trim() === '';

/**
 * A copy of `text`, same length, in which a line feed stays a line feed (a hard sentence break)
 * only where a reader would see a break:
 * - around reading-time badges ("4 Mins read") and everywhere in the page furniture, where each
 *   line is an item of its own;
 * - at a blank line, unless the next paragraph starts in lower case (the page broke a sentence
 *   in two: "followed by\n\nthe intensification ...").
 * Every other line feed, the hard wrap of running text, becomes a space.
 */
export function segmentationCopy(text: string, sections = findSections(text)): string {
  // Only the statement has line feeds to join; in the furniture every line stands alone.
  const statementEnd = text.indexOf('\n', sections.relatedStart);
  const lines = splitLines(statementEnd === -1 ? text : text.slice(0, statementEnd + 1));
  // Offsets of the line feeds that become spaces, in increasing order.
  const joins: number[] = [];
  for (let index = 0; index < lines.length - 1; index++) {
    const line = lines[index]!;
    const lineFeedAt = line.end;
    // From the line feed before the "Related posts" heading on, every line stands alone.
    const inFurniture = lineFeedAt + 1 >= sections.relatedStart;
    if (inFurniture || READING_TIME_LINE.test(line.content)) continue;
    const next = lines[index + 1]!;
    if (READING_TIME_LINE.test(next.content)) continue;
    if (isBlank(next)) {
      // A blank line: join across it only when the following paragraph continues a sentence.
      let after = index + 1;
      while (after < lines.length && isBlank(lines[after])) after++;
      const following = lines[after];
      if (!isBlank(line) && following && LOWERCASE_START.test(following.content.trimStart())) {
        for (let blank = index; blank < after; blank++) joins.push(lines[blank]!.end);
      }
      continue;
    }
    if (isBlank(line)) continue;
    joins.push(lineFeedAt);
  }
  // Built from slices: splitting a long text into single characters is slow.
  const parts: string[] = [];
  let from = 0;
  for (const at of joins) {
    if (at < from) continue; // already joined
    parts.push(text.slice(from, at), ' ');
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

const WHITE_SPACE = /\s/;

function trimRange(text: string, start: number, end: number): TextRange {
  while (start < end && WHITE_SPACE.test(text[start]!)) start++;
  while (end > start && WHITE_SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * `Intl.Segmenter` breaks after every line feed, and none of its rules (UAX #29) looks across
 * one, so the text can be segmented in windows that end just after a line feed with the same
 * result as in one piece. We do, because in the V8 of Node 20 each step of a segmentation costs
 * time in proportion to the length of the whole input (chromium issue 326176949, fixed upstream
 * in 2024): one piece makes a long text quadratic. A paragraph longer than a window without a
 * line feed is still segmented whole.
 */
const SEGMENTATION_WINDOW = 2048;

let sentenceSegmenter: Intl.Segmenter | undefined;

/** The end of the window starting at `start`: just after a line feed, or the end of `copy`. */
function windowEnd(copy: string, start: number): number {
  if (copy.length - start <= SEGMENTATION_WINDOW) return copy.length;
  const lastLineFeed = copy.lastIndexOf('\n', start + SEGMENTATION_WINDOW - 1);
  if (lastLineFeed >= start) return lastLineFeed + 1;
  const nextLineFeed = copy.indexOf('\n', start + SEGMENTATION_WINDOW);
  return nextLineFeed === -1 ? copy.length : nextLineFeed + 1;
}

/**
 * What can end a sentence inside a line (UAX #29: STerm, ATerm and the separators other than the
 * line feed). A line with none of them before its last word is one sentence, and needs no
 * segmenter: most lines of page furniture are.
 */
const SENTENCE_BREAK_INSIDE = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\u0085\u2028\u2029]/u;
/** What may close a line after its last sentence: terminators, closing quotes and brackets. */
const CLOSING_CHARACTER = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\p{Pe}\p{Pf}"'\s]/u;

function isOneSentence(copy: string, start: number, end: number): boolean {
  let closingStart = end;
  while (closingStart > start && CLOSING_CHARACTER.test(copy[closingStart - 1]!)) closingStart--;
  return !SENTENCE_BREAK_INSIDE.test(copy.slice(start, closingStart));
}

/** The sentences of `text` in order, trimmed of surrounding white space; empty ones dropped. */
export function findSentences(text: string, sections = findSections(text)): TextRange[] {
  const copy = segmentationCopy(text, sections);
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences: TextRange[] = [];
  const push = (from: number, to: number) => {
    const range = trimRange(text, from, to);
    if (range.end > range.start) sentences.push(range);
  };
  // The segmenter always breaks after a line feed and no rule looks across one, so each line of
  // the copy is segmented on its own (in windows, for a very long one).
  let lineStart = 0;
  while (lineStart < copy.length) {
    const lineFeed = copy.indexOf('\n', lineStart);
    const lineEnd = lineFeed === -1 ? copy.length : lineFeed + 1;
    if (isOneSentence(copy, lineStart, lineEnd)) {
      push(lineStart, lineEnd);
    } else {
      for (let start = lineStart; start < lineEnd;) {
        const end = Math.min(windowEnd(copy, start), lineEnd);
        for (const { index, segment } of sentenceSegmenter.segment(copy.slice(start, end))) {
          push(start + index, start + index + segment.length);
        }
        start = end;
      }
    }
    lineStart = lineEnd;
  }
  return sentences;
}

/** A run of white space other than a lone space: the runs that collapsing changes. */
const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Each run of white space (line breaks, no-break spaces) as one space, trimmed. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
}
