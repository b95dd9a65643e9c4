/**
 * The layer model (src/lib/ui/layer-model.ts) and the life of a reader's layer
 * (src/lib/ui/imported-layers.svelte.ts): what adding assigns, what removing frees, what a
 * reload brings back, and what a storage failure leaves working.
 */
import type { Feature } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtlasState } from '../../src/lib/ui/atlas-state.svelte.ts';
import type { ImportedData, ImportOptions } from '../../src/lib/ui/import-file.ts';
import { ImportedLayers } from '../../src/lib/ui/imported-layers.svelte.ts';
import {
  defaultLabelProperty,
  featureLabel,
  importedFeatureId,
  parseImportedFeatureId,
  pickColour,
  uniqueLayerName,
  type LayerEntry,
} from '../../src/lib/ui/layer-model.ts';
import { StorageFailed, type LayerStore, type StoredLayer } from '../../src/lib/ui/layer-store.ts';
import { IMPORTED_PALETTE } from '../../src/lib/map/style/theme.ts';

const point = (longitude: number, latitude: number, name: string): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, latitude] },
  properties: { name },
});

/** What the import worker would send for a file; `read` below stands in for it. */
function data(
  name: string,
  features = [point(46.5, 39.5, 'A'), point(46.6, 39.6, 'B')],
): ImportedData {
  return {
    name,
    geometryTypes: ['Point'],
    features: features as ImportedData['features'],
    bounds: [46.5, 39.5, 46.6, 39.6],
    propertyNames: ['name'],
    swapSuggested: false,
    mapData: new Blob(['{}']),
    layerData: new Blob([JSON.stringify({ name, features })]),
  };
}

/** Reads kept data back as the worker would; swaps positions when asked. */
async function read(blob: Blob, options: ImportOptions): Promise<ImportedData> {
  const kept = JSON.parse(await blob.text()) as { name: string; features: Feature[] };
  const features = options.swap
    ? kept.features.map((feature) => {
        const [x, y] = (feature.geometry as { coordinates: number[] }).coordinates;
        return { ...feature, geometry: { type: 'Point' as const, coordinates: [y!, x!] } };
      })
    : kept.features;
  return data(kept.name, features);
}

/** The browser's storage, in memory; `fail` makes its writes fail as a full quota does. */
function memoryStore() {
  const records = new Map<string, StoredLayer>();
  let next = 1;
  const state = { fail: false };
  const write = () => {
    if (state.fail)
      throw new StorageFailed(
        '“x” could not be kept',
        new DOMException('full', 'QuotaExceededError'),
      );
  };
  const store: LayerStore = {
    load: async () => [...records.values()].sort((a, b) => a.order - b.order),
    takeNumber: async () => next++,
    put: async (layer) => {
      write();
      records.set(layer.id, structuredClone(layer));
    },
    delete: async (id) => void records.delete(id),
    close: () => undefined,
  };
  return { store, records, state };
}

const colours = (atlas: AtlasState) => atlas.importedLayers.map((layer) => layer.colour);

let created: string[];
let revoked: string[];
beforeEach(() => {
  created = [];
  revoked = [];
  let count = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    created.push(`blob:test/${++count}`);
    return created.at(-1)!;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});
afterEach(() => vi.restoreAllMocks());

