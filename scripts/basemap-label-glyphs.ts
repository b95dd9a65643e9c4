/**
 * The letters the town labels need beyond the page's Latin face (Azerbaijani ə ş ğ, Persian ā ī,
 * ...), cut from Noto Sans' latin-ext face into a face of their own: about 2 kB instead of the
 * 55 kB the whole latin-ext face would add to the first load. The map registers it with exactly
 * these letters' unicode-range (src/lib/data/context.ts). Cut with fontTools' subsetter, from
 * Debian (`apt-get install python3-fonttools python3-brotli`), needed by `npm run basemap` only.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** What the page's Latin face covers (its unicode-range in src/fonts.css). */
const LATIN_FACE = /[\u0020-\u00ff\u0131\u0152\u0153\u02bb\u02bc\u02c6\u02da\u02dc\u2000-\u206f]/u;

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The code points of `texts` the Latin face lacks, sorted. */
export function lettersBeyondLatin(texts: Iterable<string>): number[] {
  const codePoints = new Set<number>();
  for (const text of texts)
    for (const letter of text) if (!LATIN_FACE.test(letter)) codePoints.add(letter.codePointAt(0)!);
  return [...codePoints].sort((first, second) => first - second);
}

/** Writes the face (woff2) and its unicode-range (JSON) for the letters given. */
export function writeLabelGlyphs(codePoints: number[], fontPath: string, rangePath: string): void {
  const source =
    require.resolve('@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2');
  const unicodeRange = codePoints.map(hex).join(',');
  // Debian's Python, which apt's python3-fonttools installs into.
  const run = spawnSync(
    '/usr/bin/python3',
    [
      '-m',
      'fontTools.subset',
      source,
      `--unicodes=${unicodeRange}`,
      '--flavor=woff2',
      `--output-file=${fontPath}`,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0)
    throw new Error(
      `Cutting the label glyphs failed (apt-get install python3-fonttools python3-brotli):\n${run.stderr ?? run.error}`,
    );
  writeFileSync(rangePath, JSON.stringify({ unicodeRange }) + '\n');
}
