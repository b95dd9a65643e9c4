/**
 * The place finder's command line, callable in-process (tests) and from scripts/geoparse.ts:
 * each input file (.txt, .md, .html as UTF-8, .pdf through pdf.js) read as the page reads it
 * (src/lib/text/text-file.ts), its places found, and written as the data contract's
 * FeatureCollection with the same writer as the page's export.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { exportLayers, type ImportedLayer } from '../src/lib/geo/export.ts';
import { findPlaces, type PlaceFinderData } from '../src/lib/places/find-places.ts';
import type { PdfJs } from '../src/lib/text/pdf-text.ts';
import {
  checkSize,
  readAnyTextFile,
  TEXT_FORMATS_READ,
  TextFileError,
  textFormat,
  type TextOfFile,
} from '../src/lib/text/text-file.ts';

export const USAGE = `Usage: npm run geoparse -- FILE... --out DIR|-

Finds the places each text names (world gazetteer, offline) and writes DIR/<name>.geojson: the
data contract's FeatureCollection, every place a suggestion with its excerpts and candidates.

  FILE        .txt, .md or .html (visible text only: offsets are into the extracted text),
              UTF-8 with or without a byte-order mark, CRLF or LF line ends; or .pdf (its
              text, as pdf.js reads it); at most 20 MB
  --out DIR   the folder to write into (made if missing)
  --out -     standard output (one input only; use npm run --silent geoparse ...)
  --help      print this help

Exit codes: 0 every file written; 2 a usage error, or a file refused (missing, binary, not
UTF-8, not a readable PDF, over 20 MB: the others are still written); 1 a file could not be
written.`;

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ReadText extends TextOfFile {
  sha256: string;
}

/** jsdom takes a second to load: only for HTML. */
function parseHtml(html: string): Document {
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
    JSDOM: new (html: string) => { window: { document: Document } };
  };
  return new JSDOM(html).window.document;
}

/** pdf.js's build for Node, loaded only when a PDF is read. */
const nodePdfjs = (): Promise<PdfJs> => import('pdfjs-dist/legacy/build/pdf.mjs');

/** A file's text as the finder reads it, or TextFileError saying what is wrong with which file. */
export async function readInput(file: string): Promise<ReadText> {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new TextFileError(`${file}: not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    throw new TextFileError(`${file}: no such file`);
  }
  checkSize(file, size);
  if (!textFormat(file)) throw new TextFileError(`${file}: not a ${TEXT_FORMATS_READ} file`);
  const bytes = readFileSync(file);
  const read = await readAnyTextFile(file, bytes, { parseHtml, pdfjs: nodePdfjs });
  // A file without a title of its own is named by its name, not by the path it was given as.
  const title = read.title === file ? basename(file) : read.title;
  return { ...read, title, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The GeoJSON file of one text's places. */
export async function geoparseFile(file: string, data: PlaceFinderData): Promise<string> {
  const { text, title, sha256 } = await readInput(file);
  const layer: ImportedLayer = {
    type: 'FeatureCollection',
    layer: 'places',
    document: { title, file: basename(file), sha256 },
    features: findPlaces(text, data) as unknown as ImportedLayer['features'],
  };
  return exportLayers([layer], { layer: 'places' }).text;
}

/** Runs the command line; resolves to its exit code. `data` is read only if a file needs it. */
export async function runGeoparse(
  args: readonly string[],
  output: CliOutput,
  loadData: () => PlaceFinderData,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  const files: string[] = [];
  let out: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--out') out = args[++index];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('--')) return usage(output, `Unknown option ${arg}.`);
    else files.push(arg);
  }
  if (files.length === 0) return usage(output, 'No input file given.');
  if (out === undefined || out === '')
    return usage(output, '--out DIR (or --out - for standard output) is required.');
  if (out === '-' && files.length > 1)
    return usage(output, '--out - writes one file to standard output: give one input.');
  let data: PlaceFinderData | undefined;
  let code = 0;
  for (const file of files) {
    let geojson: string;
    try {
      geojson = await geoparseFile(file, (data ??= loadData()));
    } catch (error) {
      if (!(error instanceof TextFileError)) throw error;
      output.stderr(`geoparse: ${error.message}\n`);
      code = 2;
      continue;
    }
    if (out === '-') {
      output.stdout(geojson);
      continue;
    }
    const target = join(out, `${basename(file, extname(file))}.geojson`);
    try {
      mkdirSync(out, { recursive: true });
      writeFileSync(target, geojson);
      output.stderr(`${target}\n`);
    } catch (error) {
      output.stderr(`geoparse: cannot write ${target}: ${(error as Error).message}\n`);
      code = Math.max(code, 1) === 2 ? 2 : 1;
    }
  }
  return code;
}

function usage(output: CliOutput, message: string): number {
  output.stderr(`geoparse: ${message}\n\n${USAGE}\n`);
  return 2;
}