describe('the layer model', () => {
  const entry = (name: string, colour: string | null): LayerEntry =>
    ({ id: name, name, origin: colour ? 'imported' : 'document', colour }) as LayerEntry;

  it('gives a name no present layer has, and never "all"', () => {
    const layers = [entry('routes', null), entry('trip', '#332288'), entry('trip (2)', '#117733')];
    expect(uniqueLayerName('trip', layers)).toBe('trip (3)');
    expect(uniqueLayerName('routes', layers)).toBe('routes (2)');
    expect(uniqueLayerName('all', layers)).toBe('all (2)');
    expect(uniqueLayerName('new', layers)).toBe('new');
  });

  it('gives a colour no present layer has: the first free, the wanted one if free', () => {
    const [first, second, third] = IMPORTED_PALETTE;
    expect(pickColour([entry('routes', null)])).toBe(first);
    expect(pickColour([entry('a', first!), entry('c', third!)])).toBe(second);
    expect(pickColour([entry('a', first!)], third)).toBe(third);
    expect(pickColour([entry('a', first!)], first)).toBe(second);
    // More layers than colours: the colour the fewest have.
    const full = IMPORTED_PALETTE.map((colour) => entry(colour, colour));
    expect(pickColour([...full, entry('x', first!)])).toBe(second);
  });

  it('names a reader’s feature by its layer and number from 1, and reads the name back', () => {
    expect(importedFeatureId('import-3', 11)).toBe('import-3/12');
    expect(parseImportedFeatureId('import-3/12')).toEqual({ layerId: 'import-3', index: 11 });
    for (const bad of ['lachin-road', 'import-3/0', 'import-3/x', '/4', 'import-3/1.5'])
      expect(parseImportedFeatureId(bad), bad).toBeNull();
  });

  it('labels by name, else title, in any case; else "Feature N"', () => {
    expect(defaultLabelProperty(['id', 'Title', 'NAME'])).toBe('NAME');
    expect(defaultLabelProperty(['id', 'title'])).toBe('title');
    expect(defaultLabelProperty(['id'])).toBeNull();
    expect(featureLabel({ name: 'Shusha' }, 'name', 0)).toBe('Shusha');
    expect(featureLabel({ name: '  ' }, 'name', 4)).toBe('Feature 5');
    expect(featureLabel({ population: 1200 }, 'population', 0)).toBe('1200');
    expect(featureLabel({ name: 'Shusha' }, null, 1)).toBe('Feature 2');
  });
});

