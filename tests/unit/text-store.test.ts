/**
 * The reader's texts kept in IndexedDB (src/lib/texts/text-store.ts), against fake-indexeddb:
 * kept whole (the text, what the finder found, the review's log), read back in order, changed,
 * forgotten; ids never given twice, even after a text is deleted; failures said in words.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openTextStore,
  TEXTS_DATABASE_NAME,
  type StoredText,
} from '../../src/lib/texts/text-store.ts';
import { StorageFailed } from '../../src/lib/ui/kept-store.ts';

const text = (id: string, order: number): StoredText => ({
  id,
  order,
  citation: { title: `Text ${id}` },
  file: 'pasted text',
  sha256: 'a'.repeat(64),
  text: 'Talks in Baku.',
  found: [],
  review: { done: [{ type: 'confirm', feature: 'baku-587084' }], undone: [] },
  visible: true,
  colour: '#332288',
});

afterEach(
  () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(TEXTS_DATABASE_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }),
);

describe('the texts’ store', () => {
  it('keeps texts whole and gives them back in order, changed and forgotten as told', async () => {
    const store = await openTextStore();
    await store.put(text('text-2', 2));
    await store.put(text('text-1', 1));
    await store.put(text('text-3', 3));
    const review = { done: [], undone: [{ type: 'confirm' as const, feature: 'baku-587084' }] };
    await store.put({
      ...text('text-2', 2),
      review,
      citation: { title: 'Renamed', published: '2024' },
    });
    await store.delete('text-3');
    const kept = await store.load();
    expect(kept.map((record) => record.id)).toEqual(['text-1', 'text-2']);
    expect(kept[0]).toEqual(text('text-1', 1));
    expect(kept[1]).toMatchObject({ review, citation: { title: 'Renamed', published: '2024' } });
    store.close();
    // Another visit: the same.
    const again = await openTextStore();
    expect((await again.load()).map((record) => record.id)).toEqual(['text-1', 'text-2']);
    again.close();
  });

  it('never gives a text’s number twice', async () => {
    const store = await openTextStore();
    expect(await store.takeNumber()).toBe(1);
    expect(await store.takeNumber()).toBe(2);
    await store.delete('text-2');
    store.close();
    const again = await openTextStore();
    expect(await again.takeNumber()).toBe(3);
    again.close();
  });

  it('says what failed, in words, as a StorageFailed', async () => {
    const store = await openTextStore();
    store.close();
    const failure = await store.put(text('text-1', 1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFailed);
    expect((failure as Error).message).toMatch(/^“Text text-1” could not be kept: /);
  });
});
