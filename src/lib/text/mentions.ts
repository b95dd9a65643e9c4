/**
 * Finding where a text names a place, and the sentence around each mention.
 */
import { searchAliases, type BlockMatches } from './aliases.ts';
import {
  collapseWhiteSpace,
  findExcerpt,
  findSections,
  SentenceFinder,
  type TextRange,
} from './sentences.ts';

export { findAliasRanges } from './aliases.ts';

export type Section = 'article' | 'related';

export interface Mention {
  start: number;
  end: number;
  text: string;
  excerptStart: number;
  excerptEnd: number;
  excerpt: string;
  section: Section;
}

export interface PlaceAliases {
  id: string;
  aliases: readonly string[];
}

export interface DocumentIndex {
  text: string;
  /** The sentences, found as they are asked for (in text order, each line is segmented once). */
  sentences: SentenceFinder;
  relatedStart: number;
}

export function indexDocument(text: string): DocumentIndex {
  const sections = findSections(text);
  return {
    text,
    sentences: new SentenceFinder(text, sections),
    relatedStart: sections.relatedStart,
  };
}

/** Every mention of each place, with its sentence as the excerpt, keyed by place id. */
export function findMentions(
  document: DocumentIndex,
  places: readonly PlaceAliases[],
): Map<string, Mention[]> {
  // First where each mention is and its excerpt, as numbers; then the mentions, in one go: the
  // scavenges of the young generation that come meanwhile find fewer of them to copy.
  const located = locateMentions(document, places);
  const { text, relatedStart } = document;
  const mentionsOfPlace = places.map((): Mention[] => []);
  // The name last written for each place: mostly it is written the same way, and is not sliced
  // again.
  const nameOfPlace = places.map(() => '');
  // The excerpt last made: a sentence that names several places is collapsed once.
  let excerptStart = -1;
  let excerptEnd = -1;
  let excerpt = '';
  const { rows } = located;
  for (let row = 0; row < located.length * MENTION_ROW; row += MENTION_ROW) {
    const place = rows[row]!;
    const start = rows[row + 1]!;
    const end = rows[row + 2]!;
    if (rows[row + 3] !== excerptStart || rows[row + 4] !== excerptEnd) {
      excerptStart = rows[row + 3]!;
      excerptEnd = rows[row + 4]!;
      excerpt = collapseWhiteSpace(text.slice(excerptStart, excerptEnd));
    }
    let name = nameOfPlace[place]!;
    if (end - start !== name.length || !text.startsWith(name, start)) {
      name = text.slice(start, end);
      nameOfPlace[place] = name;
    }
    mentionsOfPlace[place]!.push({
      start,
      end,
      text: name,
      excerptStart,
      excerptEnd,
      excerpt,
      section: start >= relatedStart ? 'related' : 'article',
    });
  }
  const mentionsByPlace = new Map<string, Mention[]>();
  places.forEach((place, index) => mentionsByPlace.set(place.id, mentionsOfPlace[index]!));
  return mentionsByPlace;
}

/** Numbers in a row of `MentionRows`: place, start, end, excerpt start, excerpt end. */
const MENTION_ROW = 5;

/** Where each mention is and its excerpt, in text order: rows of numbers, no object each. */
class MentionRows {
  rows = new Int32Array(MENTION_ROW * 1024);
  length = 0;

  add(place: number, start: number, end: number, excerpt: TextRange): void {
    if ((this.length + 1) * MENTION_ROW > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const row = this.length++ * MENTION_ROW;
    this.rows[row] = place;
    this.rows[row + 1] = start;
    this.rows[row + 2] = end;
    this.rows[row + 3] = excerpt.start;
    this.rows[row + 4] = excerpt.end;
  }
}

function locateMentions(document: DocumentIndex, places: readonly PlaceAliases[]): MentionRows {
  // Places that share their aliases (a road and its earlier line) share the search.
  const aliasLists: (readonly string[])[] = [];
  const listByAliases = new Map<string, number>();
  const listOfPlace = places.map((place) => {
    const key = JSON.stringify(place.aliases);
    let list = listByAliases.get(key);
    if (list === undefined) {
      list = aliasLists.push(place.aliases) - 1;
      listByAliases.set(key, list);
    }
    return list;
  });
  const located = new MentionRows();
  const excerpt: TextRange = { start: -1, end: -1 };
  const textOrder = new TextOrder();
  searchAliases(document.text, aliasLists, (matchesByList) => {
    // The block's matches in text order, so that each line is segmented once; the block is
    // still in the processor's cache.
    const matchesOfPlace = listOfPlace.map((list) => matchesByList[list]!);
    const next = places.map(() => 0);
    const sorted = textOrder.sort(matchesOfPlace);
    for (let index = 0; index < sorted.length; index++) {
      const place = sorted[index]! % places.length;
      const { offsets } = matchesOfPlace[place]!;
      const start = offsets[next[place]!]!;
      const end = offsets[next[place]! + 1]!;
      next[place]! += 2;
      findExcerpt(document.sentences, start, end, excerpt);
      located.add(place, start, end, excerpt);
    }
  });
  return located;
}

/** Puts each block's matches in text order, in an array kept from block to block. */
class TextOrder {
  #keys = new Float64Array(1024);

  /**
   * The matches, given each place's, as numbers in increasing order: start × places + place (so
   * that the place is the number modulo the places).
   */
  sort(matchesOfPlace: readonly BlockMatches[]): Float64Array {
    const placeCount = matchesOfPlace.length;
    let count = 0;
    for (const matches of matchesOfPlace) count += matches.length / 2;
    if (this.#keys.length < count) this.#keys = new Float64Array(count * 2);
    const keys = this.#keys;
    let key = 0;
    matchesOfPlace.forEach(({ offsets, length }, place) => {
      for (let index = 0; index < length; index += 2) {
        keys[key++] = offsets[index]! * placeCount + place;
      }
    });
    return keys.subarray(0, count).sort();
  }
}

export interface ExcerptParts {
  before: string;
  named: string;
  after: string;
}

/**
 * The excerpt in three parts around its mention, for marking the name. Joined, they are the
 * excerpt: the mention starts and ends on a letter, so no run of white space is cut in two.
 */
export function splitExcerpt(text: string, mention: Mention): ExcerptParts {
  const collapse = (part: string) => part.replace(/\s+/g, ' ');
  return {
    before: collapse(text.slice(mention.excerptStart, mention.start)),
    named: collapse(text.slice(mention.start, mention.end)),
    after: collapse(text.slice(mention.end, mention.excerptEnd)),
  };
}
