/**
 * Mention finding of the document (bench/mentions.bench.ts) in three Node processes of their
 * own; the figures are the median process's.
 */
import type { MentionsBenchResult } from '../mentions.bench.ts';
import { runNodeBench } from '../harness/processes.ts';
import { atLeast, between, type NodeMeasurement } from '../harness/measurement.ts';

/** Separate processes the mention bench runs in; the figures are the median one's. */
const MENTIONS_PROCESSES = 3;

export const mentions: NodeMeasurement = {
  name: 'mentions',
  kind: 'node',
  goals: {
    mentionsMBps: atLeast(50),
    mentionsLinearity: between(0.9, 1.1, '≈ 1 (0.9–1.1)'),
  },
  async run() {
    const runs: MentionsBenchResult[] = [];
    for (let run = 0; run < MENTIONS_PROCESSES; run++)
      runs.push(await runNodeBench<MentionsBenchResult>('bench/mentions.bench.ts'));
    // The process of median linearity: one whose machine slowed down between its ×100 and its
    // ×1000 samples (other work on a shared machine) does not decide the figure.
    const chosen = [...runs].sort((a, b) => a.mentionsLinearity - b.mentionsLinearity)[
      MENTIONS_PROCESSES >> 1
    ]!;
    return {
      values: {
        mentionsMBps: chosen.mentionsMBps,
        mentionsLinearity: chosen.mentionsLinearity,
      },
      details: {
        mentions: {
          ...chosen,
          linearityOfEachProcess: runs.map((run) => run.mentionsLinearity),
          mbPerSecondOfEachProcess: runs.map((run) => run.mentionsMBps),
        },
      },
    };
  },
};
