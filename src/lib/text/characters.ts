/**
 * Single characters against character classes, for loops over long texts: there a regular
 * expression call per character costs more than the loop around it. Runs in the page (the place
 * finder's worker) and in the build.
 *
 * A test builds its table when it is first called, not when its module is loaded: a module may
 * keep its tests in constants, and the page that imports it for something else pays nothing.
 */

/** For each ASCII code, 1 if `characterClass` (a pattern of one character) holds it, else 0. */
export function asciiTable(characterClass: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    table[code] = characterClass.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return table;
}

/** The ASCII characters of `table` (see `asciiTable`), as escapes for a character class. */
export function asciiClass(table: Uint8Array): string {
  let characters = '';
  table.forEach((inClass, code) => {
    if (inClass) characters += `\\x${code.toString(16).padStart(2, '0')}`;
  });
  return characters;
}

/**
 * A test of one code point against `characterClass`, a pattern of one character (neither global
 * nor sticky): the same answer as `characterClass.test(String.fromCodePoint(codePoint))`, from a
 * table for ASCII (built on the first call) and remembered for the rest.
 */
export function characterTest(characterClass: RegExp): (codePoint: number) => boolean {
  let ascii: Uint8Array | undefined;
  const others = new Map<number, boolean>();
  return (codePoint) => {
    if (codePoint < 128) return (ascii ??= asciiTable(characterClass))[codePoint] === 1;
    let matches = others.get(codePoint);
    if (matches === undefined) {
      matches = characterClass.test(String.fromCodePoint(codePoint));
      others.set(codePoint, matches);
    }
    return matches;
  };
}

const isLeadSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The code point that ends just before `index`, as a pattern with the `u` flag reads it looking
 * back (a surrogate pair is one code point, a lone surrogate is itself); -1 at the start.
 */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const last = text.charCodeAt(index - 1);
  if (index >= 2 && isTrailSurrogate(last) && isLeadSurrogate(text.charCodeAt(index - 2))) {
    return text.codePointAt(index - 2)!;
  }
  return last;
}

/**
 * The code point that starts at `index`, reading no further than `end`, as a pattern with the `u`
 * flag reads the text cut at `end`.
 */
export function codePointAt(text: string, index: number, end: number): number {
  const first = text.charCodeAt(index);
  if (index + 1 < end && isLeadSurrogate(first) && isTrailSurrogate(text.charCodeAt(index + 1))) {
    return text.codePointAt(index)!;
  }
  return first;
}
