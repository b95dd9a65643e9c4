/**
 * A fake of the parts of MapLibre that the map wrapper (src/lib/map/atlas-map.ts) uses, for its
 * unit tests: `new maplibregl.Map` needs WebGL, which neither Node nor jsdom has. The fake keeps
 * what a test asserts on: the listeners, the sources and the layers.
 */
import { vi } from 'vitest';

export type Listener = (event: Record<string, unknown>) => void;

export class Listeners {
  readonly byType = new Map<string, Set<Listener>>();
  add(type: string, listener: Listener) {
    if (!this.byType.has(type)) this.byType.set(type, new Set());
    this.byType.get(type)!.add(listener);
  }
  delete(type: string, listener: Listener) {
    this.byType.get(type)?.delete(listener);
  }
  fire(type: string, event: Record<string, unknown> = {}) {
    for (const listener of [...(this.byType.get(type) ?? [])]) listener({ type, ...event });
  }
  count(type?: string) {
    if (type) return this.byType.get(type)?.size ?? 0;
    return [...this.byType.values()].reduce((total, set) => total + set.size, 0);
  }
}

export interface FakeLayer {
  id: string;
  source?: string;
  metadata?: unknown;
  layout?: Record<string, unknown>;
  filter?: unknown;
}

/** The maps made so far, and the imported layers' protocol, resolved when a test wants it. */
export const fakes = { maps: [] as unknown[], protocol: { resolve: () => {} } };

export class FakeMap {
  readonly events = new Listeners();
  readonly canvasEvents = new Listeners();
  readonly canvas = {
    style: { cursor: '' },
    clientHeight: 600,
    addEventListener: (type: string, listener: Listener) => this.canvasEvents.add(type, listener),
    removeEventListener: (type: string, listener: Listener) =>
      this.canvasEvents.delete(type, listener),
  };
  layers: FakeLayer[];
  readonly sources = new Map<string, unknown>();
  readonly highlightData = vi.fn();
  isLoaded = false;
  removed = false;
  touchZoomRotate = { disableRotation: () => undefined };
  readonly controls: unknown[] = [];
  addControl = (control: unknown) => {
    this.controls.push(control);
    return this;
  };
  keyboard = { disableRotation: () => undefined };
  queryRenderedFeatures = vi.fn((): unknown[] => []);
  easeTo = vi.fn();
  triggerRepaint = vi.fn();
  fitBounds = vi.fn();
  jumpTo = vi.fn();
  flyTo = vi.fn();

  constructor(readonly options: { style: { layers: FakeLayer[]; sources: object } }) {
    this.layers = structuredClone(options.style.layers);
    for (const id of Object.keys(options.style.sources)) this.sources.set(id, {});
    fakes.maps.push(this);
  }
  on(type: string, listener: Listener) {
    this.events.add(type, listener);
    return this;
  }
  off(type: string, listener: Listener) {
    this.events.delete(type, listener);
    return this;
  }
  once(type: string, listener: Listener) {
    const once: Listener = (event) => {
      this.off(type, once);
      listener(event);
    };
    return this.on(type, once);
  }
  loaded = () => this.isLoaded;
  getCanvas = () => this.canvas;
  getLayersOrder = () => this.layers.map((layer) => layer.id);
  getLayer = (id: string) => this.layers.find((layer) => layer.id === id);
  getSource = (id: string) =>
    this.sources.has(id)
      ? { setData: this.highlightData, getClusterExpansionZoom: async () => 9 }
      : undefined;
  addSource(id: string, spec: unknown) {
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.sources.set(id, spec);
  }
  removeSource(id: string) {
    if (this.layers.some((layer) => layer.source === id)) throw new Error(`${id} still in use`);
    this.sources.delete(id);
  }
  addLayer(layer: FakeLayer, before?: string) {
    const at = before ? this.layers.findIndex((other) => other.id === before) : -1;
    this.layers.splice(at === -1 ? this.layers.length : at, 0, structuredClone(layer));
  }
  removeLayer(id: string) {
    this.layers = this.layers.filter((layer) => layer.id !== id);
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    const layer = this.getLayer(id)!;
    layer.layout = { ...layer.layout, [name]: value };
  }
  getLayoutProperty = (id: string, name: string) => this.getLayer(id)?.layout?.[name];
  getFilter = (id: string) => this.getLayer(id)?.filter;
  setFilter(id: string, filter: unknown) {
    this.getLayer(id)!.filter = filter;
  }
  project = ([x, y]: [number, number]) => ({ x: x * 10, y: y * 10 });
  unproject = ([x, y]: [number, number]) => ({ lng: x / 10, lat: y / 10 });
  getCenter = () => ({ lng: 46.5, lat: 40 });
  getZoom = () => 7;
  getBounds = () => ({
    toArray: () => [
      [45, 39],
      [48, 41],
    ],
  });
  remove() {
    this.removed = true;
  }
}

export class FakePopup {
  readonly events = new Listeners();
  setLngLat = () => this;
  setDOMContent = () => this;
  addTo = () => this;
  on(type: string, listener: Listener) {
    this.events.add(type, listener);
    return this;
  }
  remove() {
    this.events.fire('close');
  }
}

/** What `vi.mock('maplibre-gl', ...)` gives in place of the library. */
export const fakeMapLibre = {
  Map: FakeMap,
  Popup: FakePopup,
  ScaleControl: class {
    constructor(readonly options: unknown) {}
  },
  LngLatBounds: class {
    constructor(readonly bounds: unknown) {}
  },
};
