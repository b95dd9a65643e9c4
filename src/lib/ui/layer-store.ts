/**
 * The reader's layers kept in the browser (IndexedDB, through kept-store.ts): each layer's data
 * as GeoJSON and how it was shown, and the number the next layer's id takes, so that an id — and
 * every permalink naming one of its features — is never given to another layer.
 */
import { openKeptStore, type KeptStore } from './kept-store.ts';

export { describeStorageError, StorageFailed } from './kept-store.ts';

export const DATABASE_NAME = 'passage-atlas';

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

/** The kept layers; its counter (takeNumber) numbers their ids. */
export type LayerStore = KeptStore<StoredLayer>;

/** Opens the store; rejects with StorageFailed where the browser keeps nothing. */
export function openLayerStore(): Promise<LayerStore> {
  return openKeptStore<StoredLayer>(DATABASE_NAME, 'layers', 'next-layer', {
    one: 'layer',
    many: 'layers',
    nameOf: (layer) => layer.name,
  });
}
