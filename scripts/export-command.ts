/**
 * The export command (npm run export, scripts/export.ts) as a function of its arguments: it
 * writes one GeoJSON file of the committed layers (geodata/layers/*.geojson), filtered, in the
 * data contract's shape, the document cited on every feature: the same bytes as the page's
 * download (src/lib/geo/export.ts). Returns the exit code: 0 written; 2 a usage error (unknown
 * layer or id, malformed bbox, missing --out); 1 the file could not be written.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LAYER_NAMES } from '../src/lib/geo/contract.ts';
import {
  ALL_LAYERS,
  ExportError,
  exportLayers,
  type ExportableLayer,
  type ExportRequest,
} from '../src/lib/geo/export.ts';
import { GEODATA_DIRECTORY } from './geodata-files.ts';

const LAYERS_DIRECTORY = join(GEODATA_DIRECTORY, 'layers');

const USAGE = `Usage: npm run export -- --layer <name|all> [--bbox west,south,east,north] [--id <id> ...] --out <file|->

Writes a GeoJSON file (RFC 7946, the data contract's shape) of the committed layers.

  --layer <name|all>   a layer (${LAYER_NAMES.join(', ')}) or "all" for every layer
  --bbox w,s,e,n       only features whose geometry intersects this box (degrees, WGS 84;
                       -180 <= w < e <= 180, -90 <= s < n <= 90)
  --id <id>            only this feature; repeat for more (--id baku --id shusha)
  --out <file|->       the file to write; a directory writes the suggested file name into
                       it; "-" writes to standard output (use npm run --silent export ...)
  --help               print this help

Exit codes: 0 written, 2 usage error (unknown layer or id, bad bbox, missing --out),
1 could not read or write a file.`;

class UsageError extends Error {}

/**
 * "--bbox -10,..." would read as an option to parseArgs: join each option that takes a value
 * with the word after it, unless that word is itself an option.
 */
function joinOptionValues(args: readonly string[]): string[] {
  const valued = new Set(['--layer', '--bbox', '--id', '--out']);
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    if (valued.has(arg) && next !== undefined && !next.startsWith('--')) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function parseBbox(text: string): number[] {
  const parts = text.split(',');
  if (parts.length !== 4) {
    throw new UsageError(
      `--bbox takes 4 comma-separated numbers west,south,east,north; got "${text}".`,
    );
  }
  return parts.map((part) => {
    const value = part.trim() === '' ? NaN : Number(part);
    if (!Number.isFinite(value)) {
      throw new UsageError(`--bbox: "${part}" is not a number (in "${text}").`);
    }
    return value;
  });
}

interface Options {
  request: ExportRequest;
  out: string;
}

function parseOptions(args: readonly string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinOptionValues(args),
      options: {
        layer: { type: 'string' },
        bbox: { type: 'string' },
        id: { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.layer === undefined || values.layer === '') {
    throw new UsageError(`--layer is required: one of ${[...LAYER_NAMES, ALL_LAYERS].join(', ')}.`);
  }
  if (values.out === undefined || values.out === '') {
    throw new UsageError('--out is required: a file name, a directory, or - for standard output.');
  }
  const request: ExportRequest = { layer: values.layer };
  if (values.id !== undefined) request.ids = values.id;
  if (values.bbox !== undefined) request.bbox = parseBbox(values.bbox);
  return { request, out: values.out };
}

/** The committed layers: the contract's in their order, then any others by file name. */
function readLayers(): ExportableLayer[] {
  const files = readdirSync(LAYERS_DIRECTORY)
    .filter((file) => file.endsWith('.geojson'))
    .map((file) => file.slice(0, -'.geojson'.length));
  const known = LAYER_NAMES.filter((name) => files.includes(name));
  const others = files.filter((name) => !(LAYER_NAMES as readonly string[]).includes(name)).sort();
  return [...known, ...others].map(
    (name) =>
      JSON.parse(
        readFileSync(join(LAYERS_DIRECTORY, `${name}.geojson`), 'utf8'),
      ) as ExportableLayer,
  );
}

/** Where the command writes what it says: standard output and standard error, or a test's. */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function runExportCommand(args: readonly string[], output: CommandOutput): number {
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    output.stdout(`${USAGE}\n`);
    return 0;
  }

  let result;
  try {
    result = exportLayers(readLayers(), options.request);
  } catch (error) {
    if (error instanceof ExportError) {
      output.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (options.out === '-') {
    output.stdout(result.text);
    return 0;
  }
  const target =
    existsSync(options.out) && statSync(options.out).isDirectory()
      ? join(options.out, result.fileName)
      : options.out;
  try {
    writeFileSync(target, result.text);
  } catch (error) {
    output.stderr(`Could not write ${target}: ${(error as Error).message}\n`);
    return 1;
  }
  output.stderr(`${target}: ${result.featureCount} feature(s)\n`);
  return 0;
}
