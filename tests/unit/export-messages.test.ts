/**
 * How the page hands its layers to the export worker (src/lib/geo/export-messages.ts): in slices
 * small enough to post without a long task, put together again in the worker into the very
 * layers the page had, so that the worker's file is the file exportLayers makes on the page.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { generatePoints } from '../../bench/points.ts';
import { LAYER_NAMES, type AtlasLayer } from '../../src/lib/geo/contract.ts';
import { exportLayers, type ExportableLayer } from '../../src/lib/geo/export.ts';
import {
  FEATURES_PER_MESSAGE,
  LayerAssembly,
  layerMessages,
  type ExportWorkerRequest,
} from '../../src/lib/geo/export-messages.ts';

const committed: AtlasLayer[] = LAYER_NAMES.map((name) =>
  JSON.parse(readFileSync(`geodata/layers/${name}.geojson`, 'utf8')),
);
const points: ExportableLayer = {
  type: 'FeatureCollection',
  layer: 'points',
  features: generatePoints(2 * FEATURES_PER_MESSAGE + 7),
};

/** What the worker holds once it has taken every message. */
function assembled(messages: Iterable<ExportWorkerRequest>): ExportableLayer[] {
  const assembly = new LayerAssembly();
  for (const message of messages) {
    if (message.type !== 'export') assembly.take(message);
  }
  return assembly.layers;
}

/** A deep read-only proxy, as Svelte's state wraps the page's layers: no worker may be sent one. */
function proxied<T extends object>(value: T): T {
  return new Proxy(value, {
    get: (target, key, receiver) => {
      const inner: unknown = Reflect.get(target, key, receiver);
      return typeof inner === 'object' && inner !== null ? proxied(inner) : inner;
    },
  });
}

describe('the layers sent to the export worker', () => {
  it('come together again as they were, in order', () => {
    const layers = [...committed, points];
    expect(assembled(layerMessages(layers))).toEqual(JSON.parse(JSON.stringify(layers)));
  });

  it('give the worker the file exportLayers gives the page, for any request', () => {
    const layers = [...committed, points];
    const worker = assembled(layerMessages(layers));
    for (const request of [
      { layer: 'all' },
      { layer: 'points', bbox: [45, 39, 47, 41] },
      { layer: 'places', ids: ['baku'] },
      { layer: 'all', visibleOnly: true },
    ]) {
      expect(exportLayers(worker, request).text).toBe(exportLayers(layers, request).text);
    }
  });

  it('go in slices of at most FEATURES_PER_MESSAGE features, each layer opened first', () => {
    const messages = [...layerMessages([points, committed[0]!])];
    expect(messages.map((message) => message.type)).toEqual([
      'layer',
      'features',
      'features',
      'features',
      'layer',
      'features',
    ]);
    const slices = messages
      .filter((message) => message.type === 'features')
      .map((message) => JSON.parse(message.json).length);
    expect(slices).toEqual([FEATURES_PER_MESSAGE, FEATURES_PER_MESSAGE, 7, 8]);
    expect(JSON.parse(messages[0]!.type === 'layer' ? messages[0]!.json : '')).toEqual({
      type: 'FeatureCollection',
      layer: 'points',
    });
  });

  it('can be the page’s reactive proxies: what is sent is their JSON, which a worker takes', () => {
    const page = proxied(committed);
    const messages = [...layerMessages(page)];
    expect(() => structuredClone(messages)).not.toThrow();
    expect(assembled(messages)).toEqual(committed);
  });

  it('are refused when features come before any layer', () => {
    expect(() => new LayerAssembly().take({ type: 'features', json: '[]' })).toThrow(
      'Features came before any layer.',
    );
  });
});
