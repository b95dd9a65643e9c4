/**
 * Reads and validates an imported file off the main thread, so that a large one never freezes
 * the page. Sends progress, then the features in slices (each small enough to take in without a
 * long task), then the layer's data for the map (its own worker parses it) and for keeping.
 */
import { bbox } from '@turf/bbox';
import landUrl from '../../../geodata/world/land-110m.json?url';
import { readImport, sizeProblem } from './import.ts';
import { layerDataText, mapDataText, propertyNamesOf } from './import-outputs.ts';
import {
  landFromTopology,
  samplePositions,
  swapCoordinates,
  swappable,
  swapSuggested,
  type Land,
} from './import-swap.ts';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-worker-protocol.ts';

/** Each slice is taken in on the page in one task: 10 000 took about 350 ms, 2 000 about 40. */
const FEATURES_PER_MESSAGE = 2_000;

const post = (message: ImportWorkerMessage) => self.postMessage(message);

async function readText(file: Blob): Promise<string> {
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

/** The land, fetched from the page's origin the first time a layer needs it. */
let land: Promise<Land> | undefined;
const loadLand = () =>
  (land ??= fetch(landUrl)
    .then((response) => response.json())
    .then(landFromTopology));

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const { file, fileName, checkSwap, swap } = event.data;
  try {
    const tooLarge = sizeProblem(fileName, file.size);
    if (tooLarge) return post({ type: 'failed', problems: [tooLarge] });
    const text = await readText(file);
    const outcome = readImport(text, fileName, (fraction) =>
      post({ type: 'progress', stage: 'checking', fraction }),
    );
    if (!outcome.ok) return post({ type: 'failed', problems: outcome.problems });
    const { layer, geometryTypes } = outcome;
    const features = layer.features;
    if (swap) swapCoordinates(features);
    const sample = checkSwap ? samplePositions(features) : [];
    const suggested = swappable(sample) && swapSuggested(sample, await loadLand());
    for (let start = 0; start < features.length; start += FEATURES_PER_MESSAGE) {
      post({ type: 'features', features: features.slice(start, start + FEATURES_PER_MESSAGE) });
    }
    const [west, south, east, north] = bbox({ type: 'FeatureCollection', features });
    post({
      type: 'done',
      name: layer.layer,
      geometryTypes,
      featureCount: features.length,
      bounds: [west, south, east, north],
      propertyNames: propertyNamesOf(features),
      swapSuggested: suggested,
      mapData: new Blob([mapDataText(features)], { type: 'application/geo+json' }),
      layerData: new Blob([layerDataText(features)], { type: 'application/geo+json' }),
    });
  } catch (error) {
    post({
      type: 'failed',
      problems: [
        `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`,
      ],
    });
  }
};
