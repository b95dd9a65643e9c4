/**
 * Starts MapLibre's worker when this module is evaluated. main.ts imports it before anything
 * else, so that the worker's script downloads and compiles while the page parses its data and
 * builds its panels, instead of after (the map needs the worker before it can draw anything).
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
prewarm();
