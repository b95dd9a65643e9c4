/**
 * The reader's texts kept in the browser (IndexedDB, through kept-store.ts, a database of their
 * own beside the imported layers'): each text as read, what the place finder found in it, the
 * reader's review as its log of operations, its citation and how it was shown; and the number
 * the next text's id takes, so that an id — and every permalink naming it — is never given to
 * another text.
 */
import type { FoundFeature } from '../places/found-feature.ts';
import { openKeptStore, type KeptStore } from '../ui/kept-store.ts';
import type { ReviewLog } from './review.ts';

export const TEXTS_DATABASE_NAME = 'passage-atlas-texts';

/** What the reader says to cite a text by; the title is the text's own until edited. */
export interface TextCitation {
  title: string;
  /** Who published or wrote it. */
  publisher?: string;
  /** An ISO date, or as much of one as is known. */
  published?: string;
  url?: string;
}

export interface StoredText {
  id: string;
  /** The texts come back in this order (the order they were opened in). */
  order: number;
  citation: TextCitation;
  /** The file it was read from ("pasted text" for a pasted one), and the SHA-256 of its bytes. */
  file: string;
  sha256: string;
  /** The text as the finder read it (an HTML page's or a PDF's visible text). */
  text: string;
  /** What the place finder found, as it found it. */
  found: FoundFeature[];
  review: ReviewLog;
  visible: boolean;
  colour: string;
}

export type TextStore = KeptStore<StoredText>;

/** Opens the store; rejects with StorageFailed where the browser keeps nothing. */
export function openTextStore(): Promise<TextStore> {
  return openKeptStore<StoredText>(TEXTS_DATABASE_NAME, 'texts', 'next-text', {
    one: 'text',
    many: 'texts',
    nameOf: (text) => text.citation.title,
  });
}
