/**
 * The life of a reader's text (src/lib/texts/opened-texts.svelte.ts), with the place finder
 * faked and the browser's storage in fake-indexeddb: opened, reviewed (each decision kept at
 * once), restored by another visit as it was, renamed and cited, removed; refusals that change
 * nothing; a storage failure said, the text still working.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaceFinderClient } from '../../src/lib/places/place-finder-client.ts';
import type { FoundFeature } from '../../src/lib/places/found-feature.ts';
import { MentionMaker } from '../../src/lib/text/mentions.ts';
import { OpenedTexts } from '../../src/lib/texts/opened-texts.svelte.ts';
import {
  openTextStore,
  TEXTS_DATABASE_NAME,
  type TextStore,
} from '../../src/lib/texts/text-store.ts';
import { AtlasState } from '../../src/lib/ui/atlas-state.svelte.ts';
import { StorageFailed } from '../../src/lib/ui/kept-store.ts';

const TEXT = 'Harbour news\n\nBoats left Batumi for Poti at dawn.\n';

function found(text: string): FoundFeature[] {
  const maker = new MentionMaker(text);
  return ['Batumi', 'Poti'].map((name, index) => {
    const start = text.indexOf(name);
    return {
      type: 'Feature',
      id: `${name.toLowerCase()}-${index}`,
      geometry: { type: 'Point', coordinates: [41.6 + index / 10, 41.6 + index / 10] },
      properties: {
        name,
        kind: 'settlement',
        variants: [],
        geometryQuality: 'gazetteer',
        geometryNote: 'found',
        mentions: [maker.mention(start, start + name.length)],
        sources: [{ title: name, url: `https://www.geonames.org/${index}` }],
        certainty: 'suggested',
      },
    };
  });
}

/** The place finder's worker, answered at once. */
const finder = async () =>
  ({
    find: async (text: string, onProgress?: (phase: string) => void) => {
      onProgress?.('finding names');
      return found(text);
    },
    lookup: async () => [],
    dispose: () => undefined,
  }) as unknown as PlaceFinderClient;

const texts = (store: () => Promise<TextStore> = openTextStore) => {
  const atlas = new AtlasState([]);
  return { atlas, texts: new OpenedTexts(atlas, store, finder) };
};

afterEach(
  () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(TEXTS_DATABASE_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }),
);

describe('a reader’s text', () => {
  it('opens as a layer of its own, read in the panel, its review kept and restored', async () => {
    const first = texts();
    const entry = (await first.texts.openPasted(TEXT))!;
    expect(entry).toMatchObject({
      id: 'text-1',
      origin: 'text',
      name: 'Harbour news',
      visible: true,
    });
    expect(first.texts.reading).toBe('text-1');
    expect(first.texts.done).toBe(
      'Opened “Harbour news”: 2 places found, each a suggestion to review.',
    );
    expect(entry.data.document).toEqual({
      title: 'Harbour news',
      file: 'pasted text',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Its places resolve by the layer and their own ids.
    expect(first.atlas.resolve('text-1/poti-1')?.kind).toBe('text');

    first.texts.confirm('text-1', 'batumi-0');
    first.texts.reject('text-1', 'poti-1');
    first.texts.undo('text-1');
    first.texts.setCitation('text-1', { title: 'Boats', publisher: 'Harbour Weekly' });
    expect(first.atlas.layer('text-1')?.name).toBe('Boats');
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.texts.destroy();

    // Another visit: the same text, as the reader left it, under the same id.
    const second = texts();
    await second.texts.start();
    const back = second.texts.text('text-1')!;
    expect(back.name).toBe('Boats');
    expect(back.data.document.publisher).toBe('Harbour Weekly');
    expect(back.data.features.map((f) => [f.id, f.properties.certainty])).toEqual([
      ['batumi-0', 'confirmed'],
      ['poti-1', 'suggested'],
    ]);
    expect(back.data.review.undone).toEqual([{ type: 'reject', feature: 'poti-1' }]);
    second.texts.redo('text-1');
    expect(second.texts.text('text-1')!.data.rejected.map((f) => f.id)).toEqual(['poti-1']);

    // A new text never takes a number given before, even once the first is deleted.
    await second.texts.remove('text-1');
    expect(second.atlas.layers).toEqual([]);
    expect(second.texts.reading).toBeNull();
    expect((await second.texts.openPasted('Fog over Batumi.'))!.id).toBe('text-2');
    second.texts.destroy();
    const third = texts();
    await third.texts.start();
    expect(third.atlas.textLayers.map((layer) => layer.id)).toEqual(['text-2']);
    third.texts.destroy();
  });

  it('refuses an empty paste, and what the reader had stays', async () => {
    const { atlas, texts: opened } = texts();
    await opened.openPasted(TEXT);
    expect(await opened.openPasted('  \n ')).toBeNull();
    expect(opened.problems).toEqual(['Nothing was pasted: paste a text first']);
    expect(atlas.textLayers).toHaveLength(1);
    expect(opened.reading).toBe('text-1');
    opened.destroy();
  });

  it('says when the browser keeps nothing, and the text works until the page closes', async () => {
    const full = new DOMException('full', 'QuotaExceededError');
    const failing = async (): Promise<TextStore> => ({
      ...(await openTextStore()),
      put: async () => {
        throw new StorageFailed('“Harbour news” could not be kept', full);
      },
    });
    const { atlas, texts: opened } = texts(failing);
    await opened.openPasted(TEXT);
    expect(opened.storageProblem).toBe(
      '“Harbour news” could not be kept: the browser has no room left for it (its storage quota is full). It works until the page is closed.',
    );
    opened.confirm('text-1', 'batumi-0');
    expect(atlas.resolve('text-1/batumi-0')?.feature.properties).toMatchObject({
      certainty: 'confirmed',
    });
    opened.destroy();
  });
});
