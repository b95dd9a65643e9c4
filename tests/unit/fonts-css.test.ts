/**
 * The page's faces (src/fonts.css): Noto Sans 400 and 600, latin and latin-ext each, written out
 * by hand because @fontsource's per-subset stylesheets leave out the unicode-range (the page would
 * fetch latin-ext on its first view) and its per-weight ones declare every other script too. Each
 * range is checked here against @fontsource's own, so that an update of the package is noticed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('src/fonts.css', 'utf8');
const ranges = JSON.parse(
  readFileSync('node_modules/@fontsource/noto-sans/unicode.json', 'utf8'),
) as Record<string, string>;
const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
  file: /noto-sans-([\w-]+)-(\d+)-normal\.woff2/.exec(body!)!,
  weight: /font-weight:\s*(\d+)/.exec(body!)![1],
  range: /unicode-range:([^;]*);/.exec(body!)![1]!.replace(/\s+/g, ''),
}));

describe('the page’s fonts', () => {
  it('are latin and latin-ext at 400 and 600, each with its file’s weight', () => {
    expect(faces.map(({ file }) => `${file[1]} ${file[2]}`).sort()).toEqual([
      'latin 400',
      'latin 600',
      'latin-ext 400',
      'latin-ext 600',
    ]);
    for (const { file, weight } of faces) expect(weight).toBe(file[2]);
  });

  it('cover the ranges @fontsource gives each subset', () => {
    for (const { file, range } of faces) expect(range, file[0]).toBe(ranges[file[1]!]);
  });
});
