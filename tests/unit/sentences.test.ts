/**
 * Sentence boundaries of a hard-wrapped web page, on small hand-made texts: where a reader would
 * cut, and where the page's line breaks must not cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  collapseWhiteSpace,
  findSections,
  findSentences,
  segmentationCopy,
} from '../../src/lib/text/sentences.ts';
import { referenceSegmentationCopy, referenceSentences } from './text-reference.ts';

/** The sentences of `text`, as the text's own slices. */
const sentencesOf = (text: string) =>
  findSentences(text).map(({ start, end }) => text.slice(start, end));

describe('findSentences', () => {
  it('joins the hard wraps of running text into one sentence', () => {
    const text = 'As it is well-known, the road\nwas closed for\nweeks. It opened again\nin May.';
    expect(sentencesOf(text)).toEqual([
      'As it is well-known, the road\nwas closed for\nweeks.',
      'It opened again\nin May.',
    ]);
  });

  it('joins across a blank line when the next paragraph starts in lower case', () => {
    const text =
      'This should have been followed by\n\nthe intensification of usage of the road. All parties agreed.';
    expect(sentencesOf(text)).toEqual([
      'This should have been followed by\n\nthe intensification of usage of the road.',
      'All parties agreed.',
    ]);
  });

  it('breaks at a blank line when the next paragraph starts in upper case', () => {
    const text = 'The efforts face serious\n\nDespite its first failure, it tries again.';
    expect(sentencesOf(text)).toEqual([
      'The efforts face serious',
      'Despite its first failure, it tries again.',
    ]);
  });

  it('keeps a "N Mins read" line on its own, even without blank lines around it', () => {
    const text =
      'A statement by the ministry\n4 Mins read\nBaku: Today the talks\nbegan.\n\n1 Min read\n\nthe next post';
    expect(sentencesOf(text)).toEqual([
      'A statement by the ministry',
      '4 Mins read',
      'Baku: Today the talks\nbegan.',
      '1 Min read',
      'the next post',
    ]);
  });

  it('makes each line after "Related posts" an item of its own, whatever its case', () => {
    const text = [
      'It is important that peace is not missed.',
      '',
      'Related posts',
      '',
      'Joint Statement by the Youth Council',
      '',
      '2 Mins read',
      'Islamabad: I had the wonderful opportunity',
      'to visit, and',
      'lower-case lines too',
    ].join('\n');
    expect(sentencesOf(text)).toEqual([
      'It is important that peace is not missed.',
      'Related posts',
      'Joint Statement by the Youth Council',
      '2 Mins read',
      'Islamabad: I had the wonderful opportunity',
      'to visit, and',
      'lower-case lines too',
    ]);
  });

  it('never joins the "Related posts" heading to the line above it', () => {
    const text = 'The article ends without a stop\nRelated posts\nA post title';
    expect(sentencesOf(text)).toEqual([
      'The article ends without a stop',
      'Related posts',
      'A post title',
    ]);
  });

  it('trims white space and no-break spaces from sentences and drops empty ones', () => {
    const text = '  \n\nFirst one.\u00a0\nSecond one.\u00a0 \n\n \n';
    expect(sentencesOf(text)).toEqual(['First one.', 'Second one.']);
    expect(findSentences(' \n\n\u00a0 ')).toEqual([]);
  });
});

describe('findSections', () => {
  it('puts the furniture at the "Related posts" line, or nowhere', () => {
    const text = 'The statement.\n\nRelated posts\n\nA post';
    expect(findSections(text).relatedStart).toBe(text.indexOf('Related posts'));
    expect(findSections('Related posts are mentioned in a sentence.').relatedStart).toBe(42);
    expect(findSections('No furniture here.').relatedStart).toBe('No furniture here.'.length);
  });
});

