/**
 * Finding a place by any of its names: "Stepanakert" finds Khankendi, "qarabag" finds Garabagh.
 */

export interface Named {
  id: string;
  name: string;
  variants: readonly { name: string }[];
}

/**
 * Letters that a reader types without their mark but that Unicode does not decompose into a base
 * letter and a mark: Azerbaijani ı and ə (Bakı, Xankəndi, Laçın), and a few more Latin ones.
 */
const UNDECOMPOSED_LETTERS: Record<string, string> = {
  ı: 'i',
  ə: 'e',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join('')}]`, 'g');

/** Lower case, without diacritics, dashes as spaces, white space collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED_LETTERS[letter]!)
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchHit<T extends Named> {
  item: T;
  /** The name that matched: the text's own, or the variant the reader typed. */
  matchedName: string;
}

/** Items whose name or a variant contains the query; exact names, then prefixes, first. */
export function searchByName<T extends Named>(items: readonly T[], query: string): SearchHit<T>[] {
  const folded = foldForSearch(query);
  if (!folded) return items.map((item) => ({ item, matchedName: item.name }));
  const hits: (SearchHit<T> & { rank: number })[] = [];
  for (const item of items) {
    const names = [item.name, ...item.variants.map((variant) => variant.name)];
    let best: { name: string; rank: number } | null = null;
    for (const name of names) {
      const foldedName = foldForSearch(name);
      const position = foldedName.indexOf(folded);
      if (position === -1) continue;
      // The whole name first, then names that start with the query, then the rest.
      const rank = foldedName === folded ? 0 : position === 0 ? 1 : 2;
      if (!best || rank < best.rank) best = { name, rank };
    }
    if (best) hits.push({ item, matchedName: best.name, rank: best.rank });
  }
  return hits
    .sort((a, b) => a.rank - b.rank)
    .map(({ item, matchedName }) => ({ item, matchedName }));
}
