/**
 * Finding the gazetteer's names in a text: the words of the text, folded as the gazetteer folds
 * its names (name-key.ts), looked up longest first, and kept only where the text writes them as a
 * place's name — capitalised, not a common word at the start of a sentence, not part of a
 * person's or an organisation's name, not inside a URL or an e-mail address.
 */
import { foldWord, NAME_WORD, nameWords } from '../text/name-key.ts';
import type { NameEntry, WorldGazetteer } from './world-gazetteer.ts';
import { FREE_AFTER, FREE_BEFORE, ORGANISATION_HEADS, PERSON_TITLES } from './context-words.ts';

export interface NameMatch {
  start: number;
  end: number;
  /** The folded name it was found by. */
  key: string;
  entry: NameEntry;
  /** First of its sentence (a capital there says nothing). */
  sentenceStart: boolean;
  /** A dateline's place: all capitals (or followed by a colon) at the start of a line. */
  dateline: boolean;
  /** Written in capitals ("USA", "YEREVAN"). */
  allCaps: boolean;
  /** The match this one glosses in brackets ("Stepanakert [Khankendi]"), by index. */
  glosses?: number;
}

/** Where URLs, e-mail addresses and web domains are: no place is named inside them. */
const WEB_ADDRESS =
  /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co|uk|ru|az|am|ge)\b(?:\/\S*)?/gi;
/** What may stand between the words of one name: a space or a line break, a dash, a period. */
const NAME_GAP =
  /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[ \t\u00a0]*[-\u2010-\u2014][ \t\u00a0]*|\.[ \t\u00a0]?)$/;
