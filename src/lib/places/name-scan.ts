/**
 * Finding the gazetteer's names in a text: the words of the text, folded as the gazetteer folds
 * its names (name-key.ts), looked up longest first, and kept only where the text writes them as a
 * place's name — capitalised, not a common word at the start of a sentence, not part of a
 * person's or an organisation's name, not inside a URL or an e-mail address.
 */
import { foldWord, nameWords } from '../text/name-key.ts';
import { TextWords, type WordSpan } from '../text/words.ts';
import type { NameEntry, WorldGazetteer } from './world-gazetteer.ts';
import { FREE_AFTER, FREE_BEFORE, ORGANISATION_HEADS, PERSON_TITLES } from './context-words.ts';

export interface NameMatch {
  /** Its place among the scan's matches. */
  index: number;
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

/**
 * What marks a URL, an e-mail address or a web domain, where no place is named: a scheme, "www.",
 * an "@", a common top-level domain. Each is found by its mark, then widened to the address
 * around it: a pattern that could start at any word would try every word of the text.
 */
const WEB_MARK = /https?:\/\/|www\.|@|\.(?:com|org|net|gov|edu|info|io|co|uk|ru|az|am|ge)\b/gi;
const ADDRESS_CHARACTER = /[\w.+\-/:%?=&#~@]/;
/** What may stand between the words of one name: a space or a line break, a dash, a period. */
const NAME_GAP =
  /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[ \t\u00a0]*[-\u2010-\u2014][ \t\u00a0]*|\.[ \t\u00a0]?)$/;
/**
 * After a dateline's place: "YEREVAN, March 3", "BAKU (Reuters) -", "TBILISI -- The",
 * "GANJA—The", "Baku: Today ...". A hyphen needs a space or a second hyphen after it: an all-caps
 * compound ("BAKU-BASED") is no dateline.
 */
const DATELINE_AFTER = /^(?:,|[ \t]*\(|[ \t]*(?:--|-[ \t]|[\u2013\u2014])|:)/;
const UPPERCASE = /^[\p{Lu}\p{Lt}]/u;
/** Feature codes of places that head their institutions' names: countries, states, counties. */
const NAME_HEADS = ['PCLI', 'ADM1', 'ADM2'];
const LOWERCASE = /\p{Ll}/u;
const CAPITALS = /\p{Lu}[^]*\p{Lu}/u;
const SENTENCE_END = /[.!?\n]/;
/** Quotes and brackets that may open a sentence before its first word. */
const OPENING = /["'“‘([\u00ab*\-–—•]/;
/** The most characters between two words of one name (" - " is three). */
const MAX_NAME_GAP = 4;
/** A name's longest run of words, whatever the gazetteer holds (bounds the look-ups). */
const MOST_WORDS = 6;

/** The URLs, e-mail addresses and web domains of the text, as [start, end) in text order. */
function webRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const mark of text.matchAll(WEB_MARK)) {
    let start = mark.index;
    let end = mark.index + mark[0].length;
    while (start > 0 && ADDRESS_CHARACTER.test(text[start - 1]!)) start--;
    while (end < text.length && ADDRESS_CHARACTER.test(text[end]!)) end++;
    // A sentence's period is not the address's.
    while (end > start && /[.,:?]/.test(text[end - 1]!)) end--;
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
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

/** Capitals only, two letters at least ("UK", "U.S", "YEREVAN"). */
const isAllCaps = (word: string) => !LOWERCASE.test(word) && CAPITALS.test(word);

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
    const words = new TextWords(text);
    this.#personKeys = new Set();
    const web = webRanges(text);
    let webIndex = 0;
    const matches: NameMatch[] = [];
    const slice = (word: WordSpan) => text.slice(word.start, word.end);
    for (let at = words.nextCapitalised(0); at !== -1;) {
      const first = words.wordAt(at)!;
      const firstKey = this.#fold(slice(first));
      const most = Math.min(this.#gazetteer.longestNameFrom(firstKey), MOST_WORDS);
      // Longest first; the words of one name are joined by a name's gaps only.
      const run = [first];
      while (run.length < most) {
        const last = run[run.length - 1]!;
        const next = words.nextWord(last.end, MAX_NAME_GAP);
        if (!next || !NAME_GAP.test(text.slice(last.end, next.start))) break;
        run.push(next);
      }
      let resume = first.end;
      for (let count = run.length; count >= 1; count--) {
        const lastWord = slice(run[count - 1]!);
        if (count > 1 && !UPPERCASE.test(lastWord) && !/^\d/.test(lastWord)) continue;
        let key = firstKey;
        for (let next = 1; next < count; next++) key += ` ${this.#fold(slice(run[next]!))}`;
        const entry = this.#gazetteer.lookup(key);
        if (!entry) continue;
        const nameWords = run.slice(0, count);
        while (webIndex < web.length && web[webIndex]![1] <= first.start) webIndex++;
        if (!(webIndex < web.length && web[webIndex]![0] <= first.start)) {
          const match = this.#judge(words, nameWords, key, entry);
          if (match) matches.push(match);
        }
        resume = nameWords[nameWords.length - 1]!.end;
        break;
      }
      at = words.nextCapitalised(resume);
    }
    // A name written once after a first name ("Mark Kelly") is a person's all through the text.
    const places = matches.filter((match) => !this.#personKeys.has(match.key));
    places.forEach((match, index) => (match.index = index));
    markGlosses(text, places);
    return places;
  }

  /** The match of the name's words, or undefined where the context says it is no place. */
  #judge(words: TextWords, name: WordSpan[], key: string, entry: NameEntry): NameMatch | undefined {
    const text = words.text;
    const start = name[0]!.start;
    const end = name[name.length - 1]!.end;
    const oneWord = name.length === 1;
    const written = text.slice(start, end);
    const allCaps = isAllCaps(written);
    const lineStart = opensLine(text, start);
    const sentenceStart = opensSentence(text, start);
    // A dateline opens a line; in capitals it may also open a sentence, where a page's headline
    // and its story were joined on one line ("Council meets. TBILISI -- The council ...").
    const dateline =
      DATELINE_AFTER.test(text.slice(end, end + 3)) &&
      ((lineStart && (allCaps || text[end] === ':')) || (allCaps && sentenceStart));
    // "USA", "UK", "US": written in capitals as the gazetteer writes them.
    const asWritten = allCaps && this.#writtenInCapitals(entry, written);
    if (allCaps && !dateline && !asWritten) return undefined;
    if (
      entry.commonWord &&
      oneWord &&
      (allCaps || (sentenceStart && !this.#namesCountry(entry))) &&
      !dateline &&
      !asWritten
    ) {
      return undefined;
    }
    const previousWord = words.previousWord(start, 2);
    const before = previousWord ? text.slice(previousWord.end, start) : '\n';
    const previous = previousWord
      ? this.#fold(text.slice(previousWord.start, previousWord.end))
      : '';
    // After a title ("President Obama"): a person's name, all through the text.
    if (/^\.? $/.test(before) && PERSON_TITLES.has(previous)) {
      if (oneWord) this.#personKeys.add(key);
      return undefined;
    }
    // A title itself ("Sen."), or a word of two letters not in capitals as the gazetteer has it.
    if (oneWord && (PERSON_TITLES.has(key) || (written.length <= 2 && !asWritten)))
      return undefined;
    // Part of a longer proper name: a capitalised word right before or after it.
    if (
      previousWord &&
      before === ' ' &&
      !FREE_BEFORE.has(previous) &&
      UPPERCASE.test(text[previousWord.start]!)
    ) {
      if (PERSON_TITLES.has(previous)) return undefined;
      if (!opensSentence(text, previousWord.start)) {
        // A person's surname all through the text ("Mark Kelly"), but not a country's, a
        // state's or a county's name: after a capitalised word it is an institution's ("Air
        // Zimbabwe", a page's "Politics Ukraine"), and the text's other mentions still name it.
        if (oneWord && !this.#headsNames(entry)) this.#personKeys.add(key);
        return undefined;
      }
    }
    const nextWord = words.nextWord(end, 1);
    if (nextWord && text.slice(end, nextWord.start) === ' ') {
      const next = text.slice(nextWord.start, nextWord.end);
      // A state or a country may head an institution's name ("Kentucky Department of
      // Education"): it still names that place.
      if (
        UPPERCASE.test(next) &&
        !FREE_AFTER.has(this.#fold(next)) &&
        !isAllCaps(next) &&
        !this.#headsNames(entry)
      )
        return undefined;
    }
    // "University of Georgia": the head of an organisation's name before "of".
    if (previousWord && previous === 'of' && before === ' ') {
      const headWord = words.previousWord(previousWord.start, 1);
      if (headWord && text.slice(headWord.end, previousWord.start) === ' ') {
        const head = this.#fold(text.slice(headWord.start, headWord.end));
        if (ORGANISATION_HEADS.has(head) && UPPERCASE.test(text[headWord.start]!)) return undefined;
      }
    }
    return { index: -1, start, end, key, entry, sentenceStart, dateline, allCaps };
  }

  /**
   * Whether the name may mean a country, a state or a county: they head the names of their
   * institutions ("Texas Fire Service", "Walker County Sheriff's Office"); a city's name before
   * another capitalised word is more often a team's or a firm's ("Toronto Raptors").
   */
  #headsNames(entry: NameEntry): boolean {
    return this.#mayBe(entry, NAME_HEADS);
  }

  /** Whether the name may mean a country: "China" or "Turkey" opening a sentence is the country. */
  #namesCountry(entry: NameEntry): boolean {
    return this.#mayBe(entry, ['PCLI']);
  }

  /** Whether one of the entry's records has one of these feature codes. */
  #mayBe(entry: NameEntry, featureCodes: readonly string[]): boolean {
    return entry.records.some((index) =>
      featureCodes.includes(this.#gazetteer.record(index).featureCode),
    );
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
