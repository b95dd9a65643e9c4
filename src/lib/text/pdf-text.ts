/**
 * A PDF's text, through pdf.js (`pdfjs-dist`): its pages' text in reading order, a line break
 * where a line ends and a blank line where the gap above a line is a paragraph's; and the title
 * its metadata gives. The page hands in pdf.js's browser build (its worker a file of the page's
 * own origin, pdf-page.ts), the command line its Node build: both read a PDF with this module.
 *
 * pdf.js is told to evaluate no strings as code (the page's policy allows none) and to fetch
 * nothing: no character maps, no standard fonts, no WebAssembly. Reading text needs none of them
 * (the glyphs' Unicode comes from the fonts' own tables); a PDF whose text needs a predefined
 * CJK character map reads without it, as far as its fonts say. Runs in the page and in Node.
 */
import type { getDocument as GetDocument } from 'pdfjs-dist';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { TextFileError } from './text-file.ts';

/** The part of pdf.js this reader uses (the browser's and Node's builds alike). */
export interface PdfJs {
  getDocument: typeof GetDocument;
}

export interface PdfText {
  text: string;
  /** The title the PDF's metadata gives; '' where it gives none. */
  title: string;
}

/** A PDF begins with this (within its first kilobyte, PDF 1.7 §7.5.2 allows junk before). */
const PDF_MARK = '%PDF-';
/** A gap between two lines larger than this many line heights is a paragraph break. */
const PARAGRAPH_GAP = 1.6;

function startsAsPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes(PDF_MARK);
}

/** One page's text: its items in order, lines broken, paragraphs a blank line apart. */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  let text = '';
  let lastY: number | null = null;
  let lineHeight = 0;
  let lineEnded = false;
  for (const item of items) {
    if (!('str' in item)) continue;
    const y = item.transform[5]!;
    const height = item.height || Math.abs(item.transform[3]!) || lineHeight;
    if (item.str.trim() !== '' && lastY !== null && Math.abs(y - lastY) > height / 2) {
      // A new line, whether or not pdf.js marked the end of the last.
      if (!lineEnded) text += '\n';
      if (Math.abs(lastY - y) > PARAGRAPH_GAP * Math.max(height, lineHeight)) text += '\n';
      lineEnded = false;
    }
    if (lineEnded && item.str.trim() !== '') lineEnded = false;
    text += item.str;
    if (item.str.trim() !== '') {
      lastY = y;
      lineHeight = height;
    }
    if (item.hasEOL) {
      text = text.replace(/[ \t]+$/, '');
      if (!lineEnded) text += '\n';
      lineEnded = true;
    }
  }
  return text.replace(/[ \t]+$/gm, '').trim();
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/**
 * The text of a PDF file; TextFileError, naming the file, if it is no PDF, is locked by a
 * password, cannot be read, or holds no text (a scan). `onPage` is told each page read.
 */
export async function readPdfText(
  fileName: string,
  bytes: Uint8Array,
  pdfjs: PdfJs,
  onPage?: (page: number, pages: number) => void,
): Promise<PdfText> {
  if (!startsAsPdf(bytes))
    throw new TextFileError(`${fileName}: not a PDF (it does not start as one)`);
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over: the caller's bytes stay its own.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      if (errorName(error) === 'PasswordException')
        throw new TextFileError(`${fileName}: the PDF is locked by a password`);
      throw new TextFileError(
        `${fileName}: not a PDF that can be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push(pageText((await page.getTextContent()).items));
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    const text = pages.filter((page) => page !== '').join('\n\n');
    if (text.trim() === '') {
      throw new TextFileError(
        `${fileName}: the PDF holds no text, only pictures of pages (a scan?); nothing to read`,
      );
    }
    const { info } = await document.getMetadata().catch(() => ({ info: {} }));
    const title = (info as { Title?: unknown }).Title;
    return { text, title: typeof title === 'string' ? title.trim() : '' };
  } finally {
    await task.destroy();
  }
}