/** After a dateline's place: "YEREVAN, March 3", "BAKU (Reuters) -", "Baku: Today ...". */
const DATELINE_AFTER = /^(?:,|[ \t]*\(|[ \t]*[-\u2013\u2014][ \t]|:)/;
const UPPERCASE = /^[\p{Lu}\p{Lt}]/u;
const LOWERCASE = /\p{Ll}/u;
const SENTENCE_END = /[.!?\n]/;
/** Quotes and brackets that may open a sentence before its first word. */
const OPENING = /["'“‘([\u00ab*\-–—•]/;
/** A name's longest run of words, whatever the gazetteer holds (bounds the look-ups). */
const MOST_WORDS = 6;

interface Words {
  starts: number[];
  ends: number[];
}

/** The words of the text (name-key.ts), a possessive "'s" left out: "Armenia's" is "Armenia". */
function textWords(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const word = new RegExp(NAME_WORD.source, 'gu');
  for (let match = word.exec(text); match; match = word.exec(text)) {
    let end = match.index + match[0].length;
    const last = text.charCodeAt(end - 1);
    if ((last === 0x73 || last === 0x53) && end - match.index > 3 && /['’]/.test(text[end - 2]!)) {
      end -= 2;
    }
    starts.push(match.index);
    ends.push(end);
  }
  return { starts, ends };
}

function webRanges(text: string): [number, number][] {
  return [...text.matchAll(WEB_ADDRESS)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

/** Whether the word at `start` opens a sentence (or a line). */
function opensSentence(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t' || OPENING.test(text[at]!))) at--;
  return at < 0 || SENTENCE_END.test(text[at]!) || text[at] === ':';
}

/** Whether only white space stands between the line's start and `start`. */
function opensLine(text: string, start: number): boolean {
  for (let at = start - 1; at >= 0; at--) {
    const character = text[at]!;
    if (character === '\n') return true;
    if (character !== ' ' && character !== '\t' && character !== '\r') return false;
  }
  return true;
}

const isAllCaps = (word: string) => word.length > 1 && !LOWERCASE.test(word);

export class NameScanner {
  readonly #gazetteer: WorldGazetteer;
  readonly #folded = new Map<string, string>();
  /** Names the text writes as a person's surname, for the scan under way. */
  #personKeys = new Set<string>();

  constructor(gazetteer: WorldGazetteer) {
    this.#gazetteer = gazetteer;
  }

  #fold(word: string): string {
    let folded = this.#folded.get(word);
    if (folded === undefined) {
      folded = foldWord(word);
      this.#folded.set(word, folded);
    }
    return folded;
  }

  /** Every name of the gazetteer the text writes as a place's name, in text order. */
  scan(text: string): NameMatch[] {
    const { starts, ends } = textWords(text);
    this.#personKeys = new Set();
    const web = webRanges(text);
    let webIndex = 0;
    const matches: NameMatch[] = [];
    const wordAt = (index: number) => text.slice(starts[index]!, ends[index]!);
    const gapAfter = (index: number) => text.slice(ends[index]!, starts[index + 1]!);
    for (let index = 0; index < starts.length; index++) {
      const first = wordAt(index);
      if (!UPPERCASE.test(first)) continue;
      while (webIndex < web.length && web[webIndex]![1] <= starts[index]!) webIndex++;
      const inWeb = webIndex < web.length && web[webIndex]![0] <= starts[index]!;
      const firstKey = this.#fold(first);
      const most = Math.min(this.#gazetteer.longestNameFrom(firstKey), MOST_WORDS);
      // Longest first; the words of one name are joined by a name's gaps only.
      let joined = 1;
      while (
        joined < most &&
        index + joined < starts.length &&
        NAME_GAP.test(gapAfter(index + joined - 1))
      )
        joined++;
      for (let count = joined; count >= 1; count--) {
        const lastWord = wordAt(index + count - 1);
        if (count > 1 && !UPPERCASE.test(lastWord) && !/^\d/.test(lastWord)) continue;
        let key = firstKey;
        for (let next = 1; next < count; next++) key += ` ${this.#fold(wordAt(index + next))}`;
        const entry = this.#gazetteer.lookup(key);
        if (!entry) continue;
        const last = index + count - 1;
        if (!inWeb) {
          const match = this.#judge(text, { starts, ends }, index, last, key, entry);
          if (match) matches.push(match);
        }
        index = last;
        break;
      }
    }
    // A name written once after a first name ("Mark Kelly") is a person's all through the text.
    const places = matches.filter((match) => !this.#personKeys.has(match.key));
    markGlosses(text, places);
    return places;
  }

  /** The match of words first..last, or undefined where the context says it is no place. */
  #judge(
    text: string,
    words: Words,
    first: number,
    last: number,
    key: string,
    entry: NameEntry,
  ): NameMatch | undefined {
    const { starts, ends } = words;
    const start = starts[first]!;
    const end = ends[last]!;
    const written = text.slice(start, end);
    const allCaps = isAllCaps(written.replace(/[^\p{L}]/gu, ''));
    const lineStart = opensLine(text, start);
    const dateline =
      lineStart && DATELINE_AFTER.test(text.slice(end, end + 3)) && (allCaps || text[end] === ':');
    const sentenceStart = opensSentence(text, start);
    if (allCaps && !dateline && !this.#writtenInCapitals(entry, written)) return undefined;
    if (entry.commonWord && first === last && (sentenceStart || allCaps) && !dateline)
      return undefined;
    const before = first > 0 ? text.slice(ends[first - 1]!, start) : '\n';
    const previous = first > 0 ? this.#fold(text.slice(starts[first - 1]!, ends[first - 1]!)) : '';
    if (/^\.? $/.test(before) && PERSON_TITLES.has(previous)) return undefined;
    // A title itself ("Sen."), or a word of two letters not written as the gazetteer writes it.
    if (
      first === last &&
      (PERSON_TITLES.has(key) || (written.length <= 2 && !this.#writtenInCapitals(entry, written)))
    )
      return undefined;
    // Part of a longer proper name: a capitalised word right before or after it.
    if (before === ' ' && !FREE_BEFORE.has(previous) && UPPERCASE.test(text[starts[first - 1]!]!)) {
      if (PERSON_TITLES.has(previous)) return undefined;
      if (!opensSentence(text, starts[first - 1]!)) {
        if (first === last) this.#personKeys.add(key);
        return undefined;
      }
    }
    if (last + 1 < starts.length && text.slice(end, starts[last + 1]!) === ' ') {
      const nextWord = text.slice(starts[last + 1]!, ends[last + 1]!);
      // A state or a country may head an institution's name ("Kentucky Department of
      // Education"): it still names that place.
      if (
        UPPERCASE.test(nextWord) &&
        !FREE_AFTER.has(this.#fold(nextWord)) &&
        !isAllCaps(nextWord) &&
        !this.#headsNames(entry)
      )
        return undefined;
    }
    // "University of Georgia": the head of an organisation's name before "of".
    if (first > 1 && previous === 'of' && before === ' ') {
      const head = this.#fold(text.slice(starts[first - 2]!, ends[first - 2]!));
      if (ORGANISATION_HEADS.has(head) && UPPERCASE.test(text[starts[first - 2]!]!))
        return undefined;
    }
    return { start, end, key, entry, sentenceStart, dateline, allCaps };
  }

  /**
   * Whether the name may mean a state or a country: they head the names of their institutions
   * ("Texas Fire Service"); a city's name before another capitalised word is more often a team's
   * or a firm's ("Toronto Raptors").
   */
  #headsNames(entry: NameEntry): boolean {
    return entry.records.some((index) => {
      const record = this.#gazetteer.record(index);
      return record.featureCode === 'ADM1' || record.featureCode === 'PCLI';
    });
  }

  /** Whether one of the entry's records writes the name in capitals itself ("USA", "UK"). */
  #writtenInCapitals(entry: NameEntry, written: string): boolean {
    const words = nameWords(written).join(' ');
    return entry.records.some((index) => {
      const record = this.#gazetteer.record(index);
      return [record.name, ...record.alternates].some(
        (name) => nameWords(name).join(' ') === words,
      );
    });
  }
}

/** "Stepanakert [Khankendi]", "Khankendi (Stepanakert)": the bracketed name glosses the first. */
function markGlosses(text: string, matches: NameMatch[]): void {
  for (let index = 1; index < matches.length; index++) {
    const previous = matches[index - 1]!;
    const match = matches[index]!;
    if (
      /^\s*[[(]\s*$/.test(text.slice(previous.end, match.start)) &&
      /^\s*[\])]/.test(text.slice(match.end, match.end + 3))
    ) {
      match.glosses = index - 1;
    }
  }
}