describe('segmentationCopy', () => {
  const pageLike = fc
    .array(
      fc.oneof(
        fc.constantFrom('The', 'road', 'was', 'closed.', 'Baku:', 'it', 'opened?', '\u00a0', '’s'),
        fc.constantFrom('\n', '\n\n', ' \n \n', '2 Mins read', 'Related posts', ' '),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(' '));

  it('has the length of the text, and differs only where a line feed became a space', () => {
    fc.assert(
      fc.property(pageLike, (text) => {
        const copy = segmentationCopy(text);
        expect(copy).toHaveLength(text.length);
        for (let index = 0; index < text.length; index++) {
          if (copy[index] !== text[index]) {
            expect([text[index], copy[index]]).toEqual(['\n', ' ']);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('joins the same line feeds as the reference, which goes line by line', () => {
    // Pieces joined as they come, so that badges and headings start lines.
    const lineByLine = fc
      .array(
        fc.constantFrom(
          ...['the road', 'The road', ' ', '.', '\u00a0', '\t', '’s', 'é'],
          ...['\n', '\n\n', ' \n \n', '\r\n', '2 Mins read', '1 Min read ', 'Related posts'],
        ),
        { maxLength: 60 },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(lineByLine, (text) => {
        expect(segmentationCopy(text)).toBe(referenceSegmentationCopy(text));
      }),
      { numRuns: 500 },
    );
  });

  it('turns a hard wrap into a space and keeps the line feeds of a blank line', () => {
    const text = 'the road\nwas closed.\n\nIt opened.';
    expect(segmentationCopy(text)).toBe('the road was closed.\n\nIt opened.');
  });
});

describe('findSentences on long texts', () => {
  const longPage = fc
    .array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom('the', 'Road', 'U.S.', 'etc.', 'No.', '3.5', 'i.e.'),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom('closed.', 'why?', 'so!', '(see it.)', '“Yes.”', 'end…'),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom('\n', '\n\n', '\n \n', '\u00a0', '\n4 Mins read\n'),
        },
      ),
      { minLength: 700, maxLength: 2000 },
    )
    .map((words) => words.join(' '));

  it('agrees with segmenting the whole text in one pass (it segments in windows)', () => {
    fc.assert(
      fc.property(longPage, (text) => {
        expect(text.length).toBeGreaterThan(2048);
        expect(findSentences(text)).toEqual(referenceSentences(text));
      }),
      { numRuns: 40 },
    );
  });
});

describe('findSentences at the end of a line', () => {
  // Lines that end in punctuation and white space of every kind: where a line may be taken as one
  // sentence without the segmenter, the answer must be the segmenter's (UAX #29: a break after a
  // carriage return, none between a terminator and the closing marks right after it, one before a
  // closing mark after a space).
  const punctuatedLines = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('the', 'Road', 'No.', '3.5') },
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            '.',
            ')',
            '(',
            '"',
            "'",
            '?!',
            '”',
            '’',
            '…',
            '.)',
            ' .',
            ' )',
          ),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom(' ', '\n', '\r', '\r\n', '\t', '\u00a0', '\u2028', '\n\n'),
        },
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((pieces) => pieces.join(''));

  it('agrees with segmenting in one pass on lines ending in punctuation and white space', () => {
    fc.assert(
      fc.property(punctuatedLines, (text) => {
        expect(findSentences(text)).toEqual(referenceSentences(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('starts a sentence at a closing mark after a space and after a lone carriage return', () => {
    const sentences = (text: string) =>
      findSentences(text).map((range) => text.slice(range.start, range.end));
    expect(sentences('Baku. )\n')).toEqual(['Baku.', ')']);
    expect(sentences('It closed\r)\n')).toEqual(['It closed', ')']);
    // A carriage return before the line feed only ends the line.
    expect(sentences('Yes.\r\nNo.\r\n')).toEqual(['Yes.', 'No.']);
    expect(sentences('Baku .\n')).toEqual(['Baku .']);
  });
});

describe('collapseWhiteSpace', () => {
  it('turns each run of white space into one space and trims', () => {
    expect(collapseWhiteSpace(' \nthe\u00a0road \n\n was  closed\t')).toBe('the road was closed');
    expect(collapseWhiteSpace('one space stays')).toBe('one space stays');
  });
});
