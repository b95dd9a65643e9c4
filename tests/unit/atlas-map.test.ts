/**
 * The map wrapper (src/lib/map/atlas-map.ts) against a fake MapLibre map: `new maplibregl.Map`
 * needs WebGL, which neither Node nor jsdom has (the real map is tested in Chromium). What the
 * wrapper promises: every listener it adds comes off again, a reader's layer lives exactly until
 * it is removed, and its promise always settles.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakes, type FakeMap } from './fake-maplibre.ts';

vi.mock('maplibre-gl', async () => (await import('./fake-maplibre.ts')).fakeMapLibre);
vi.mock('../../src/lib/map/start-map-workers.ts', async () => {
  const { fakes } = await import('./fake-maplibre.ts');
  // Resolved by each test when it wants the protocol "loaded".
  return {
    loadImportedLayerProtocol: () =>
      new Promise<void>((resolve) => (fakes.protocol.resolve = resolve)),
  };
});

const { AtlasMap } = await import('../../src/lib/map/atlas-map.ts');
const { buildAtlasStyle } = await import('../../src/lib/map/style/index.ts');
const { IMPORTED_LAYERS_BEFORE } = await import('../../src/lib/map/style/imported-highlight.ts');
const empty = { type: 'FeatureCollection' as const, features: [] };
const BASEMAP = { countries: empty, countryLabels: empty, bounds: [43, 38, 51, 42.5] as const };

// Loaded now, as the page loads it with the first imported layer: the tests then wait only for
// the (fake) protocol.
await import('../../src/lib/map/style/imported-layers.ts');

/** Lets the wrapper take in what has resolved (a few turns of the event loop). */
const flush = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve));
};

async function createMap(options: { exposeMap?: (map: unknown) => void } = {}) {
  const container = {} as HTMLElement;
  const created = AtlasMap.create({
    container,
    style: buildAtlasStyle({ basemap: BASEMAP, layers: [] }),
    initialBounds: [45, 39, 48, 41],
    highlightFeature: () => null,
    ...options,
  });
  const fake = fakes.maps.at(-1) as FakeMap;
  fake.isLoaded = true;
  fake.events.fire('load');
  return { map: await created, fake };
}

const IMPORT = {
  id: 'import-1',
  dataUrl: 'blob:http://127.0.0.1/1',
  colour: '#332288',
  clustered: false,
  labelProperty: 'name',
  visible: true,
};
const importedLayerIds = (fake: FakeMap) =>
  fake.layers.filter((layer) => layer.source === 'import-1').map((layer) => layer.id);

beforeEach(() => (fakes.maps.length = 0));
afterEach(() => vi.restoreAllMocks());

describe('creating the map', () => {
  it('resolves on load, hands the map only to whoever asked for it, and keeps only its own listeners', async () => {
    const exposeMap = vi.fn();
    const { fake } = await createMap({ exposeMap });
    expect(exposeMap).toHaveBeenCalledWith(fake);
    expect(fake.events.count('load')).toBe(0);
    expect(fake.events.count('error')).toBe(0);
    expect(
      [...fake.events.byType.entries()].filter(([, set]) => set.size > 0).map(([type]) => type),
    ).toEqual(['mousemove']);
  });

  it('hands itself over before load; a context given before the style is there waits for it', async () => {
    const context = { type: 'FeatureCollection' as const, features: [] };
    let styleThere = false;
    const created = AtlasMap.create({
      container: {} as HTMLElement,
      style: buildAtlasStyle({ basemap: BASEMAP, layers: [] }),
      initialBounds: [45, 39, 48, 41],
      highlightFeature: () => null,
      onCreated: (map) => {
        const fake = fakes.maps.at(-1) as FakeMap;
        const getSource = fake.getSource;
        fake.getSource = (id: string) => (styleThere ? getSource(id) : undefined);
        map.setContext(context);
      },
    });
    const fake = fakes.maps.at(-1) as FakeMap;
    expect(fake.highlightData).not.toHaveBeenCalled();
    styleThere = true;
    fake.events.fire('style.load');
    expect(fake.highlightData).toHaveBeenCalledExactlyOnceWith(context);
    expect(fake.events.count('style.load')).toBe(0);
    fake.isLoaded = true;
    fake.events.fire('load');
    await created;
  });

  it('rejects on an error before load, and lets go of its listeners', async () => {
    const created = AtlasMap.create({
      container: {} as HTMLElement,
      style: buildAtlasStyle({ basemap: BASEMAP, layers: [] }),
      initialBounds: [45, 39, 48, 41],
      highlightFeature: () => null,
    });
    const fake = fakes.maps.at(-1) as FakeMap;
    fake.events.fire('error', { error: new Error('the style is broken') });
    await expect(created).rejects.toThrow('the style is broken');
    expect(fake.events.count('load') + fake.events.count('error')).toBe(0);
  });
});

