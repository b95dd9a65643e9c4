import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORTED_LAYER_PROTOCOL, importedLayerUrl } from '../../src/lib/map/imported-layer-url.ts';

type Handler = (
  request: { url: string },
  abortController: AbortController,
) => Promise<{ data: { type: string; features: unknown[] } }>;

/** Loads the protocol as MapLibre's worker would, into a scope that records what it registers. */
async function loadProtocol(): Promise<{ name: string; handler: Handler }> {
  const registered: { name: string; handler: Handler }[] = [];
  vi.stubGlobal('self', {
    addProtocol: (name: string, handler: Handler) => registered.push({ name, handler }),
  });
  vi.resetModules();
  await import('../../src/lib/map/imported-layer-protocol.ts');
  expect(registered).toHaveLength(1);
  return registered[0]!;
}

const collection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [47, 40] }, properties: {} },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('the protocol that serves imported layers in the map’s workers', () => {
  it('is registered under the name the page’s URLs use', async () => {
    const { name } = await loadProtocol();
    expect(name).toBe(IMPORTED_LAYER_PROTOCOL);
    expect(importedLayerUrl('blob:http://127.0.0.1/1')).toMatch(new RegExp(`^${name}://`));
  });

  it('reads the layer at its blob: URL, and keeps its features from being posted back', async () => {
    const { handler } = await loadProtocol();
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(collection));
    });
    const blobUrl = 'blob:http://127.0.0.1:4173/0f6c1e9a-1b2c-4d5e-8f90-123456789abc';
    const { data } = await handler({ url: importedLayerUrl(blobUrl) }, new AbortController());
    expect(fetched).toEqual([blobUrl]);
    // MapLibre's worker indexes the features ...
    expect(data.features).toEqual(collection.features);
    // ... and what it posts back to the page (a structured clone) carries none of them.
    expect(structuredClone(data)).toEqual({ type: 'FeatureCollection' });
  });

  it('fails with the URL and the status when the data is gone', async () => {
    const { handler } = await loadProtocol();
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    await expect(
      handler({ url: importedLayerUrl('blob:http://127.0.0.1/gone') }, new AbortController()),
    ).rejects.toThrow('blob:http://127.0.0.1/gone: 404 Not Found');
  });
});
