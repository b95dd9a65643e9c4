/**
 * Finding a place by any of its names: "Stepanakert" finds Khankendi, "qarabag" finds Garabagh.
 *
 * Runs in the page.
 */
import { foldForSearch } from './fold.ts';

export { foldForSearch };

export interface Named {
  id: string;
  name: string;
  variants: readonly { name: string }[];
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
