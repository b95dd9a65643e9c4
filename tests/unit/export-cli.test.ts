/**
 * scripts/export.ts (npm run export) as a user runs it: a child process per case, all started
 * at once in beforeAll so the suite costs about one Node start-up.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LAYER_NAMES, type AtlasLayer } from '../../src/lib/geo/contract.ts';
import { exportLayers } from '../../src/lib/geo/export.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runExport(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/export.ts', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const committed: AtlasLayer[] = LAYER_NAMES.map((name) =>
  JSON.parse(readFileSync(join(ROOT, 'geodata', 'layers', `${name}.geojson`), 'utf8')),
);

let directory: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'passage-atlas-export-'));
  const cases: Record<string, string[]> = {
    stdout: ['--layer', 'routes', '--out', '-'],
    file: [
      '--layer',
      'all',
      '--bbox',
      '46.59,39.62,46.66,39.7',
      '--out',
      join(directory, 'view.geojson'),
    ],
    directory: ['--layer', 'places', '--id', 'baku', '--id', 'shusha', '--out', directory],
    unknownLayer: ['--layer', 'rivers', '--out', '-'],
    unknownId: ['--layer', 'places', '--id', 'baku', '--id', 'atlantis', '--out', '-'],
    badBbox: ['--layer', 'all', '--bbox', '-200,39,47,40', '--out', '-'],
    shortBbox: ['--layer', 'all', '--bbox', '46,39,47', '--out', '-'],
    missingOut: ['--layer', 'routes'],
    help: ['--help'],
  };
  const names = Object.keys(cases);
  const results = await Promise.all(names.map((name) => runExport(cases[name]!)));
  names.forEach((name, index) => (runs[name] = results[index]!));
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes to standard output with --out -, the same bytes as exportLayers', () => {
    const run = runs.stdout!;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).layer).toBe('routes');
    expect(run.stdout).toBe(exportLayers(committed, { layer: 'routes' }).text);
  });

  it('writes the file named by --out, and says how many features it holds', () => {
    const run = runs.file!;
    expect(run.code).toBe(0);
    const expected = exportLayers(committed, {
      layer: 'all',
      bbox: [46.59, 39.62, 46.66, 39.7],
    });
    expect(readFileSync(join(directory, 'view.geojson'), 'utf8')).toBe(expected.text);
    expect(run.stderr).toContain(`view.geojson: ${expected.featureCount} feature(s)`);
    expect(run.stdout).toBe('');
  });

  it('writes into a directory under the suggested file name', () => {
    expect(runs.directory!.code).toBe(0);
    const text = readFileSync(join(directory, 'passage-atlas-places-2-features.geojson'), 'utf8');
    expect(JSON.parse(text).features.map((f: { id: string }) => f.id)).toEqual(['baku', 'shusha']);
  });

  it('exits 2 for an unknown layer, listing the valid ones', () => {
    const run = runs.unknownLayer!;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Unknown layer "rivers"');
    expect(run.stderr).toContain('areas, borders, routes, places, all');
  });

  it('exits 2 for an unknown id, listing the valid ids', () => {
    const run = runs.unknownId!;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('atlantis');
    expect(run.stderr).toContain('Valid ids: baku, yevlakh, khankendi');
  });

  it('exits 2 for a malformed bbox, saying which rule it breaks', () => {
    expect(runs.badBbox!.code).toBe(2);
    expect(runs.badBbox!.stderr).toContain('longitudes must lie within -180..180');
    expect(runs.shortBbox!.code).toBe(2);
    expect(runs.shortBbox!.stderr).toContain('--bbox takes 4 comma-separated numbers');
  });

  it('exits 2 without --out, with the usage', () => {
    expect(runs.missingOut!.code).toBe(2);
    expect(runs.missingOut!.stderr).toContain('--out is required');
    expect(runs.missingOut!.stderr).toContain('Usage: npm run export');
  });

  it('prints the usage for --help', () => {
    expect(runs.help!.code).toBe(0);
    expect(runs.help!.stdout).toContain('Usage: npm run export -- --layer <name|all>');
  });
});
