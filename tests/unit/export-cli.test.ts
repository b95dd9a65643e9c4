/**
 * The export command (npm run export): its cases run in this process (scripts/export-command.ts),
 * and one smoke test runs it as a user does, in a process of its own, then opens what it wrote
 * with GDAL's ogrinfo, as QGIS would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runExportCommand } from '../../scripts/export-command.ts';
import { LAYER_NAMES, type AtlasLayer } from '../../src/lib/geo/contract.ts';
import { exportLayers } from '../../src/lib/geo/export.ts';
import { citationsSeenByOgrinfo } from './ogrinfo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command run in this process, as `npm run export -- ...args` runs it. */
function run(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runExportCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

function spawnExport(args: string[]): Promise<Run> {
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

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'passage-atlas-export-'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes to standard output with --out -, the same bytes as exportLayers', () => {
    const result = run('--layer', 'routes', '--out', '-');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).layer).toBe('routes');
    expect(result.stdout).toBe(exportLayers(committed, { layer: 'routes' }).text);
  });

  it('writes the file named by --out, and says how many features it holds', () => {
    const file = join(directory, 'view.geojson');
    const result = run('--layer', 'all', '--bbox', '46.59,39.62,46.66,39.7', '--out', file);
    expect(result.code).toBe(0);
    const expected = exportLayers(committed, {
      layer: 'all',
      bbox: [46.59, 39.62, 46.66, 39.7],
    });
    expect(readFileSync(file, 'utf8')).toBe(expected.text);
    expect(result.stderr).toContain(`view.geojson: ${expected.featureCount} feature(s)`);
    expect(result.stdout).toBe('');
  });

  it('writes into a directory under the suggested file name', () => {
    expect(
      run('--layer', 'places', '--id', 'baku', '--id', 'shusha', '--out', directory).code,
    ).toBe(0);
    const text = readFileSync(join(directory, 'passage-atlas-places-2-features.geojson'), 'utf8');
    expect(JSON.parse(text).features.map((f: { id: string }) => f.id)).toEqual(['baku', 'shusha']);
  });

  it('cites the document: the document member, and the citation on every feature', () => {
    const file = JSON.parse(run('--layer', 'all', '--out', '-').stdout);
    expect(file.document).toEqual(committed[0]!.document);
    expect(file.document.publisher).toBe(
      'Ministry of Foreign Affairs of the Republic of Azerbaijan',
    );
    for (const feature of file.features) {
      expect(feature.properties.citation, feature.id).toMatch(
        /^Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important .*”, 14 August 2023, /,
      );
    }
  });

  it('exits 2 for an unknown layer, listing the valid ones', () => {
    const result = run('--layer', 'rivers', '--out', '-');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown layer "rivers"');
    expect(result.stderr).toContain('areas, borders, routes, places, all');
  });

  it('exits 2 for an unknown id, listing the valid ids', () => {
    const result = run('--layer', 'places', '--id', 'baku', '--id', 'atlantis', '--out', '-');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('atlantis');
    expect(result.stderr).toContain('Valid ids: baku, yevlakh, khankendi');
  });

  it('exits 2 for a malformed bbox, saying which rule it breaks', () => {
    const outside = run('--layer', 'all', '--bbox', '-200,39,47,40', '--out', '-');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('longitudes must lie within -180..180');
    const short = run('--layer', 'all', '--bbox', '46,39,47', '--out', '-');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--bbox takes 4 comma-separated numbers');
  });

  it('exits 2 without --out, with the usage', () => {
    const result = run('--layer', 'routes');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out is required');
    expect(result.stderr).toContain('Usage: npm run export');
  });

  it('exits 1 when the file cannot be written, saying where', () => {
    const result = run('--layer', 'routes', '--out', join(directory, 'no-such', 'x.geojson'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not write');
    expect(result.stderr).toContain('no-such');
  });

  it('prints the usage for --help', () => {
    const result = run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run export -- --layer <name|all>');
  });

  it('runs as a command of its own, and GDAL reads the citation on every feature', async () => {
    const file = join(directory, 'all.geojson');
    const result = await spawnExport(['--layer', 'all', '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    const expected = exportLayers(committed, { layer: 'all' });
    expect(readFileSync(file, 'utf8')).toBe(expected.text);
    const seen = await citationsSeenByOgrinfo(file);
    expect(seen.featureCount).toBe(expected.featureCount);
    expect(seen.citations).toHaveLength(expected.featureCount);
    const citation = JSON.parse(expected.text).features[0].properties.citation;
    for (const shown of seen.citations) expect(shown).toBe(citation);
  }, 60_000);
});
