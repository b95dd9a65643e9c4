/**
 * What the reader gives the atlas to read, made ready for the place finder in the page: a file
 * (read with the command line's own reader, src/lib/text/text-file.ts: an HTML page through the
 * browser's DOMParser, a PDF through pdf.js) or a pasted text; its title, and the SHA-256 of its
 * bytes. Nothing leaves the device.
 */
import { checkSize, plainTitle, readAnyTextFile, TextFileError } from '../text/text-file.ts';

export interface TextInput {
  text: string;
  title: string;
  /** The file's name, or PASTED_FILE. */
  file: string;
  sha256: string;
}

/** What a pasted text is called where a file's name would stand. */
export const PASTED_FILE = 'pasted text';

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An HTML page as the browser parses it: inert (no script runs, nothing is fetched). */
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A file's text; TextFileError, naming the file, for one the finder cannot read. */
export async function readFileInput(
  file: File,
  onPdfPage?: (page: number, pages: number) => void,
): Promise<TextInput> {
  // A file too large is refused before a byte of it is read.
  checkSize(file.name, file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new TextFileError(
      `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const read = await readAnyTextFile(file.name, bytes, {
    parseHtml,
    pdfjs: () => import('./pdf-page.ts').then((module) => module.pdfjs),
    onPdfPage,
  });
  return { text: read.text, title: read.title, file: file.name, sha256: await sha256(bytes) };
}

/** A pasted text; TextFileError if it is empty or too large. */
export async function pastedInput(text: string): Promise<TextInput> {
  const bytes = new TextEncoder().encode(text);
  checkSize('The pasted text', bytes.length);
  if (text.trim() === '') throw new TextFileError('Nothing was pasted: paste a text first');
  const title = plainTitle(text) || text.trim().split(/\s+/).slice(0, 8).join(' ');
  return { text, title, file: PASTED_FILE, sha256: await sha256(bytes) };
}
