/**
 * The words of a long text, found where they are asked for: the place finder looks only at the
 * capitalised ones and at the few words around a name. A pass of a Unicode word pattern over
 * every word of a 10 MB text costs half a second; a plain pattern finds the candidates ten times
 * faster, and the Unicode tests run on those alone.
 *
 * Runs in the page (the place finder, in its worker) and in the command line.
 */
import { characterTest, codePointAt, codePointBefore } from './characters.ts';
import { NAME_WORD } from './name-key.ts';

export interface WordSpan {
  start: number;
  end: number;
}

const isLetterOrDigit = characterTest(/[\p{L}\p{M}\p{N}]/u);
const isCapital = characterTest(/[\p{Lu}\p{Lt}]/u);
/** Where a capitalised word may start: an ASCII capital, or any character past ASCII. */
const CAPITAL_CANDIDATE = /[A-Z\u0080-\uffff]/;
const APOSTROPHE = /['’ʼ]/;

export class TextWords {
  readonly text: string;
  readonly #word = new RegExp(NAME_WORD.source, 'uy');
  readonly #capitalCandidate = new RegExp(CAPITAL_CANDIDATE.source, 'g');

  constructor(text: string) {
    this.text = text;
  }

  /**
   * The word that starts at `at` (name-key.ts's words), a possessive "'s" left out ("Armenia's"
   * is "Armenia"); undefined if no word starts there.
   */
  wordAt(at: number): WordSpan | undefined {
    this.#word.lastIndex = at;
    if (!this.#word.test(this.text)) return undefined;
    let end = this.#word.lastIndex;
    const last = this.text.charCodeAt(end - 1);
    if ((last === 0x73 || last === 0x53) && end - at > 3 && APOSTROPHE.test(this.text[end - 2]!)) {
      end -= 2;
    }
    return { start: at, end };
  }

  /** The word after `end`, if at most `gap` characters that are no letter or digit stand between. */
  nextWord(end: number, gap: number): WordSpan | undefined {
    const text = this.text;
    let at = end;
    while (
      at < text.length &&
      at - end <= gap &&
      !isLetterOrDigit(codePointAt(text, at, text.length))
    )
      at++;
    return at - end <= gap && at < text.length ? this.wordAt(at) : undefined;
  }

  /**
   * The word before `start`, if at most `gap` characters that are no letter or digit stand
   * between (its apostrophes and all: the words around a name are only compared, not cut).
   */
  previousWord(start: number, gap: number): WordSpan | undefined {
    const text = this.text;
    let end = start;
    while (end > 0 && start - end <= gap && !isLetterOrDigit(codePointBefore(text, end))) end--;
    if (start - end > gap || end === 0) return undefined;
    let wordStart = end;
    for (;;) {
      const before = codePointBefore(text, wordStart);
      if (before === -1) break;
      if (isLetterOrDigit(before)) wordStart -= before > 0xffff ? 2 : 1;
      else if (
        APOSTROPHE.test(String.fromCharCode(before)) &&
        isLetterOrDigit(codePointBefore(text, wordStart - 1))
      )
        wordStart--;
      else break;
    }
    return { start: wordStart, end };
  }

  /** The start of the first capitalised word at or after `from`; -1 if there is none. */
  nextCapitalised(from: number): number {
    const candidate = this.#capitalCandidate;
    candidate.lastIndex = from;
    for (let match = candidate.exec(this.text); match; match = candidate.exec(this.text)) {
      const at = match.index;
      const text = this.text;
      if (
        isCapital(codePointAt(text, at, text.length)) &&
        !isLetterOrDigit(codePointBefore(text, at))
      ) {
        return at;
      }
    }
    return -1;
  }
}
