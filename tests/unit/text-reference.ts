/**
 * Mention finding the slow, straightforward way, written apart from the code it checks: the
 * segmentation copy line by line, the whole copy segmented in one pass of `Intl.Segmenter`
 * (quadratic on Node 20: for short texts only), and one global pattern per place.
 */
import type { PlaceAliases } from '../../src/lib/text/document-mentions.ts';
import type { Mention } from '../../src/lib/text/mentions.ts';

interface Range {
  start: number;
  end: number;
}

function referenceRelatedStart(text: string): number {
  const heading = /^Related posts[ \t\u00a0]*$/m.exec(text);
  return heading ? heading.index : text.length;
}

/** The text with every line feed that does not end a sentence made a space. */
export function referenceSegmentationCopy(text: string): string {
  const relatedStart = referenceRelatedStart(text);
  const statementEnd = text.indexOf('\n', relatedStart);
  const statement = statementEnd === -1 ? text : text.slice(0, statementEnd + 1);
  const lines: { end: number; content: string }[] = [];
  for (let start = 0; ;) {
    const lineFeed = statement.indexOf('\n', start);
    const end = lineFeed === -1 ? statement.length : lineFeed;
    lines.push({ end, content: statement.slice(start, end) });
    if (lineFeed === -1) break;
    start = lineFeed + 1;
  }
  const readingTime = (content: string) => /^\d+ Mins? read[ \t\u00a0]*$/.test(content);
  const blank = (index: number) => {
    const line = lines[index];
    return line !== undefined && line.content.trim() === '';
  };
  const units = text.split('');
  for (let index = 0; index < lines.length - 1; index++) {
    const line = lines[index]!;
    const next = lines[index + 1]!;
    if (line.end + 1 >= relatedStart) continue;
    if (readingTime(line.content) || readingTime(next.content)) continue;
    if (blank(index + 1)) {
      let after = index + 1;
      while (after < lines.length && blank(after)) after++;
      const following = lines[after];
      if (!blank(index) && following && /^\p{Ll}/u.test(following.content.trimStart())) {
        for (let joined = index; joined < after; joined++) units[lines[joined]!.end] = ' ';
      }
      continue;
    }
    if (!blank(index)) units[line.end] = ' ';
  }
  return units.join('');
}

/** The sentences of the text, each trimmed, empty ones dropped: its copy segmented in one pass. */
export function referenceSentences(text: string): Range[] {
  const copy = referenceSegmentationCopy(text);
  const trimmed = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  };
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(copy)]
    .map(({ index, segment }) => trimmed(index, index + segment.length))
    .filter((sentence) => sentence.end > sentence.start);
}

/** The definition of an alias's matches: any dash for any dash, any white space for any. */
export function referenceAliasRegExp(aliases: readonly string[]): RegExp {
  const dash = '[\\-\u2010-\u2015]';
  const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (alias: string) =>
    alias
      .trim()
      .split(/\s+/)
      .map((word) => word.split(new RegExp(dash)).map(escape).join(`\\s*${dash}\\s*`))
      .join('\\s+');
  const alternatives = [...aliases].sort((a, b) => b.length - a.length).map(pattern);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

export function referenceAliasRanges(text: string, aliases: readonly string[]): Range[] {
  const named = aliases.filter((alias) => alias.trim() !== '');
  if (named.length === 0) return [];
  return [...text.matchAll(referenceAliasRegExp(named))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Every mention of each place, its excerpt the sentence (or sentences) holding it. */
export function referenceMentions(
  text: string,
  places: readonly PlaceAliases[],
  sentences: readonly Range[] = referenceSentences(text),
): Map<string, Mention[]> {
  const relatedStart = referenceRelatedStart(text);
  const sentenceAt = (offset: number) =>
    sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);
  const mentions = new Map<string, Mention[]>();
  for (const place of places) {
    mentions.set(
      place.id,
      referenceAliasRanges(text, place.aliases).map(({ start, end }) => {
        const first = sentenceAt(start) ?? { start, end };
        const last = sentenceAt(end - 1) ?? { start, end };
        const excerpt =
          end <= first.end ? first : { start: first.start, end: Math.max(last.end, end) };
        return {
          start,
          end,
          text: text.slice(start, end),
          excerptStart: excerpt.start,
          excerptEnd: excerpt.end,
          excerpt: text.slice(excerpt.start, excerpt.end).replace(/\s+/g, ' ').trim(),
          section: start >= relatedStart ? 'related' : 'article',
        };
      }),
    );
  }
  return mentions;
}
