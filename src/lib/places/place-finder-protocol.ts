/** The messages between the page's place-finder client and its worker. */
import type { FoundFeature } from './found-feature.ts';
import type { GazetteerPlace } from './name-lookup.ts';

export type FinderRequest =
  | { type: 'load' }
  | { type: 'find'; id: number; text: string }
  | { type: 'lookup'; id: number; name: string };

export type FinderPhase = 'loading gazetteer' | 'finding names' | 'done';

export type FinderReply =
  | {
      type: 'ready';
      records: number;
      names: number;
      /** Milliseconds from the worker's start to the files fetched, and to the gazetteer read. */
      fetchedMs: number;
      readMs: number;
    }
  | { type: 'progress'; id: number; phase: FinderPhase }
  | { type: 'result'; id: number; features: FoundFeature[] }
  | { type: 'places'; id: number; places: GazetteerPlace[] }
  | { type: 'error'; id?: number; message: string };