describe('listeners', () => {
  it('every on… returns its off', async () => {
    const { map, fake } = await createMap();
    const before = fake.events.count();
    const offClick = map.onFeatureClick(() => undefined);
    const offView = map.onViewChange(() => undefined);
    fake.triggerRepaint = vi.fn();
    const idle = map.whenIdle();
    expect(fake.events.count()).toBe(before + 3);
    offClick();
    offView();
    fake.events.fire('idle');
    await idle;
    expect(fake.events.count()).toBe(before);
  });

  it('fits bounds in the part of the map a panel over its top leaves, or in all of it when too little is left', async () => {
    const { map, fake } = await createMap();
    const paddingTop = () =>
      (fake.fitBounds.mock.lastCall![1] as { padding: { top: number; bottom: number } }).padding;
    map.fitBounds([45, 39, 48, 41], false);
    expect(paddingTop()).toEqual({ top: 48, bottom: 48, left: 48, right: 48 });
    map.fitBounds([45, 39, 48, 41], false, 300);
    expect(paddingTop()).toMatchObject({ top: 348, bottom: 48 });
    // 600 px of map, 450 covered: 54 px would be left between the paddings.
    map.fitBounds([45, 39, 48, 41], false, 450);
    expect(paddingTop()).toMatchObject({ top: 48, bottom: 48 });
  });

  it('tells once when the view reaches a zoom, and stops listening then or when told to', async () => {
    const { map, fake } = await createMap();
    const before = fake.events.count();
    const reached = vi.fn();
    map.onceZoomReaches(9, reached);
    expect(fake.events.count()).toBe(before + 1);
    fake.getZoom = () => 8;
    fake.events.fire('zoomend');
    expect(reached).not.toHaveBeenCalled();
    fake.getZoom = () => 9.5;
    fake.events.fire('zoomend');
    fake.events.fire('zoomend');
    expect(reached).toHaveBeenCalledTimes(1);
    expect(fake.events.count()).toBe(before);
    const stop = map.onceZoomReaches(12, reached);
    stop();
    expect(fake.events.count()).toBe(before);
    // Already there: told at once, nothing left listening.
    map.onceZoomReaches(5, reached);
    expect(reached).toHaveBeenCalledTimes(2);
    expect(fake.events.count()).toBe(before);
  });

  it('tells of clicks and views; a click on a cluster zooms in instead', async () => {
    const { map, fake } = await createMap();
    const clicks = vi.fn();
    const views = vi.fn();
    map.onFeatureClick(clicks);
    map.onViewChange(views);
    const layer = fake.layers.find(
      (candidate) =>
        (candidate.metadata as { 'atlas:pick'?: number })?.['atlas:pick'] !== undefined,
    );
    fake.queryRenderedFeatures.mockReturnValue([
      {
        id: 'yevlakh',
        source: 'atlas',
        layer: { id: layer?.id ?? 'x' },
        properties: {},
        geometry: { type: 'Point', coordinates: [47.1, 40.6] },
      },
    ]);
    fake.events.fire('click', { point: { x: 471, y: 406 } });
    expect(clicks).toHaveBeenCalledWith(
      { id: 'yevlakh', mapId: 'yevlakh', source: 'atlas', lngLat: [47.1, 40.6] },
      [47.1, 40.6],
    );
    fake.queryRenderedFeatures.mockReturnValue([
      {
        id: 3,
        source: 'import-1',
        layer: { id: 'x' },
        properties: { cluster: true, cluster_id: 7 },
        geometry: { type: 'Point', coordinates: [46, 40] },
      },
    ]);
    fake.sources.set('import-1', {});
    fake.events.fire('click', { point: { x: 460, y: 400 } });
    await flush();
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(fake.easeTo).toHaveBeenCalledWith({ center: [46, 40], zoom: 9 });
    fake.events.fire('moveend');
    expect(views).toHaveBeenCalledWith({ zoom: 7, latitude: 40, longitude: 46.5 });
  });

  it('destroy() takes every listener off the map and its canvas, the reader’s layers too, and ends the map', async () => {
    const { map, fake } = await createMap();
    map.onFeatureClick(() => undefined);
    map.onViewChange(() => undefined);
    const layer = map.addImportedLayer(IMPORT);
    fakes.protocol.resolve();
    await flush();
    expect(fake.canvasEvents.count()).toBe(1);
    map.destroy();
    expect(fake.events.count()).toBe(0);
    expect(fake.canvasEvents.count()).toBe(0);
    expect(importedLayerIds(fake)).toEqual([]);
    expect(fake.removed).toBe(true);
    await expect(layer.drawn).resolves.toBe(false);
  });
});

