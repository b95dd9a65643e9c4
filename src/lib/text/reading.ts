/**
 * The document cut into paragraphs and pieces for the reading panel: plain text, and mentions
 * that link to their feature. Where mentions nest ("Aghdam-Khankendi road" holds Khankendi), each
 * piece links to the innermost one, so every name stays clickable on its own.
 *
 * Runs in the page.
 */
import type { Section } from './mentions.ts';

export interface MentionSpan {
  featureId: string;
  start: number;
  end: number;
}

export interface ReadingPiece {
  start: number;
  text: string;
  /** The mention this piece belongs to, if any. */
  mention?: MentionSpan;
  /** Every mention covering this piece, outermost first (for highlighting the selection). */
  coveredBy: MentionSpan[];
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

function piecesOf(
  text: string,
  start: number,
  end: number,
  mentions: readonly MentionSpan[],
): ReadingPiece[] {
  const inside = mentions.filter((m) => m.start < end && m.end > start);
  const cuts = new Set<number>([start, end]);
  for (const mention of inside) {
    cuts.add(Math.max(mention.start, start));
    cuts.add(Math.min(mention.end, end));
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const pieces: ReadingPiece[] = [];
  for (let index = 0; index < boundaries.length - 1; index++) {
    const from = boundaries[index]!;
    const to = boundaries[index + 1]!;
    const coveredBy = inside
      .filter((m) => m.start <= from && m.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    // The shortest covering mention; among equal ones (two features named alike, such as a road
    // and its earlier line), the first given.
    const innermost = coveredBy.reduce<MentionSpan | undefined>(
      (best, m) => (!best || m.end - m.start < best.end - best.start ? m : best),
      undefined,
    );
    pieces.push({
      start: from,
      text: text.slice(from, to),
      ...(innermost ? { mention: innermost } : {}),
      coveredBy,
    });
  }
  return pieces.flatMap(splitEdgeWhiteSpace);
}

/**
 * A mention piece that starts or ends with white space (" road" after a nested name) gives that
 * white space to the text around it: inside a button it would be lost.
 */
function splitEdgeWhiteSpace(piece: ReadingPiece): ReadingPiece[] {
  if (!piece.mention) return [piece];
  const [, leading = '', core = '', trailing = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece.text)!;
  const plain = (start: number, text: string): ReadingPiece => ({
    start,
    text,
    coveredBy: piece.coveredBy,
  });
  return [
    ...(leading ? [plain(piece.start, leading)] : []),
    ...(core ? [{ ...piece, start: piece.start + leading.length, text: core }] : []),
    ...(trailing ? [plain(piece.start + leading.length + core.length, trailing)] : []),
  ];
}

export function readingParagraphs(
  text: string,
  mentions: readonly MentionSpan[],
  relatedStart: number,
): ReadingParagraph[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  return paragraphRanges(text).map(({ start, end }) => ({
    start,
    end,
    section: start >= relatedStart ? 'related' : 'article',
    pieces: piecesOf(text, start, end, sorted),
  }));
}
