/**
 * The reader's layers kept in IndexedDB (src/lib/ui/layer-store.ts), against fake-indexeddb:
 * kept, read back in order, changed, forgotten; ids never given twice; failures in words.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATABASE_NAME,
  describeStorageError,
  openLayerStore,
  type StoredLayer,
} from '../../src/lib/ui/layer-store.ts';

const layer = (id: string, order: number): StoredLayer => ({
  id,
  name: `layer ${id}`,
  order,
  visible: true,
  colour: '#332288',
  labelProperty: 'name',
  swapSuggested: false,
  data: new Blob(['{"type":"FeatureCollection","features":[]}']),
});

afterEach(
  () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }),
);

describe('the layer store', () => {
  it('keeps layers and gives them back in order, changed and forgotten as told', async () => {
    const store = await openLayerStore();
    await store.put(layer('import-3', 3));
    await store.put(layer('import-1', 1));
    await store.put(layer('import-2', 2));
    await store.put({ ...layer('import-2', 2), visible: false, labelProperty: null });
    await store.delete('import-1');
    store.close();
    const reopened = await openLayerStore();
    const kept = await reopened.load();
    expect(kept.map((record) => [record.id, record.visible, record.labelProperty])).toEqual([
      ['import-2', false, null],
      ['import-3', true, 'name'],
    ]);
    expect(await kept[0]!.data.text()).toBe('{"type":"FeatureCollection","features":[]}');
    reopened.close();
  });

  it('numbers layers once and for all, across visits', async () => {
    const store = await openLayerStore();
    expect([await store.takeNumber(), await store.takeNumber()]).toEqual([1, 2]);
    store.close();
    const reopened = await openLayerStore();
    expect(await reopened.takeNumber()).toBe(3);
    reopened.close();
  });

  it('says why keeping failed in the reader’s words', () => {
    expect(describeStorageError(new DOMException('x', 'QuotaExceededError'))).toBe(
      'the browser has no room left for it (its storage quota is full)',
    );
    expect(describeStorageError(new DOMException('x', 'InvalidStateError'))).toContain(
      'a private window?',
    );
    expect(describeStorageError(new Error('broken'))).toBe("the browser's storage failed (broken)");
  });
});
