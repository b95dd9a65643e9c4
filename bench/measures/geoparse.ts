/**
 * The place finder with the whole world gazetteer on 10 MB of mixed news (bench/geoparse.bench.ts),
 * in a Node process of its own.
 */
import type { GeoparseBenchResult } from '../geoparse.bench.ts';
import { runNodeBench } from '../harness/processes.ts';
import { atLeast, between, type NodeMeasurement } from '../harness/measurement.ts';

export const geoparse: NodeMeasurement = {
  name: 'geoparse',
  kind: 'node',
  goals: {
    geoparseMBps: atLeast(5),
    geoparseLinearity: between(0.8, 1.25, '≈ 1 (0.8–1.25)'),
  },
  async run() {
    const result = await runNodeBench<GeoparseBenchResult>('bench/geoparse.bench.ts');
    return {
      values: { geoparseMBps: result.geoparseMBps, geoparseLinearity: result.geoparseLinearity },
      details: { geoparse: result },
    };
  },
};
