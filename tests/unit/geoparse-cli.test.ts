/** npm run geoparse, in-process (and once spawned): outputs, refusals and exit codes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceFinderData } from '../../src/lib/places/find-places.ts';
import { runGeoparse } from '../../scripts/geoparse-cli.ts';
import { placeFinderData } from '../../scripts/place-finder-data.ts';

let data: PlaceFinderData;
let directory: string;
beforeAll(() => {
  data = placeFinderData();
  directory = mkdtempSync(join(tmpdir(), 'geoparse-'));
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runGeoparse(
    args,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    () => data,
  );
  return { code, stdout, stderr };
}

const file = (name: string, content: string | Buffer) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

describe('geoparse', () => {
  it("writes the contract's FeatureCollection for a text with a BOM and CRLF line ends", async () => {
    const text = 'Talks in Baku\r\nended; Yerevan replied.\r\n';
    const input = file('statement.txt', `\ufeff${text}`);
    const { code, stdout } = await run(input, '--out', '-');
    expect(code).toBe(0);
    const collection = JSON.parse(stdout);
    expect(collection.document).toEqual({
      title: 'statement.txt',
      file: 'statement.txt',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const mentions = collection.features.flatMap(
      (feature: { properties: { mentions: { start: number; end: number; text: string }[] } }) =>
        feature.properties.mentions,
    );
    expect(mentions.map((mention: { text: string }) => mention.text)).toEqual(['Baku', 'Yerevan']);
    for (const mention of mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it("reads the visible text of HTML, and a Markdown file's first heading as its title", async () => {
    const html = file(
      'page.html',
      '<html><head><title>T</title><script>var Paris = 1;</script></head><body><h1>News from Ganja</h1><p>Shelling near <b>Tartar</b>.</p></body></html>',
    );
    const markdown = file('notes.md', 'Intro line\n\n## Notes on Tbilisi\n\nA trip to Tbilisi.\n');
    const out = join(directory, 'out');
    expect((await run(html, markdown, '--out', out)).code).toBe(0);
    const page = JSON.parse(readFileSync(join(out, 'page.geojson'), 'utf8'));
    expect(page.document.title).toBe('News from Ganja');
    expect(
      page.features.map((feature: { properties: { name: string } }) => feature.properties.name),
    ).toEqual(['Ganja', 'Tartar']);
    expect(JSON.parse(readFileSync(join(out, 'notes.geojson'), 'utf8')).document.title).toBe(
      'Notes on Tbilisi',
    );
  }, 30_000);

  it('refuses a missing, binary or oversized file by name with exit code 2, and writes the others', async () => {
    const good = file('good.txt', 'Baku.');
    const binary = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const large = file('large.txt', '');
    truncateSync(large, 21 * 1024 * 1024);
    const out = join(directory, 'mixed');
    const notPdf = file('scan.pdf', 'not a PDF at all');
    const { code, stderr } = await run(
      join(directory, 'missing.txt'),
      binary,
      large,
      notPdf,
      good,
      '--out',
      out,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('missing.txt: no such file');
    expect(stderr).toContain('image.txt: a binary file');
    expect(stderr).toContain('large.txt: 21.0 MB, more than the 20 MB');
    expect(stderr).toContain('scan.pdf: not a PDF (it does not start as one)');
    expect(JSON.parse(readFileSync(join(out, 'good.geojson'), 'utf8')).features).toHaveLength(1);
  });

  it('refuses usage errors with exit code 2 and the usage', async () => {
    expect((await run('a.txt')).code).toBe(2);
    expect((await run()).stderr).toContain('Usage: npm run geoparse');
    expect((await run(file('a.txt', 'x'), file('b.txt', 'y'), '--out', '-')).stderr).toContain(
      'give one input',
    );
  });

  it("reads a PDF's text through pdf.js, its metadata's title, and finds its places", async () => {
    const { code, stdout } = await run('tests/fixtures/texts/bridge-opening.pdf', '--out', '-');
    expect(code).toBe(0);
    const collection = JSON.parse(stdout);
    expect(collection.document).toMatchObject({
      title: 'New bridge links two river towns',
      file: 'bridge-opening.pdf',
    });
    const names = collection.features.map(
      (feature: { properties: { name: string } }) => feature.properties.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Astara', 'Tehran', 'Masally', 'Shamakhi']));
    const tehran = collection.features.find(
      (feature: { properties: { name: string } }) => feature.properties.name === 'Tehran',
    );
    expect(tehran.properties.mentions[0].excerpt).toBe(
      'Lorries bound for Tehran queued on the old road for days each summer.',
    );
  }, 30_000);

  it('runs as npm run geoparse (spawned once)', () => {
    const input = file('smoke.txt', 'A convoy left Goris for Lachin.');
    const output = execFileSync('npx', ['tsx', 'scripts/geoparse.ts', input, '--out', '-'], {
      encoding: 'utf8',
    });
    expect(
      JSON.parse(output).features.map(
        (feature: { properties: { name: string } }) => feature.properties.name,
      ),
    ).toEqual(['Goris', 'Lachin']);
  }, 60_000);
});
