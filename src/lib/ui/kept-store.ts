/**
 * What the page keeps of the reader's in the browser (IndexedDB, through `idb`): records by id,
 * given back in the order they were made, and a counter whose numbers are never given twice —
 * so an id, and every permalink naming it, never comes to mean another record. The imported
 * layers (layer-store.ts) and the reader's texts (texts/text-store.ts) are each one database of
 * this shape. Every failure is a StorageFailed that says, in the reader's words, what failed.
 */
import { openDB, type IDBPDatabase } from 'idb';

/** Why keeping failed, in the reader's words. */
export class StorageFailed extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what}: ${describeStorageError(cause)}`, { cause });
    this.name = 'StorageFailed';
  }
}

export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError')
    return 'the browser has no room left for it (its storage quota is full)';
  if (name === 'InvalidStateError' || name === 'SecurityError')
    return 'this browser does not let the page keep data (a private window?)';
  const message = error instanceof Error ? error.message : String(error);
  return `the browser's storage failed (${message})`;
}

export interface KeptRecord {
  id: string;
  /** Records come back in this order. */
  order: number;
}

export interface KeptStore<T extends KeptRecord> {
  /** The kept records, in order. */
  load(): Promise<T[]>;
  /** The next number of the counter, taken (never given again). */
  takeNumber(): Promise<number>;
  /** Keeps a record whole, in one write: a new one, or a kept one as it is now. */
  put(record: T): Promise<void>;
  delete(id: string): Promise<void>;
  close(): void;
}

/** How a store's messages name what it keeps: "layer", "layers", and each record. */
export interface KeptStoreNames<T> {
  one: string;
  many: string;
  /** As a message quotes a record: a layer's name, a text's title. */
  nameOf: (record: T) => string;
}

const COUNTERS = 'counters';

/** Opens a database of records (its `records` object store) and its counter. */
export async function openKeptStore<T extends KeptRecord>(
  databaseName: string,
  records: string,
  counter: string,
  { one, many, nameOf }: KeptStoreNames<T>,
): Promise<KeptStore<T>> {
  let database: IDBPDatabase;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is unavailable');
    database = await openDB(databaseName, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore(records, { keyPath: 'id' });
        upgrading.createObjectStore(COUNTERS);
      },
    });
  } catch (error) {
    throw new StorageFailed(`Your ${many} cannot be kept in this browser`, error);
  }
  const guard = async <R>(what: string, run: () => Promise<R>): Promise<R> => {
    try {
      return await run();
    } catch (error) {
      throw new StorageFailed(what, error);
    }
  };
  return {
    load: () =>
      guard(`Your kept ${many} could not be read`, async () =>
        ((await database.getAll(records)) as T[]).sort((a, b) => a.order - b.order),
      ),
    takeNumber: () =>
      guard(`The ${one} could not be numbered`, async () => {
        const transaction = database.transaction(COUNTERS, 'readwrite');
        const next = ((await transaction.store.get(counter)) as number | undefined) ?? 1;
        await transaction.store.put(next + 1, counter);
        await transaction.done;
        return next;
      }),
    put: (record) =>
      guard(`“${nameOf(record)}” could not be kept`, async () => {
        const transaction = database.transaction(records, 'readwrite');
        const written = transaction.store.put(record);
        // Committed at once, not when the page next lets go: a reload or a closed tab right
        // after a change otherwise aborts the write (a browser test reloads in the change's task).
        transaction.commit();
        await Promise.all([written, transaction.done]);
      }),
    delete: (id) => guard(`The ${one} could not be forgotten`, () => database.delete(records, id)),
    close: () => database.close(),
  };
}
