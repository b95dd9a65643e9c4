/**
 * The reader's layers kept in the browser (IndexedDB, through `idb`): each layer's data as
 * GeoJSON and how it was shown, and the number the next layer's id takes, so that an id — and
 * every permalink naming one of its features — is never given to another layer.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DATABASE_NAME = 'passage-atlas';
const DATABASE_VERSION = 1;

export interface StoredLayer {
  id: string;
  name: string;
  /** The layers come back in this order (the order they were imported in). */
  order: number;
  visible: boolean;
  colour: string;
  labelProperty: string | null;
  swapSuggested: boolean;
  /** The layer as GeoJSON, read back through the import on the next visit. */
  data: Blob;
}

interface AtlasDatabase extends DBSchema {
  layers: { key: string; value: StoredLayer };
  counters: { key: string; value: number };
}

const NEXT_LAYER = 'next-layer';

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

export interface LayerStore {
  /** The kept layers, in order. */
  load(): Promise<StoredLayer[]>;
  /** The number of the next layer's id, taken (never given again). */
  takeLayerNumber(): Promise<number>;
  put(layer: StoredLayer): Promise<void>;
  update(id: string, changes: Partial<Omit<StoredLayer, 'id'>>): Promise<void>;
  delete(id: string): Promise<void>;
  close(): void;
}

/** Opens the store; rejects with StorageFailed where the browser keeps nothing. */
export async function openLayerStore(): Promise<LayerStore> {
  let database: IDBPDatabase<AtlasDatabase>;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is unavailable');
    database = await openDB<AtlasDatabase>(DATABASE_NAME, DATABASE_VERSION, {
      upgrade(upgrading) {
        upgrading.createObjectStore('layers', { keyPath: 'id' });
        upgrading.createObjectStore('counters');
      },
    });
  } catch (error) {
    throw new StorageFailed('Your layers cannot be kept in this browser', error);
  }
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new StorageFailed(what, error);
    }
  };
  return {
    load: () =>
      guard('Your kept layers could not be read', async () =>
        (await database.getAll('layers')).sort((a, b) => a.order - b.order),
      ),
    takeLayerNumber: () =>
      guard('The layer could not be numbered', async () => {
        const transaction = database.transaction('counters', 'readwrite');
        const next = (await transaction.store.get(NEXT_LAYER)) ?? 1;
        await transaction.store.put(next + 1, NEXT_LAYER);
        await transaction.done;
        return next;
      }),
    put: (layer) =>
      guard(
        `“${layer.name}” could not be kept`,
        async () => void (await database.put('layers', layer)),
      ),
    update: (id, changes) =>
      guard('The change could not be kept', async () => {
        const transaction = database.transaction('layers', 'readwrite');
        const stored = await transaction.store.get(id);
        if (stored) await transaction.store.put({ ...stored, ...changes });
        await transaction.done;
      }),
    delete: (id) => guard('The layer could not be forgotten', () => database.delete('layers', id)),
    close: () => database.close(),
  };
}