describe('a reader’s layer', () => {
  it('is added below the imported highlight once the protocol is there, and settles true when drawn', async () => {
    const { map, fake } = await createMap();
    const baseline = fake.events.count();
    const layer = map.addImportedLayer(IMPORT);
    expect(fake.sources.has('import-1')).toBe(false);
    fakes.protocol.resolve();
    await flush();
    expect(fake.sources.has('import-1')).toBe(true);
    const order = fake.getLayersOrder();
    const highlight = order.indexOf(IMPORTED_LAYERS_BEFORE);
    for (const id of importedLayerIds(fake)) expect(order.indexOf(id)).toBeLessThan(highlight);
    fake.events.fire('sourcedata', { sourceId: 'other', isSourceLoaded: true });
    fake.events.fire('sourcedata', { sourceId: 'import-1', isSourceLoaded: true });
    fake.events.fire('idle');
    await expect(layer.drawn).resolves.toBe(true);
    expect(fake.events.count()).toBe(baseline);
  });

  it('settles false on dataabort, and lets go of its listeners', async () => {
    const { map, fake } = await createMap();
    const baseline = fake.events.count();
    const layer = map.addImportedLayer(IMPORT);
    fakes.protocol.resolve();
    await flush();
    fake.events.fire('dataabort', { sourceId: 'import-1' });
    await expect(layer.drawn).resolves.toBe(false);
    expect(fake.events.count()).toBe(baseline);
  });

  it('removed before the protocol has loaded: never added, settles false', async () => {
    const { map, fake } = await createMap();
    const layer = map.addImportedLayer(IMPORT);
    layer.remove();
    fakes.protocol.resolve();
    await flush();
    await expect(layer.drawn).resolves.toBe(false);
    expect(fake.sources.has('import-1')).toBe(false);
    expect(importedLayerIds(fake)).toEqual([]);
  });

  it('removed while its data loads: its source and layers go, it settles false, no listener stays', async () => {
    const { map, fake } = await createMap();
    const baseline = fake.events.count();
    const layer = map.addImportedLayer(IMPORT);
    fakes.protocol.resolve();
    await flush();
    expect(importedLayerIds(fake).length).toBeGreaterThan(3);
    layer.remove();
    await expect(layer.drawn).resolves.toBe(false);
    expect(fake.sources.has('import-1')).toBe(false);
    expect(importedLayerIds(fake)).toEqual([]);
    expect(fake.events.count()).toBe(baseline);
  });

  it('rejects when the map cannot load its data', async () => {
    const { map, fake } = await createMap();
    const layer = map.addImportedLayer(IMPORT);
    fakes.protocol.resolve();
    await flush();
    fake.events.fire('error', { sourceId: 'import-1', error: new Error('blob: not found') });
    await expect(layer.drawn).rejects.toThrow('blob: not found');
  });

  it('shows, hides and relabels all of its own layers, and only when something changes', async () => {
    const { map, fake } = await createMap();
    const layer = map.addImportedLayer({ ...IMPORT, visible: false });
    fakes.protocol.resolve();
    await flush();
    const visibility = () =>
      importedLayerIds(fake).map((id) => fake.getLayoutProperty(id, 'visibility'));
    expect(new Set(visibility())).toEqual(new Set(['none']));
    const setLayout = vi.spyOn(fake, 'setLayoutProperty');
    layer.setVisible(false);
    expect(setLayout).not.toHaveBeenCalled();
    layer.setVisible(true);
    expect(new Set(visibility())).toEqual(new Set(['visible']));
    layer.setLabel('title');
    expect(fake.getLayoutProperty('import-1-label', 'text-field')).toEqual([
      'to-string',
      ['get', 'title'],
    ]);
    layer.setLabel(null);
    expect(fake.getLayoutProperty('import-1-label-line', 'text-field')).toBe('');
    // Other layers are untouched.
    expect(fake.getLayoutProperty('routes-casing', 'visibility')).toBeUndefined();
  });
});

describe('the features the reader’s choices hide', () => {
  it('swaps the hidden clause of every atlas layer’s filter, only where it changes', async () => {
    const { map, fake } = await createMap();
    const atlasLayers = fake.layers.filter((layer) => layer.source === 'atlas');
    expect(atlasLayers.length).toBeGreaterThan(5);
    const before = structuredClone(fake.layers);
    const setFilter = vi.spyOn(fake, 'setFilter');
    map.setHiddenFeatures([]);
    expect(setFilter).not.toHaveBeenCalled();
    map.setHiddenFeatures(['shusha']);
    expect(setFilter).toHaveBeenCalledTimes(atlasLayers.length);
    for (const layer of atlasLayers) {
      const own = (before.find((other) => other.id === layer.id)!.filter as unknown[])[1];
      expect(layer.filter).toEqual([
        'all',
        own,
        ['!', ['in', ['get', 'atlasId'], ['literal', ['shusha']]]],
      ]);
    }
    // Layers of other sources keep theirs.
    for (const layer of fake.layers.filter((layer) => layer.source !== 'atlas'))
      expect(layer.filter).toEqual(before.find((other) => other.id === layer.id)!.filter);
  });
});
