/** exportLayers of the bench's 100 000 generated points, in Node. */
import { exportLayers } from '../../src/lib/geo/export.ts';
import { atMost, type NodeMeasurement } from '../harness/measurement.ts';
import { median, round } from '../harness/util.ts';
import { benchPoints, POINT_LAYER } from '../points.ts';

const EXPORT_RUNS = 5;

export const export100k: NodeMeasurement = {
  name: 'export',
  kind: 'node',
  goals: { export100kMs: atMost(300) },
  async run() {
    const layer = {
      type: 'FeatureCollection' as const,
      layer: POINT_LAYER,
      features: benchPoints(),
    };
    const times: number[] = [];
    let bytes = 0;
    let featureCount = 0;
    for (let run = 0; run < EXPORT_RUNS; run++) {
      const begun = performance.now();
      const result = exportLayers([layer], { layer: layer.layer });
      result.text.charCodeAt(result.text.length >> 1); // flatten the string: count all of it
      times.push(performance.now() - begun);
      bytes = Buffer.byteLength(result.text);
      featureCount = result.featureCount;
    }
    return {
      values: { export100kMs: round(median(times)) },
      details: {
        export100k: {
          medianMs: round(median(times)),
          runsMs: times.map((time) => round(time)),
          featureCount,
          megabytes: round(bytes / 1e6, 2),
        },
      },
    };
  },
};
