/**
 * How much of a long text the reading panel has put in the page, and which of its paragraphs
 * show their names as buttons ("live"); the others show their words as plain text until they
 * come near what the reader sees. A 100 KB news text names
 * places some 1 800 times: making every name a button at once held the main thread for most of a
 * second (about 640 ms of the page's script and as much again for style and layout, measured on
 * a busy 2-core machine), and every later style update paid for the buttons no one saw. The
 * words are all there from the start (find in page, selection, reading aloud all work); a
 * paragraph becomes live, and stays so, when it comes within a screen of the panel's view, when
 * the keyboard moves towards it, or when the page shows one of its names (show).
 *
 * Lives as long as its panel: `destroy()` stops watching. Where the browser has no
 * IntersectionObserver (jsdom), every paragraph is live.
 */
import { SvelteSet } from 'svelte/reactivity';

/** How far beyond the scrolling panel's view a paragraph is made live: a screen each way. */
const LOOK_AHEAD = '100% 0px';

/** The nearest ancestor that scrolls (the drawer), or null for the page itself. */
function scrollingAncestor(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return null;
}

export class LiveParagraphs {
  readonly #live = new SvelteSet<number>();
  readonly #everything = typeof IntersectionObserver === 'undefined';
  /** The paragraphs' elements watched, by index, until they are live. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing is drawn from it
  readonly #watched = new Map<number, Element>();
  #observer: IntersectionObserver | undefined;

  /** The first `leading` paragraphs are live at once: the top of the text, shown first. */
  constructor(leading: number) {
    for (let index = 0; index < leading; index++) this.#live.add(index);
  }

  has(index: number): boolean {
    return this.#everything || this.#live.has(index);
  }

  /** Makes a paragraph live (the caller renders it: flushSync, or tick before looking for it). */
  show(index: number): void {
    this.#live.add(index);
    const element = this.#watched.get(index);
    if (element) this.#observer?.unobserve(element);
    this.#watched.delete(index);
  }

  #observerFor(element: Element): IntersectionObserver {
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (entry.isIntersecting)
            this.show(Number((entry.target as HTMLElement).dataset.liveParagraph));
      },
      { root: scrollingAncestor(element), rootMargin: LOOK_AHEAD },
    );
    return this.#observer;
  }

  /**
   * An attachment for paragraph `index`'s element, which carries `data-live-paragraph={index}`:
   * watched until it is live.
   */
  watch(index: number): (element: HTMLElement) => (() => void) | void {
    return (element) => {
      if (this.has(index)) return;
      const observer = this.#observerFor(element);
      this.#watched.set(index, element);
      observer.observe(element);
      return () => {
        observer.unobserve(element);
        if (this.#watched.get(index) === element) this.#watched.delete(index);
      };
    };
  }

  destroy(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#watched.clear();
  }
}

/** Waits at most this long for an idle moment before the next batch goes in anyway. */
const BATCH_WAIT_MS = 250;

/**
 * How many of a text's paragraphs are in the page: the first batch at once, then a batch each
 * time the page is idle (paragraphBatches in reading.ts). Laying out a 100 KB text took one
 * frame of 170 ms on a busy 2-core machine, beside the map's own frames; a batch of a few KB
 * takes a small part of it. In idle time, not in the frames: the map draws the text's places
 * first, and no frame of the map carries a batch's work as well. The whole text is in the page
 * within a second or two (find in page, the text's innerText). Lives as long as its panel:
 * `destroy()` stops.
 */
export class ParagraphsInPage {
  count = $state(0);
  readonly #batches: readonly number[];
  #next = 1;
  #cancel: () => void = () => undefined;

  constructor(batches: readonly number[]) {
    this.#batches = batches;
    // Without frames (jsdom), all at once.
    this.count = (typeof requestAnimationFrame === 'undefined' ? batches.at(-1) : batches[0]) ?? 0;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#next >= this.#batches.length || this.count >= this.#batches.at(-1)!) return;
    this.#cancel = whenIdle(() => {
      this.count = Math.max(this.count, this.#batches[this.#next++]!);
      this.#schedule();
    });
  }

  /** Puts the paragraphs up to `index` in the page now (a name the page is asked to show). */
  include(index: number): void {
    this.count = Math.max(this.count, index + 1);
  }

  destroy(): void {
    this.#cancel();
    this.#next = this.#batches.length;
  }
}

/** Runs `work` when the page is next idle (a frame's wait where a browser has no idle callback). */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: BATCH_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const frame = requestAnimationFrame(work);
  return () => cancelAnimationFrame(frame);
}
