/**
 * Runs inside MapLibre's workers (loaded with importScriptInWorkers): serves an imported layer's
 * map data, an `atlas-import://<blob: URL>`, from the worker itself.
 *
 * Why: MapLibre fetches a blob: URL of a GeoJSON source on the page, parses it there and posts
 * the result to its worker, whose answer carries the parsed data back to the page again. For
 * 100 000 points that is three tasks of 200–300 ms on the page. Here the worker fetches and
 * parses the file, and the collection's `features` are not enumerable, so that what the worker
 * posts back is the collection without them (structured clone and MapLibre's own copying take
 * own enumerable properties only): the page takes in nothing but a small object. If MapLibre
 * ever copies otherwise, the layer still loads, only more slowly.
 */
import type { FeatureCollection } from 'geojson';

/**
 * The protocol's name, as imported-layer-url.ts has it (a unit test checks that they agree). Not
 * imported from there: this file must stand alone, with no import at run time, so that MapLibre
 * can load it into its workers in the development server too.
 */
const IMPORTED_LAYER_PROTOCOL = 'atlas-import';

interface ProtocolWorkerScope {
  addProtocol: (
    protocol: string,
    load: (
      request: { url: string },
      abortController: AbortController,
    ) => Promise<{ data: unknown }>,
  ) => void;
}

const scope = self as unknown as ProtocolWorkerScope;

scope.addProtocol(IMPORTED_LAYER_PROTOCOL, async ({ url }, abortController) => {
  const dataUrl = decodeURIComponent(url.slice(`${IMPORTED_LAYER_PROTOCOL}://`.length));
  const response = await fetch(dataUrl, { signal: abortController.signal });
  if (!response.ok) throw new Error(`${dataUrl}: ${response.status} ${response.statusText}`);
  const collection = (await response.json()) as FeatureCollection;
  Object.defineProperty(collection, 'features', { enumerable: false });
  return { data: collection };
});
