/**
 * The reading panel's cut of the document: paragraphs, and pieces that link to the places named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { GEODATA_DIRECTORY, readGazetteer } from '../../scripts/geodata-files.ts';
import { findMentions } from '../../src/lib/text/document-mentions.ts';
import {
  leadingParagraphs,
  nextParagraphWithNames,
  paragraphBatches,
  rangeAt,
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

/** Each control of a paragraph: its words, the features it opens, and the names inside it. */
const controls = (paragraph: ReadingParagraph) =>
  paragraph.pieces
    .filter((piece) => piece.control)
    .map(({ text, control }) => ({
      text,
      opens: control!.featureIds,
      inside: control!.parts.filter((p) => p.nested.length > 0).map((p) => [p.text, p.nested]),
    }));

describe('readingParagraphs on hand-made text', () => {
  const text = 'Use the Aghdam-Khankendi road now.\n\nRelated posts\n\nNews from Baku';
  const road = span(text, 'aghdam-khankendi-road', 'Aghdam-Khankendi road');
  const aghdam = span(text, 'aghdam', 'Aghdam');
  const khankendi = span(text, 'khankendi', 'Khankendi');
  const baku = span(text, 'baku', 'Baku');
  const relatedStart = text.indexOf('Related posts');

  it('makes a compound name one control that opens the longer name, the names inside marked', () => {
    const [first] = readingParagraphs(text, [khankendi, road, aghdam], relatedStart);
    expect(controls(first!)).toEqual([
      {
        text: 'Aghdam-Khankendi road',
        opens: ['aghdam-khankendi-road'],
        inside: [
          ['Aghdam', ['aghdam']],
          ['Khankendi', ['khankendi']],
        ],
      },
    ]);
    const parts = first!.pieces.find((p) => p.control)!.control!.parts;
    expect(parts.map((p) => p.text)).toEqual(['Aghdam', '-', 'Khankendi', ' road']);
  });

  it('keeps every word of the text, in order, around and inside the controls', () => {
    const [first] = readingParagraphs(text, [road, khankendi], relatedStart);
    expect(first!.pieces.map((p) => p.text).join('')).toBe('Use the Aghdam-Khankendi road now.');
    const control = first!.pieces.find((p) => p.control)!;
    expect(control.control!.parts.map((p) => p.text).join('')).toBe(control.text);
  });

  it('offers a choice where the same words name two features', () => {
    const current = span(text, 'lachin-road', 'Aghdam-Khankendi road');
    const earlier = { ...current, featureId: 'lachin-road-2020-2022' };
    const [first] = readingParagraphs(text, [current, earlier], relatedStart);
    expect(controls(first!)).toEqual([
      {
        text: 'Aghdam-Khankendi road',
        opens: ['lachin-road', 'lachin-road-2020-2022'],
        inside: [],
      },
    ]);
  });

  it('makes names that overlap without one holding the other one control with a choice', () => {
    const one = { featureId: 'one', start: 8, end: 14 }; // "Aghdam"
    const two = { featureId: 'two', start: 11, end: 24 }; // "dam-Khankendi"
    const [first] = readingParagraphs(text, [one, two], relatedStart);
    expect(controls(first!)).toEqual([
      { text: 'Aghdam-Khankendi', opens: ['one', 'two'], inside: [] },
    ]);
  });

  it('cuts at blank lines and marks the paragraphs from "Related posts" on as related', () => {
    const paragraphs = readingParagraphs(text, [baku], relatedStart);
    expect(paragraphs.map((p) => [text.slice(p.start, p.end), p.section])).toEqual([
      ['Use the Aghdam-Khankendi road now.', 'article'],
      ['Related posts', 'related'],
      ['News from Baku', 'related'],
    ]);
    expect(controls(paragraphs[2]!)).toEqual([{ text: 'Baku', opens: ['baku'], inside: [] }]);
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

  it('opens from each control exactly the longest names there, and marks the rest inside it', () => {
    for (const piece of paragraphs.flatMap((p) => p.pieces)) {
      if (!piece.control) continue;
      const end = piece.start + piece.text.length;
      const within = spans.filter((s) => s.start >= piece.start && s.end <= end);
      const longest = within.filter(
        (s) =>
          !within.some(
            (o) => o.end - o.start > s.end - s.start && o.start <= s.start && s.end <= o.end,
          ),
      );
      expect(piece.control.featureIds.sort()).toEqual(
        [...new Set(longest.map((s) => s.featureId))].sort(),
      );
    }
  });

  it('gives no name inside "Aghdam-Khankendi road" a control of its own: the road opens', () => {
    const pieces = paragraphs.flatMap((p) => p.pieces).filter((p) => p.control);
    expect(pieces.filter((p) => p.control!.featureIds.includes('khankendi'))).toEqual([]);
    const roads = pieces.filter((p) => p.control!.featureIds.includes('aghdam-khankendi-road'));
    expect(roads.map((p) => [p.text, p.control!.featureIds])).toEqual([
      ['Aghdam-Khankendi road', ['aghdam-khankendi-road']],
      ['Aghdam-Khankendi road', ['aghdam-khankendi-road']],
    ]);
    for (const road of roads) {
      expect(road.control!.parts.flatMap((p) => p.nested)).toEqual(['aghdam', 'khankendi']);
    }
  });

  it('lets the reader choose between the Lachin road’s two lines wherever the text names it', () => {
    const lachin = paragraphs
      .flatMap((p) => p.pieces)
      .filter((p) => p.control?.featureIds.includes('lachin-road'));
    expect(lachin.length).toBe(2);
    for (const piece of lachin) {
      expect(piece.control!.featureIds).toEqual(['lachin-road', 'lachin-road-2020-2022']);
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

describe('the live paragraphs of a long text: where each name is, and which come first', () => {
  // Four paragraphs; the second names nothing.
  const text = 'Tbilisi and Batumi.\n\nNo place here.\n\nYerevan.\n\nBaku, then Ganja and Goris.';
  const names = ['Tbilisi', 'Batumi', 'Yerevan', 'Baku', 'Ganja', 'Goris'];
  const spans = names.map((name) => span(text, name.toLowerCase(), name));
  const paragraphs = readingParagraphs(text, spans, text.length);

  it('finds the paragraph that holds an offset, or the next one from a gap between two', () => {
    expect(rangeAt(paragraphs, 0)).toBe(0);
    expect(rangeAt(paragraphs, text.indexOf('Yerevan'))).toBe(2);
    expect(rangeAt(paragraphs, text.indexOf('Goris'))).toBe(3);
    expect(rangeAt(paragraphs, text.indexOf('\n\nNo place'))).toBe(1);
    expect(rangeAt(paragraphs, text.length)).toBe(4);
  });

  it('makes live at once the first paragraphs up to a number of names, at least one', () => {
    expect(leadingParagraphs(paragraphs, 2)).toBe(2);
    expect(leadingParagraphs(paragraphs, 3)).toBe(3);
    expect(leadingParagraphs(paragraphs, 0)).toBe(1);
    expect(leadingParagraphs(paragraphs, 100)).toBe(4);
  });

  it('puts the paragraphs in the page in batches of about so many characters, the last whole', () => {
    const lengths = paragraphs.map((p) => p.end - p.start);
    expect(lengths).toEqual([19, 14, 8, 27]);
    expect(paragraphBatches(paragraphs, 30)).toEqual([2, 4]);
    expect(paragraphBatches(paragraphs, 20)).toEqual([2, 4]);
    expect(paragraphBatches(paragraphs, 10)).toEqual([1, 2, 4]);
    expect(paragraphBatches(paragraphs, 1000)).toEqual([4]);
    expect(paragraphBatches(paragraphs, 1)).toEqual([1, 2, 3, 4]);
    expect(paragraphBatches([], 10)).toEqual([0]);
  });

  it('sends Tab on to the next paragraph that names a place, either way, past one that names none', () => {
    expect(nextParagraphWithNames(paragraphs, 0, false)).toBe(2);
    expect(nextParagraphWithNames(paragraphs, 2, true)).toBe(0);
    expect(nextParagraphWithNames(paragraphs, 3, false)).toBe(-1);
    expect(nextParagraphWithNames(paragraphs, 0, true)).toBe(-1);
  });

  it('gives each paragraph exactly the names of the mentions that touch it, cut at its edges', () => {
    // Many paragraphs and names, some crossing a paragraph's edge: the one-pass assignment
    // must find for each paragraph what checking every mention against it finds.
    const words = Array.from({ length: 400 }, (_, index) =>
      index % 7 === 6 ? 'Place\n\n' : `Place${index} `,
    ).join('');
    const many: MentionSpan[] = [];
    for (let start = 0; start + 12 < words.length; start += 5)
      many.push({ featureId: `f${start}`, start, end: start + 4 + (start % 9) });
    const paragraphs = readingParagraphs(words, many, words.length);
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(many.some((m) => paragraphs.some((p) => m.start < p.start && m.end > p.start))).toBe(
      true,
    );
    for (const { start, end, pieces } of paragraphs) {
      const named = pieces.flatMap((piece) =>
        piece.control
          ? [...piece.control.featureIds, ...piece.control.parts.flatMap((part) => part.nested)]
          : [],
      );
      const touching = many.filter((m) => m.start < end && m.end > start);
      expect(new Set(named)).toEqual(new Set(touching.map((m) => m.featureId)));
      for (const piece of pieces) {
        expect(piece.start).toBeGreaterThanOrEqual(start);
        expect(piece.start + piece.text.length).toBeLessThanOrEqual(end);
      }
    }
  });
});
