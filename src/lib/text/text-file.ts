/**
 * A reader's file as the place finder reads it: `.txt`, `.md` or `.html` (its visible text),
 * UTF-8 with or without a byte-order mark, or `.pdf` (its text, pdf-text.ts); at most 20 MB;
 * its title. The command line and the page read a file with this one module, so that both find
 * the same places at the same offsets. Runs in the page and in the command line.
 */
import { visibleText } from './html-text.ts';
import type { PdfJs } from './pdf-text.ts';
import { textFormat, type TextFormat } from './text-formats.ts';

export { textFormat, type TextFormat };

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** What the refusal of a file of another kind lists. */
export const TEXT_FORMATS_READ = '.txt, .md, .html or .pdf';

/** A file the finder cannot read, with a message that names it and says why. */
export class TextFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextFileError';
  }
}

/** The refusal of a file too large to read, before its bytes are read. */
export function checkSize(fileName: string, bytes: number): void {
  if (bytes > MAX_TEXT_BYTES) {
    throw new TextFileError(
      `${fileName}: ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the 20 MB a text may have`,
    );
  }
}

export interface TextOfFile {
  /** What the finder reads: the file's text (no byte-order mark), or an HTML page's visible text. */
  text: string;
  /** Its first heading; for plain text a short first line alone in its paragraph; else its name. */
  title: string;
  format: TextFormat;
}

/** A plain text's title: its first line, if short and a paragraph of its own. */
const PLAIN_TITLE = /^[ \t]*([^\r\n]{1,200}?)[ \t]*\r?\n[ \t]*\r?\n/;

/** A plain text's title (its first line, if short and a paragraph of its own), or ''. */
export const plainTitle = (text: string): string => PLAIN_TITLE.exec(text)?.[1]?.trim() ?? '';
const MARKDOWN_HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m;

/**
 * The text of a file; TextFileError if it is too large, not a text format the finder reads,
 * binary or not UTF-8. `parseHtml` makes a DOM Document of HTML (DOMParser in the page, jsdom in
 * Node).
 */
export function readTextFile(
  fileName: string,
  bytes: Uint8Array,
  parseHtml: (html: string) => Document,
): TextOfFile {
  checkSize(fileName, bytes.length);
  const format = textFormat(fileName);
  if (!format) throw new TextFileError(`${fileName}: not a ${TEXT_FORMATS_READ} file`);
  if (format === 'pdf') throw new TextFileError(`${fileName}: a PDF is read by readAnyTextFile`);
  if (bytes.includes(0)) {
    throw new TextFileError(`${fileName}: a binary file (it holds NUL bytes), not a text`);
  }
  let decoded: string;
  try {
    // The byte-order mark, if any, is dropped: offsets are into the text after it.
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TextFileError(`${fileName}: not UTF-8 text`);
  }
  if (format === 'html') {
    const { text, title } = visibleText(parseHtml(decoded));
    return { text, title: title || fileName, format };
  }
  const heading = (format === 'markdown' ? MARKDOWN_HEADING : PLAIN_TITLE).exec(decoded);
  return { text: decoded, title: heading?.[1]?.trim() || fileName, format };
}

export interface ReadOptions {
  /** Makes a DOM Document of HTML (DOMParser in the page, jsdom in Node). */
  parseHtml: (html: string) => Document;
  /** pdf.js, loaded when a PDF is read (its browser build in the page, its Node build in Node). */
  pdfjs: () => Promise<PdfJs>;
  /** Told each page of a PDF read. */
  onPdfPage?: (page: number, pages: number) => void;
}

/**
 * The text of a file of any format the finder reads, a PDF too; TextFileError as readTextFile.
 * A PDF's title is its metadata's, else a short first line alone (as a plain text's), else its
 * name.
 */
export async function readAnyTextFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<TextOfFile> {
  checkSize(fileName, bytes.length);
  if (textFormat(fileName) !== 'pdf') return readTextFile(fileName, bytes, options.parseHtml);
  const [{ readPdfText }, pdfjs] = await Promise.all([import('./pdf-text.ts'), options.pdfjs()]);
  const { text, title } = await readPdfText(fileName, bytes, pdfjs, options.onPdfPage);
  return { text, title: title || plainTitle(text) || fileName, format: 'pdf' };
}
