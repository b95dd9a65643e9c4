/**
 * A mention of a place in a text: where it is, and the sentence around it as the excerpt. One
 * maker for the document's mentions (the build) and for the place finder's (the page's worker),
 * so both cut excerpts alike; and the excerpt cut around its name for the popup (the page).
 */
import {
  collapseWhiteSpace,
  findExcerpt,
  findSections,
  SentenceFinder,
  type TextRange,
} from './sentences.ts';

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

/**
 * Makes the mentions of one text. Asked in text order, each line is segmented once (the
 * sentences are found as they are asked for), and a sentence that names several places is
 * collapsed once.
 */
export class MentionMaker {
  readonly #text: string;
  readonly #sentences: SentenceFinder;
  readonly #relatedStart: number;
  readonly #excerpt: TextRange = { start: -1, end: -1 };
  #lastExcerpt = { start: -1, end: -1, text: '' };

  constructor(text: string) {
    const sections = findSections(text);
    this.#text = text;
    this.#sentences = new SentenceFinder(text, sections);
    this.#relatedStart = sections.relatedStart;
  }

  /** The mention [start, end) of the text: its slice, its sentence, its section. */
  mention(start: number, end: number): Mention {
    findExcerpt(this.#sentences, start, end, this.#excerpt);
    const { start: excerptStart, end: excerptEnd } = this.#excerpt;
    if (excerptStart !== this.#lastExcerpt.start || excerptEnd !== this.#lastExcerpt.end) {
      const text = collapseWhiteSpace(this.#text.slice(excerptStart, excerptEnd));
      this.#lastExcerpt = { start: excerptStart, end: excerptEnd, text };
    }
    return {
      start,
      end,
      text: this.#text.slice(start, end),
      excerptStart,
      excerptEnd,
      excerpt: this.#lastExcerpt.text,
      section: start >= this.#relatedStart ? 'related' : 'article',
    };
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
