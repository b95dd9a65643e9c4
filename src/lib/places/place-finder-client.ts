/**
 * The page's place finder: a worker (place-worker.ts) started on first use, which loads the world
 * gazetteer then and finds places off the main thread. Nothing of it is in the first load: the
 * page imports this module when a reader opens a text. `dispose()` ends the worker.
 */
import type { FoundFeature } from './found-feature.ts';
import type { GazetteerPlace } from './name-lookup.ts';
import type { FinderPhase, FinderReply, FinderRequest } from './place-finder-protocol.ts';

export type { FinderPhase, GazetteerPlace };

export interface GazetteerSize {
  records: number;
  names: number;
  /** Milliseconds from the worker's start to the files fetched, and to the gazetteer read. */
  fetchedMs: number;
  readMs: number;
}

interface Pending {
  /** Given the features found, or the places looked up. */
  resolve: (answer: never) => void;
  reject: (error: Error) => void;
  onProgress?: (phase: FinderPhase) => void;
}

export class PlaceFinderClient {
  readonly #createWorker: () => Worker;
  #worker: Worker | undefined;
  #ready: Promise<GazetteerSize> | undefined;
  #readyCallbacks:
    { resolve: (size: GazetteerSize) => void; reject: (error: Error) => void } | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(
    createWorker = () =>
      new Worker(new URL('./place-worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.#createWorker = createWorker;
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.onmessage = ({ data: reply }: MessageEvent<FinderReply>) => this.#receive(reply);
    worker.onerror = (event) =>
      this.#failAll(new Error(`the place finder stopped: ${event.message}`));
    this.#worker = worker;
    return worker;
  }

  #post(request: FinderRequest): void {
    this.#start().postMessage(request);
  }

  #receive(reply: FinderReply): void {
    if (reply.type === 'ready') {
      const { records, names, fetchedMs, readMs } = reply;
      this.#readyCallbacks?.resolve({ records, names, fetchedMs, readMs });
      return;
    }
    if (reply.type === 'error' && reply.id === undefined) {
      this.#readyCallbacks?.reject(new Error(reply.message));
      this.#ready = undefined;
      return;
    }
    const pending = this.#pending.get(reply.id!);
    if (!pending) return;
    if (reply.type === 'progress') pending.onProgress?.(reply.phase);
    else {
      this.#pending.delete(reply.id!);
      if (reply.type === 'result') pending.resolve(reply.features as never);
      else if (reply.type === 'places') pending.resolve(reply.places as never);
      else pending.reject(new Error(reply.message));
    }
  }

  #failAll(error: Error): void {
    this.#readyCallbacks?.reject(error);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  /** Starts the worker and loads the gazetteer; resolves once it is ready to find. */
  load(): Promise<GazetteerSize> {
    this.#ready ??= new Promise<GazetteerSize>((resolve, reject) => {
      this.#readyCallbacks = { resolve, reject };
      this.#post({ type: 'load' });
    });
    return this.#ready;
  }

  /** The places the text names (loading the gazetteer first if need be), with progress. */
  find(text: string, onProgress?: (phase: FinderPhase) => void): Promise<FoundFeature[]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#post({ type: 'find', id, text });
    });
  }

  /** Every record of a name in the gazetteer, largest first (loading it first if need be). */
  lookup(name: string): Promise<GazetteerPlace[]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#post({ type: 'lookup', id, name });
    });
  }

  /** Ends the worker; what was asked and not answered is rejected. */
  dispose(): void {
    this.#failAll(new Error('the place finder was closed'));
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
  }
}
