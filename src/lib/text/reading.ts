/**
 * The document cut into paragraphs and pieces for the reading panel: plain text, and names that
 * open their place. Names that overlap are one control: "Aghdam-Khankendi road" opens the road
 * as a whole, the Aghdam and Khankendi it holds are marked inside it (their popups are a click
 * away in the road's), and words that name two features at once (the Lachin road's two lines)
 * make one control that lets the reader choose.
 *
 * Runs in the page.
 */
import type { Section } from './mentions.ts';

export interface MentionSpan {
  featureId: string;
  start: number;
  end: number;
}

/** A stretch of a control's words, and the names inside the control that cover it. */
export interface ReadingPart {
  start: number;
  text: string;
  /** The features whose shorter names, inside the control's, cover these words. */
  nested: string[];
}

/** One control in the text: a name, or names that overlap, as one button. */
export interface ReadingControl {
  start: number;
  end: number;
  /** The features its words name as a whole (the longest names there): one, or a choice. */
  featureIds: string[];
  /** Its words, cut where the names inside it begin and end. */
  parts: ReadingPart[];
}

export interface ReadingPiece {
  start: number;
  text: string;
  control?: ReadingControl;
}

export interface ReadingParagraph {
  start: number;
  end: number;
  section: Section;
  pieces: ReadingPiece[];
}

function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const separator = /\n[ \t\u00a0]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    ranges.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges.filter((range) => text.slice(range.start, range.end).trim() !== '');
}

/** Mentions that overlap, chained: each group becomes one control. Sorted by start. */
function overlapGroups(mentions: readonly MentionSpan[]): MentionSpan[][] {
  const groups: MentionSpan[][] = [];
  let end = -1;
  for (const mention of mentions) {
    if (mention.start < end) {
      groups.at(-1)!.push(mention);
      end = Math.max(end, mention.end);
    } else {
      groups.push([mention]);
      end = mention.end;
    }
  }
  return groups;
}

function controlOf(text: string, group: MentionSpan[]): ReadingControl {
  // Most names stand alone: a long text has thousands, and the general case below is costly.
  if (group.length === 1) {
    const { featureId, start, end } = group[0]!;
    return {
      start,
      end,
      featureIds: [featureId],
      parts: [{ start, text: text.slice(start, end), nested: [] }],
    };
  }
  const start = Math.min(...group.map((m) => m.start));
  const end = Math.max(...group.map((m) => m.end));
  // The longest names: those no other name of the group holds. Each of them names the whole.
  const holds = (outer: MentionSpan, inner: MentionSpan) =>
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start;
  const outermost = group.filter((m) => !group.some((other) => holds(other, m)));
  const inner = group.filter((m) => !outermost.includes(m));
  const cuts = [...new Set([start, end, ...inner.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  const parts: ReadingPart[] = [];
  for (let index = 0; index < cuts.length - 1; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1]!;
    parts.push({
      start: from,
      text: text.slice(from, to),
      nested: [
        ...new Set(inner.filter((m) => m.start <= from && m.end >= to).map((m) => m.featureId)),
      ],
    });
  }
  return {
    start,
    end,
    featureIds: [...new Set(outermost.map((m) => m.featureId))],
    parts,
  };
}

/** The pieces of one paragraph; `inside` are the mentions that touch it, sorted by start. */
function piecesOf(
  text: string,
  start: number,
  end: number,
  inside: readonly MentionSpan[],
): ReadingPiece[] {
  // A mention crossing the paragraph's edge is cut to it.
  const cut = inside.map((m) => ({
    ...m,
    start: Math.max(m.start, start),
    end: Math.min(m.end, end),
  }));
  const pieces: ReadingPiece[] = [];
  let at = start;
  for (const group of overlapGroups(cut)) {
    const control = controlOf(text, group);
    if (control.start > at) pieces.push({ start: at, text: text.slice(at, control.start) });
    pieces.push({ start: control.start, text: text.slice(control.start, control.end), control });
    at = control.end;
  }
  if (end > at) pieces.push({ start: at, text: text.slice(at, end) });
  return pieces;
}

/**
 * The index of the range holding `offset`, or of the first range after it (ranges in order,
 * apart); `ranges.length` when none is.
 */
export function rangeAt(ranges: readonly { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function readingParagraphs(
  text: string,
  mentions: readonly MentionSpan[],
  relatedStart: number,
): ReadingParagraph[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges = paragraphRanges(text);
  // Each mention to the paragraphs it touches, in one pass: a long text has thousands of both.
  const touching: MentionSpan[][] = ranges.map(() => []);
  for (const mention of sorted) {
    for (
      let index = rangeAt(ranges, mention.start);
      index < ranges.length && ranges[index]!.start < mention.end;
      index++
    )
      if (ranges[index]!.end > mention.start) touching[index]!.push(mention);
  }
  return ranges.map(({ start, end }, index) => ({
    start,
    end,
    section: start >= relatedStart ? 'related' : 'article',
    pieces: piecesOf(text, start, end, touching[index]!),
  }));
}

/**
 * How many paragraphs from the first hold at most `controls` controls together (at least one):
 * those the reading panel makes live at once, before it knows what the reader sees.
 */
export function leadingParagraphs(
  paragraphs: readonly ReadingParagraph[],
  controls: number,
): number {
  let count = 0;
  let held = 0;
  for (const paragraph of paragraphs) {
    held += paragraph.pieces.filter((piece) => piece.control).length;
    if (held > controls && count > 0) break;
    count++;
  }
  return count;
}

/**
 * The nearest paragraph after `from` (before it, `backwards`) that has a control, or -1: where
 * the keyboard's Tab goes next in the text.
 */
export function nextParagraphWithNames(
  paragraphs: readonly ReadingParagraph[],
  from: number,
  backwards: boolean,
): number {
  const step = backwards ? -1 : 1;
  for (let index = from + step; index >= 0 && index < paragraphs.length; index += step)
    if (paragraphs[index]!.pieces.some((piece) => piece.control)) return index;
  return -1;
}

/**
 * How many paragraphs from the first end each batch of about `characters` of text: the reading
 * panel puts a long text in the page a batch at a time. The last is every paragraph.
 */
export function paragraphBatches(
  paragraphs: readonly { start: number; end: number }[],
  characters: number,
): number[] {
  const ends: number[] = [];
  let size = 0;
  paragraphs.forEach(({ start, end }, index) => {
    size += end - start;
    if (size < characters) return;
    ends.push(index + 1);
    size = 0;
  });
  if (ends.at(-1) !== paragraphs.length) ends.push(paragraphs.length);
  return ends;
}
