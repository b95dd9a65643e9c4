/**
 * Finding a place by any of its names: "Stepanakert" finds Khankendi, "qarabag" finds Garabagh.
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
  return searchIndex(items)(query);
}

/**
 * A search over items whose names are folded once, on the first query, for a list searched on
 * every keystroke (a reader's layer may hold 100 000 places: folding them all takes ~60 ms).
 */
export function searchIndex<T extends Named>(
  items: readonly T[],
): (query: string) => SearchHit<T>[] {
  let foldedNames: { name: string; folded: string }[][] | null = null;
  return (query) => {
    const folded = foldForSearch(query);
    if (!folded) return items.map((item) => ({ item, matchedName: item.name }));
    foldedNames ??= items.map((item) =>
      [item.name, ...item.variants.map((variant) => variant.name)].map((name) => ({
        name,
        folded: foldForSearch(name),
      })),
    );
    const hits: (SearchHit<T> & { rank: number })[] = [];
    items.forEach((item, index) => {
      let best: { name: string; rank: number } | null = null;
      for (const { name, folded: foldedName } of foldedNames![index]!) {
        const position = foldedName.indexOf(folded);
        if (position === -1) continue;
        // The whole name first, then names that start with the query, then the rest.
        const rank = foldedName === folded ? 0 : position === 0 ? 1 : 2;
        if (!best || rank < best.rank) best = { name, rank };
      }
      if (best) hits.push({ item, matchedName: best.name, rank: best.rank });
    });
    return hits
      .sort((a, b) => a.rank - b.rank)
      .map(({ item, matchedName }) => ({ item, matchedName }));
  };
}
