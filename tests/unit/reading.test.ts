/**
 * The reading panel's cut of the document: paragraphs, and pieces that link to the places named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { GEODATA_DIRECTORY, readGazetteer } from '../../scripts/geodata-files.ts';
import { findMentions } from '../../src/lib/text/document-mentions.ts';
import {
  readingParagraphs,
  type MentionSpan,
  type ReadingParagraph,
} from '../../src/lib/text/reading.ts';
import { findSections } from '../../src/lib/text/sentences.ts';

/** A mention of `name` at its `occurrence`-th place in `text`. */
function span(text: string, featureId: string, name: string, occurrence = 0): MentionSpan {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(name, start + 1);
  if (start === -1) throw new Error(`"${name}" is not in the text`);
  return { featureId, start, end: start + name.length };
}

const linked = (paragraph: ReadingParagraph) =>
  paragraph.pieces.filter((piece) => piece.mention).map((p) => [p.text, p.mention!.featureId]);

describe('readingParagraphs on hand-made text', () => {
  const text = 'Use the Aghdam-Khankendi road now.\n\nRelated posts\n\nNews from Baku';
  const road = span(text, 'aghdam-khankendi-road', 'Aghdam-Khankendi road');
  const aghdam = span(text, 'aghdam', 'Aghdam');
  const khankendi = span(text, 'khankendi', 'Khankendi');
  const baku = span(text, 'baku', 'Baku');
  const relatedStart = text.indexOf('Related posts');

  it('links each piece of nested names to the innermost name', () => {
    const [first] = readingParagraphs(text, [khankendi, road, aghdam], relatedStart);
    expect(linked(first!)).toEqual([
      ['Aghdam', 'aghdam'],
      ['-', 'aghdam-khankendi-road'],
      ['Khankendi', 'khankendi'],
      ['road', 'aghdam-khankendi-road'],
    ]);
  });

  it('lists every mention covering a piece, outermost first', () => {
    const [first] = readingParagraphs(text, [aghdam, khankendi, road], relatedStart);
    const piece = first!.pieces.find((p) => p.text === 'Khankendi');
    expect(piece?.coveredBy).toEqual([road, khankendi]);
    const plain = first!.pieces.find((p) => p.text.startsWith('Use'));
    expect(plain?.coveredBy).toEqual([]);
  });

  it('keeps white space at the edge of a name out of the link, and in the text', () => {
    const [first] = readingParagraphs(text, [road, khankendi], relatedStart);
    for (const piece of first!.pieces.filter((p) => p.mention)) {
      expect(piece.text).toBe(piece.text.trim());
    }
    expect(first!.pieces.map((p) => p.text).join('')).toBe('Use the Aghdam-Khankendi road now.');
  });

  it('links a name that two features share to the first feature given', () => {
    const current = span(text, 'lachin-road', 'Aghdam-Khankendi road');
    const earlier = { ...current, featureId: 'lachin-road-2020-2022' };
    const [first] = readingParagraphs(text, [current, earlier], relatedStart);
    expect(linked(first!)).toEqual([['Aghdam-Khankendi road', 'lachin-road']]);
  });

  it('cuts at blank lines and marks the paragraphs from "Related posts" on as related', () => {
    const paragraphs = readingParagraphs(text, [baku], relatedStart);
    expect(paragraphs.map((p) => [text.slice(p.start, p.end), p.section])).toEqual([
      ['Use the Aghdam-Khankendi road now.', 'article'],
      ['Related posts', 'related'],
      ['News from Baku', 'related'],
    ]);
    expect(linked(paragraphs[2]!)).toEqual([['Baku', 'baku']]);
  });
});

describe('readingParagraphs on the document', () => {
  const gazetteer = readGazetteer();
  const text = readFileSync(join(GEODATA_DIRECTORY, 'source', gazetteer.document.file), 'utf8');
  const { relatedStart } = findSections(text);
  const spans: MentionSpan[] = [...findMentions(text, gazetteer.entries).entries()].flatMap(
    ([featureId, mentions]) => mentions.map(({ start, end }) => ({ featureId, start, end })),
  );
  const paragraphs = readingParagraphs(text, spans, relatedStart);

  it('makes each paragraph’s pieces, joined, exactly its slice of the document', () => {
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) {
      expect(paragraph.pieces.map((p) => p.text).join('')).toBe(
        text.slice(paragraph.start, paragraph.end),
      );
      let at = paragraph.start;
      for (const piece of paragraph.pieces) {
        expect(piece.start).toBe(at);
        at += piece.text.length;
      }
    }
  });

  it('keeps paragraphs in order, apart, and free of blank lines', () => {
    for (let index = 1; index < paragraphs.length; index++) {
      expect(paragraphs[index]!.start).toBeGreaterThan(paragraphs[index - 1]!.end);
    }
    for (const paragraph of paragraphs) {
      expect(text.slice(paragraph.start, paragraph.end)).not.toMatch(/\n[ \t\u00a0]*\n/);
    }
  });

  it('links each linked piece to the shortest mention covering it', () => {
    for (const piece of paragraphs.flatMap((p) => p.pieces)) {
      const end = piece.start + piece.text.length;
      const covering = spans.filter((s) => s.start <= piece.start && s.end >= end);
      expect(piece.coveredBy.length).toBe(covering.length);
      if (!piece.mention) continue;
      const shortest = Math.min(...covering.map((s) => s.end - s.start));
      expect(piece.mention.end - piece.mention.start).toBe(shortest);
    }
  });

  it('gives Khankendi inside "Aghdam-Khankendi road" a link of its own', () => {
    const pieces = paragraphs.flatMap((p) => p.pieces);
    const khankendiPieces = pieces.filter((p) => p.mention?.featureId === 'khankendi');
    expect(khankendiPieces.map((p) => p.text)).toEqual(['Khankendi', 'Khankendi']);
    for (const piece of khankendiPieces) {
      expect(piece.coveredBy.map((s) => s.featureId)).toEqual([
        'aghdam-khankendi-road',
        'khankendi',
      ]);
    }
  });

  it('marks as related exactly the paragraphs from the "Related posts" line on', () => {
    const heading = paragraphs.find((p) => text.slice(p.start, p.end) === 'Related posts');
    expect(heading?.section).toBe('related');
    for (const paragraph of paragraphs) {
      expect(paragraph.section).toBe(paragraph.start >= relatedStart ? 'related' : 'article');
    }
    expect(paragraphs.filter((p) => p.section === 'article').length).toBeGreaterThan(5);
  });
});
