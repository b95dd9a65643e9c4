/**
 * Reads and validates an imported file off the main thread, so that a large one never freezes
 * the page. Sends progress, then the features in slices (each small enough to take in without a
 * long task), then the data for the map as a Blob (the map's own worker parses it).
 */
import { bbox } from '@turf/bbox';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { readGeoJson, sizeProblem } from './import.ts';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-messages.ts';

/** Each slice is taken in on the page in one task: 10 000 took about 350 ms, 2 000 about 40. */
const FEATURES_PER_MESSAGE = 2_000;

const post = (message: ImportWorkerMessage) => self.postMessage(message);

async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    post({ type: 'progress', stage: 'reading', fraction: file.size ? loaded / file.size : 1 });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const { file } = event.data;
  try {
    const tooLarge = sizeProblem(file.name, file.size);
    if (tooLarge) return post({ type: 'failed', problems: [tooLarge] });
    const text = await readText(file);
    const outcome = readGeoJson(text, file.name, (fraction) =>
      post({ type: 'progress', stage: 'checking', fraction }),
    );
    if (!outcome.ok) return post({ type: 'failed', problems: outcome.problems });
    const { layer, geometryTypes } = outcome;
    // Validation has made sure that every feature has a geometry.
    const features = layer.features as Feature<Geometry, GeoJsonProperties>[];
    for (let start = 0; start < features.length; start += FEATURES_PER_MESSAGE) {
      post({ type: 'features', features: features.slice(start, start + FEATURES_PER_MESSAGE) });
    }
    // What the map draws: the geometries only, in order (it numbers them by position; popups read
    // the properties from the features sent above). MapLibre's worker reads it, not the page.
    const mapData = new Blob(
      [
        JSON.stringify({
          type: 'FeatureCollection',
          features: features.map((feature) => ({
            type: 'Feature',
            geometry: feature.geometry,
            properties: {},
          })),
        }),
      ],
      { type: 'application/geo+json' },
    );
    post({
      type: 'done',
      mapData,
      name: layer.layer,
      geometryTypes,
      featureCount: layer.features.length,
      bounds: bbox({ type: 'FeatureCollection', features }).slice(0, 4) as [
        number,
        number,
        number,
        number,
      ],
    });
  } catch (error) {
    post({
      type: 'failed',
      problems: [
        `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
      ],
    });
  }
};
