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
  return searchIndex(items)(query);
}

/**
 * A search over items whose names are folded once, on the first query, for a list searched on
 * every keystroke (a reader's layer may hold 100 000 places).
 */
export function searchIndex<T extends Named>(
  items: readonly T[],
): (query: string) => SearchHit<T>[] {
  // Every item's names in one flat list, folded, and where each item's names start in it.
  let names: string[] | null = null;
  let folded: string[] = [];
  const starts: number[] = [];
  return (query) => {
    const wanted = foldForSearch(query);
    if (!wanted) return items.map((item) => ({ item, matchedName: item.name }));
    if (!names) {
      names = [];
      for (const item of items) {
        starts.push(names.length);
        names.push(item.name);
        for (const variant of item.variants) names.push(variant.name);
      }
      starts.push(names.length);
      folded = names.map(foldForSearch);
    }
    // The whole name first, then names that start with the query, then the rest: one list per
    // rank, each in the items' order, rather than a sort.
    const ranked: SearchHit<T>[][] = [[], [], []];
    for (let index = 0; index < items.length; index++) {
      let best = -1;
      let rank = 3;
      for (let name = starts[index]!; name < starts[index + 1]!; name++) {
        const position = folded[name]!.indexOf(wanted);
        if (position === -1) continue;
        const nameRank = folded[name] === wanted ? 0 : position === 0 ? 1 : 2;
        if (nameRank < rank) [best, rank] = [name, nameRank];
      }
      if (best !== -1) ranked[rank]!.push({ item: items[index]!, matchedName: names[best]! });
    }
    return ranked.flat();
  };
}
