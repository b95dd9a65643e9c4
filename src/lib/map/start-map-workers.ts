/**
 * Starts MapLibre's worker when this module is evaluated. main.ts imports it before anything
 * else, so that the worker's script downloads and compiles while the page parses its data and
 * builds its panels, instead of after (the map needs the worker before it can draw anything).
 */
import { importScriptInWorkers, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import protocolUrl from './imported-layer-protocol.ts?worker&url';

setWorkerUrl(workerUrl);
prewarm();

let protocolLoaded: Promise<void> | undefined;

/**
 * Loads the protocol that serves imported layers into MapLibre's workers (once, on the first
 * import: the first view never needs it).
 */
export function loadImportedLayerProtocol(): Promise<void> {
  // MapLibre imports a script as a module only when its URL ends in ".mjs"; any other it reads
  // as text and evaluates, which the page's Content-Security-Policy forbids and which cannot
  // run a module. The fragment is never sent to the server.
  protocolLoaded ??= importScriptInWorkers(`${protocolUrl}#.mjs`);
  return protocolLoaded;
}
