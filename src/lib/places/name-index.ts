/**
 * The folded names of names.tsv, looked up where they lie in the file's text: the lines are
 * sorted by UTF-16 code units, so a name is found by binary search, and no map of 170,000 keys
 * is built when the gazetteer loads (that took 150–350 ms; finding the lines takes 10). Each
 * name asked for is remembered, as is each answer for the words that start a name.
 */

/** The offset of each line's start after the first (the header), and the text's end plus one. */
export function lineStarts(text: string): Int32Array {
  let count = 0;
  for (
    let at = text.indexOf('\n');
    at !== -1 && at + 1 < text.length;
    at = text.indexOf('\n', at + 1)
  ) {
    count++;
  }
  const starts = new Int32Array(count + 1);
  let line = 0;
  for (
    let at = text.indexOf('\n');
    at !== -1 && at + 1 < text.length;
    at = text.indexOf('\n', at + 1)
  ) {
    starts[line++] = at + 1;
  }
  starts[line] = text.endsWith('\n') ? text.length : text.length + 1;
  return starts;
}

const TAB = 0x09;
const SPACE = 0x20;

export class NameIndex {
  readonly #text: string;
  readonly #starts: Int32Array;
  /** The rest of each line asked for ("flags\trecords"), or null for a name not there. */
  readonly #found = new Map<string, string | null>();
  readonly #longest = new Map<string, number>();

  constructor(text: string) {
    this.#text = text;
    this.#starts = lineStarts(text);
  }

  get size(): number {
    return this.#starts.length - 1;
  }

  /** `key` against the key of line `line`: negative, zero or positive, by code units. */
  #compare(key: string, line: number): number {
    const text = this.#text;
    let at = this.#starts[line]!;
    for (let index = 0; index < key.length; index++, at++) {
      const code = text.charCodeAt(at);
      // The line's key ends (a tab) before `key` does: `key` sorts after it.
      if (code === TAB) return 1;
      const difference = key.charCodeAt(index) - code;
      if (difference !== 0) return difference;
    }
    return text.charCodeAt(at) === TAB ? 0 : -1;
  }

  /** The first line whose key is not below `key`. */
  #lowerBound(key: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#compare(key, middle) > 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The rest of the key's line ("flags\trecords"), or undefined if the key is not there. */
  get(key: string): string | undefined {
    let found = this.#found.get(key);
    if (found === undefined) {
      const line = this.#lowerBound(key);
      found =
        line < this.size && this.#compare(key, line) === 0
          ? this.#text.slice(this.#starts[line]! + key.length + 1, this.#starts[line + 1]! - 1)
          : null;
      this.#found.set(key, found);
    }
    return found ?? undefined;
  }

  /** The most words of any key that starts with the word `first` (1 if none has more). */
  longestFrom(first: string): number {
    let longest = this.#longest.get(first);
    if (longest !== undefined) return longest;
    longest = 1;
    const prefix = `${first} `;
    const text = this.#text;
    for (
      let line = this.#lowerBound(prefix);
      line < this.size && text.startsWith(prefix, this.#starts[line]!);
      line++
    ) {
      let words = 1;
      for (let at = this.#starts[line]!; text.charCodeAt(at) !== TAB; at++) {
        if (text.charCodeAt(at) === SPACE) words++;
      }
      if (words > longest) longest = words;
    }
    this.#longest.set(first, longest);
    return longest;
  }
}
