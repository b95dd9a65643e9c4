/**
 * The key a place name is looked up by: its words, folded (fold.ts), joined by single spaces.
 * The gazetteer build and the place finder cut names into words with this one definition, so a
 * name in the text finds the gazetteer's name however its dashes, spaces, case and marks differ:
 * "Aghdam–Khankendi" and "Xankəndi" give "aghdam khankendi" and "xankendi".
 *
 * Runs in the page (the place finder) and in the build (the gazetteer).
 */
import { foldLetters } from './fold.ts';

/**
 * A word of a name: letters (with their marks) and digits, with an apostrophe inside it
 * ("Val-d'Or", "N’Djamena"). Dashes, spaces, periods and all other punctuation separate words.
 */
export const NAME_WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;

/** One word folded: letters folded, every apostrophe as "'". */
export function foldWord(word: string): string {
  return foldLetters(word).replace(/[’ʼ]/g, "'");
}

/** The words of a name, as the finder cuts the text. */
export function nameWords(name: string): string[] {
  return name.match(NAME_WORD) ?? [];
}

/** The lookup key of a name; '' for a name without a word. */
export function nameKey(name: string): string {
  return nameWords(name).map(foldWord).join(' ');
}

/** Levenshtein distance between two keys; names are short, so the plain two-row table does. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, replace);
    }
    previous = current;
  }
  return previous[b.length]!;
}
