/**
 * Folding names so that the ways people write one name compare alike: case, diacritics, the
 * letters Unicode does not take apart, dashes and white space. The search box, file names and
 * the gazetteer all fold with this one module.
 *
 * Runs in the page (search, the place finder) and in the build (the gazetteer).
 */

/**
 * Letters that a reader types without their mark but that Unicode does not decompose into a base
 * letter and a mark: Azerbaijani ı and ə (Bakı, Xankəndi, Laçın) — which GeoNames writes with
 * U+01DD ǝ, the turned e, where Azerbaijani uses U+0259 ə — and a few more Latin ones.
 */
const UNDECOMPOSED_LETTERS: Record<string, string> = {
  ı: 'i',
  ə: 'e',
  ǝ: 'e',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
};
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join('')}]`, 'g');

/** Lower case, base letters only: "Xankəndi" and "XANKǝNDİ" both give "xankendi". */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED_LETTERS[letter]!);
}

/** Letters folded, dashes as spaces, white space collapsed: "Aghdam–Khankendi" ~ "aghdam khankendi". */
export function foldForSearch(text: string): string {
  return foldLetters(text)
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