describe('a reader’s layer, from import to removal', () => {
  it('waits for the page’s first view before it reads the browser’s storage', async () => {
    const { store } = memoryStore();
    const openStore = vi.fn(async () => store);
    const layers = new ImportedLayers(new AtlasState([]), openStore, read);
    await new Promise((resolve) => setTimeout(resolve));
    expect(openStore).not.toHaveBeenCalled();
    await layers.start();
    await layers.start();
    expect(openStore).toHaveBeenCalledTimes(1);
  });

  it('is given an id never used, a unique name and colour, its map data and a record', async () => {
    const { store, records } = memoryStore();
    const atlas = new AtlasState([]);
    const layers = new ImportedLayers(atlas, async () => store, read);
    const first = await layers.add(data('trip'));
    const second = await layers.add(data('trip'));
    expect([first.id, second.id]).toEqual(['import-1', 'import-2']);
    expect([first.name, second.name]).toEqual(['trip', 'trip (2)']);
    expect(first.colour).not.toBe(second.colour);
    expect([first.data.mapDataUrl, second.data.mapDataUrl]).toEqual(created);
    expect([...records.keys()]).toEqual(['import-1', 'import-2']);
    expect(records.get('import-2')).toMatchObject({
      name: 'trip (2)',
      order: 2,
      visible: true,
      labelProperty: 'name',
    });
    expect(atlas.viewRequest).toEqual({ bounds: [46.5, 39.5, 46.6, 39.6] });
    expect(layers.storageProblem).toBeNull();
  });

  it('removed, frees all it held: its map data, its record, its selection; its colour goes to the next', async () => {
    const { store, records } = memoryStore();
    const atlas = new AtlasState([]);
    const layers = new ImportedLayers(atlas, async () => store, read);
    const a = await layers.add(data('a'));
    const b = await layers.add(data('b'));
    await layers.add(data('c'));
    atlas.select({ featureId: 'import-2/2', origin: 'map' });
    expect(atlas.selectedEntry?.feature.properties?.name).toBe('B');
    await layers.remove(b.id);
    expect(atlas.selection).toBeNull();
    expect(revoked).toEqual([b.data.mapDataUrl]);
    expect(records.has(b.id)).toBe(false);
    expect(atlas.resolve('import-2/1')).toBeNull();
    const d = await layers.add(data('d'));
    expect(d.id).toBe('import-4');
    expect(new Set(colours(atlas)).size).toBe(3);
    expect(d.colour).toBe(b.colour);
    expect(colours(atlas)).toContain(a.colour);
  });

  it('comes back after a reload in order, with its id, visibility, label and colour', async () => {
    const { store } = memoryStore();
    const before = new AtlasState([]);
    const layers = new ImportedLayers(before, async () => store, read);
    const first = await layers.add(data('first'));
    const second = await layers.add(data('second'));
    const third = await layers.add(data('third'));
    await layers.remove(first.id);
    await layers.setVisible(second.id, false);
    await layers.setLabelProperty(third.id, null);

    const after = new AtlasState([]);
    const reloaded = new ImportedLayers(after, async () => store, read);
    await reloaded.start();
    expect(
      after.importedLayers.map((layer) => [
        layer.id,
        layer.name,
        layer.visible,
        layer.labelProperty,
        layer.colour,
      ]),
    ).toEqual([
      ['import-2', 'second', false, 'name', second.colour],
      ['import-3', 'third', true, null, third.colour],
    ]);
    // A permalink to a feature of a kept layer still names the same feature.
    expect(after.resolve('import-3/2')?.feature.properties?.name).toBe('B');
    // An id is never given twice, not even a removed layer's.
    expect((await reloaded.add(data('new'))).id).toBe('import-4');
  });

  it('where the browser keeps nothing, says so, and the layer still works for the session', async () => {
    const atlas = new AtlasState([]);
    const layers = new ImportedLayers(
      atlas,
      () =>
        Promise.reject(
          new StorageFailed(
            'Your layers cannot be kept in this browser',
            new DOMException('no', 'InvalidStateError'),
          ),
        ),
      read,
    );
    const entry = await layers.add(data('trip'));
    expect(layers.storageProblem).toBe(
      'Your layers cannot be kept in this browser: this browser does not let the page keep data (a private window?). It works until the page is closed.',
    );
    expect(atlas.importedLayers.map((layer) => layer.id)).toEqual([entry.id]);
    expect((await layers.add(data('more'))).id).toBe('import-2');
  });

  it('a full quota is said, naming the layer, and the layer stays', async () => {
    const { store, state } = memoryStore();
    state.fail = true;
    const atlas = new AtlasState([]);
    const layers = new ImportedLayers(atlas, async () => store, read);
    await layers.add(data('big'));
    expect(layers.storageProblem).toContain(
      'the browser has no room left for it (its storage quota is full)',
    );
    expect(atlas.importedLayers).toHaveLength(1);
  });

  it('swaps longitude and latitude on request: new map data, same name and colour, kept', async () => {
    const { store, records } = memoryStore();
    const atlas = new AtlasState([]);
    const layers = new ImportedLayers(atlas, async () => store, read);
    const entry = await layers.add({
      ...data('swapped', [point(48.85, 2.35, 'Paris')]),
      swapSuggested: true,
    });
    expect(entry.swapSuggested).toBe(true);
    await layers.swapCoordinates(entry.id);
    const swapped = atlas.importedLayers[0]!;
    expect(swapped.data.features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [2.35, 48.85],
    });
    expect([swapped.id, swapped.name, swapped.colour, swapped.swapSuggested]).toEqual([
      entry.id,
      entry.name,
      entry.colour,
      false,
    ]);
    expect(revoked).toEqual([entry.data.mapDataUrl]);
    expect(swapped.data.mapDataUrl).not.toBe(entry.data.mapDataUrl);
    expect(
      JSON.parse(await records.get(entry.id)!.data.text()).features[0].geometry.coordinates,
    ).toEqual([2.35, 48.85]);
  });
});
