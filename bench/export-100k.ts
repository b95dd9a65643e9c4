/**
 * How long exportLayers takes for 100 000 point features: `npx tsx bench/export-100k.ts`.
 * Three shapes of feature: the bench's generated points (what `export100kMs` in bench/run.ts
 * measures), a lean one (name, kind) and a full contract one (a copy of a built place, with its
 * mentions and sources). Prints the median of several runs per case.
 */
import { readFileSync } from 'node:fs';
import type { AtlasFeature, AtlasLayer } from '../src/lib/geo/contract.ts';
import { exportLayers, type ExportRequest, type ImportedLayer } from '../src/lib/geo/export.ts';
import { generatePoints, POINT_LAYER } from './points.ts';

const COUNT = 100_000;
const RUNS = 5;

const places = JSON.parse(
  readFileSync(new URL('../geodata/layers/places.geojson', import.meta.url), 'utf8'),
) as AtlasLayer;
const template = places.features[0]!;

function point(index: number): [number, number] {
  // A deterministic spread over the Caucasus, with more than six decimals to round.
  return [44 + ((index * 7919) % 100_000) / 9_999.3, 38 + ((index * 104_729) % 100_000) / 19_999.7];
}

const benchPoints: ImportedLayer = {
  type: 'FeatureCollection',
  layer: POINT_LAYER,
  features: generatePoints(COUNT),
};
const lean: ImportedLayer = {
  type: 'FeatureCollection',
  layer: 'lean',
  features: Array.from({ length: COUNT }, (_, index) => ({
    type: 'Feature',
    id: `p-${index}`,
    geometry: { type: 'Point', coordinates: point(index) },
    properties: { name: `Point ${index}`, kind: 'settlement' },
  })),
};
const full: AtlasLayer = {
  ...places,
  layer: 'full',
  features: Array.from({ length: COUNT }, (_, index): AtlasFeature => ({
    ...template,
    id: `p-${index}`,
    geometry: { type: 'Point', coordinates: point(index) },
  })),
};

function measure(label: string, layer: ImportedLayer | AtlasLayer, request: ExportRequest): void {
  const times: number[] = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = exportLayers([layer], request);
    result.text.charCodeAt(result.text.length >> 1); // flatten the string: count it all
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const megabytes = (result!.text.length / 1e6).toFixed(1);
  console.log(
    `${label.padEnd(42)} median ${times[Math.floor(RUNS / 2)]!.toFixed(0).padStart(5)} ms  (min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)})  ${result!.featureCount} features, ${megabytes} MB`,
  );
}

/** The floor on this machine: the bare indented stringify of the same, already rounded, data. */
function baseline(label: string, layer: ImportedLayer | AtlasLayer): void {
  const rounded = JSON.parse(exportLayers([layer], { layer: layer.layer }).text);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    JSON.stringify(rounded, null, 2);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(42)} median ${times[Math.floor(RUNS / 2)]!.toFixed(0).padStart(5)} ms`,
  );
}

baseline('bench points, JSON.stringify(·, null, 2)', benchPoints);
measure('bench points, whole layer', benchPoints, { layer: POINT_LAYER });
baseline('lean, JSON.stringify(·, null, 2)', lean);
measure('lean, whole layer', lean, { layer: 'lean' });
measure('lean, bbox (about half)', lean, { layer: 'lean', bbox: [44, 38, 49, 41] });
measure('lean, 1000 ids', lean, {
  layer: 'lean',
  ids: Array.from({ length: 1000 }, (_, index) => `p-${index * 100}`),
});
baseline('full, JSON.stringify(·, null, 2)', full);
measure('full contract, whole layer', full, { layer: 'full' });
measure('full contract, bbox (about half)', full, { layer: 'full', bbox: [44, 38, 49, 41] });
