/**
 * A PDF's text as the page and the command line read it (src/lib/text/pdf-text.ts, through
 * text-file.ts), with pdf.js's Node build: lines, paragraphs, title, refusals.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageText } from '../../src/lib/text/pdf-text.ts';
import { readAnyTextFile } from '../../src/lib/text/text-file.ts';
import { makePdf } from '../fixtures/texts/make-pdf.ts';

const options = {
  parseHtml: () => {
    throw new Error('no HTML here');
  },
  pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs'),
};
const read = (name: string, bytes: Uint8Array) => readAnyTextFile(name, bytes, options);

describe('reading a PDF', () => {
  it('gives its lines, a blank line between paragraphs, and its metadata title', async () => {
    const pages: number[] = [];
    const file = await readAnyTextFile(
      'bridge.pdf',
      readFileSync('tests/fixtures/texts/bridge-opening.pdf'),
      { ...options, onPdfPage: (page) => pages.push(page) },
    );
    expect(file.format).toBe('pdf');
    expect(file.title).toBe('New bridge links two river towns');
    expect(pages).toEqual([1]);
    const paragraphs = file.text.split('\n\n');
    expect(paragraphs[0]).toBe('New bridge links two river towns');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[3]).toBe(
      'Engineers from Ganja built the span in two years. The same firm is now working\nnear Shamakhi.',
    );
  });

  it('reads every page of a longer PDF, in order', async () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, index) => `Paragraph ${index + 1} tells of the road to Goris and back again.`,
    );
    const file = await read('long.pdf', makePdf(`Long\n\n${paragraphs.join('\n\n')}\n`));
    expect(file.text.split('\n\n').slice(1)).toEqual(paragraphs);
  });

  it('refuses a file that is no PDF, one that cannot be read, and one without text, naming it', async () => {
    await expect(read('fake.pdf', new TextEncoder().encode('hello'))).rejects.toThrow(
      'fake.pdf: not a PDF (it does not start as one)',
    );
    await expect(read('broken.pdf', new TextEncoder().encode('%PDF-1.4\ngarbage'))).rejects.toThrow(
      /^broken\.pdf: not a PDF that can be read/,
    );
    await expect(read('blank.pdf', makePdf('\n'))).rejects.toThrow(
      'blank.pdf: the PDF holds no text',
    );
  });

  it('joins the pieces of one line and breaks lines where pdf.js does not mark the end', () => {
    const item = (str: string, y: number, hasEOL = false) => ({
      str,
      dir: 'ltr',
      width: 10,
      height: 10,
      transform: [10, 0, 0, 10, 0, y],
      fontName: 'F1',
      hasEOL,
    });
    expect(pageText([item('Near ', 700), item('Goris', 700, true), item('and Kapan.', 688)])).toBe(
      'Near Goris\nand Kapan.',
    );
    expect(pageText([item('Title', 700), item('Body', 650)])).toBe('Title\n\nBody');
  });
});
