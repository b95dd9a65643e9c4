// @vitest-environment jsdom
/** A reader's file as the finder reads it: formats, encodings, titles, refusals. */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, readTextFile, TextFileError } from '../../src/lib/text/text-file.ts';
import { TEXT_FILE_TYPES, textFormat } from '../../src/lib/text/text-formats.ts';

// HTML as the page parses it.
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (name: string, content: Uint8Array | string) =>
  readTextFile(name, typeof content === 'string' ? bytes(content) : content, parseHtml);

describe('readTextFile', () => {
  it('drops a byte-order mark, keeps CRLF, and takes a short first paragraph for the title', () => {
    const file = read('statement.txt', '\ufeffTalks resume\r\n\r\nBaku and Yerevan agreed.\r\n');
    expect(file.text).toBe('Talks resume\r\n\r\nBaku and Yerevan agreed.\r\n');
    expect(file.title).toBe('Talks resume');
    expect(read('notes.txt', 'One line only, no blank line after it').title).toBe('notes.txt');
  });

  it("takes a Markdown file's first heading, and an HTML page's visible text and heading", () => {
    expect(read('a.md', 'Intro\n\n## On Ganja\n\nText.').title).toBe('On Ganja');
    const page = read(
      'p.html',
      '<title>T</title><style>p{}</style><h1>Ganja</h1><p>Near <i>Tartar</i>.</p>',
    );
    expect(page).toEqual({ text: 'Ganja\n\nNear Tartar.', title: 'Ganja', format: 'html' });
  });

  it('refuses a binary, non-UTF-8, oversized or unknown file, naming it', () => {
    expect(() => read('a.txt', new Uint8Array([0x41, 0x00]))).toThrow('a.txt: a binary file');
    expect(() => read('b.txt', new Uint8Array([0xc3, 0x28]))).toThrow('b.txt: not UTF-8 text');
    expect(() => read('c.docx', 'x')).toThrow('c.docx: not a .txt, .md, .html or .pdf file');
    expect(() => read('d.txt', new Uint8Array(MAX_TEXT_BYTES + 1))).toThrow(TextFileError);
  });
});

describe('the file chooser of texts', () => {
  it('offers every ending the finder reads, and their media types', () => {
    expect(TEXT_FILE_TYPES).toBe(
      '.txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf',
    );
    for (const ending of TEXT_FILE_TYPES.split(',').filter((type) => type.startsWith('.')))
      expect(textFormat(`a${ending}`), ending).toBeDefined();
  });
});
