/**
 * From navigation to the map's first `idle`: the app against the bare MapLibre page drawing the
 * same view (bench/bare), in alternating cold loads; and what the app's first load transferred.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstLoad } from '../harness/first-load.ts';
import { atMost, type BrowserMeasurement } from '../harness/measurement.ts';
import { cpuUse, openCold, timeline, type PageLoad } from '../harness/page-load.ts';
import { log, median, round } from '../harness/util.ts';

const IDLE_RUNS = 9;
/** A page load that keeps this share of the cores busy until idle is bound by CPU. */
const CPU_BOUND_SHARE = 0.75;

/**
 * Gzip kB of the map's context (src/lib/data/context*.ts): the first view's chunk and the label
 * face, which the first load takes, and the towns' chunk, which loads when first drawn.
 */
function contextKB(dist: string): number {
  const assets = join(dist, 'assets');
  const files = readdirSync(assets).filter((file) => /^(context|label-glyphs)-/.test(file));
  const bytes = files.map((file) => {
    const body = readFileSync(join(assets, file));
    return file.endsWith('.woff2') ? body.length : gzipSync(body).length;
  });
  return round(bytes.reduce((sum, size) => sum + size, 0) / 1000);
}

export const pageLoad: BrowserMeasurement = {
  name: 'load',
  kind: 'browser',
  goals: { idleRatio: atMost(1.05), firstLoadKB: atMost(540), contextKB: atMost(40) },
  async run({ browser, appOrigin, appDist, bareOrigin, bareDist, bareUrl }) {
    log(`navigation → idle: ${IDLE_RUNS} runs each, alternating`);
    const notes: string[] = [];
    const appRuns: PageLoad[] = [];
    const bareRuns: PageLoad[] = [];
    for (let run = 0; run < IDLE_RUNS; run++) {
      for (const [url, runs] of [
        [`${appOrigin}/`, appRuns],
        [bareUrl, bareRuns],
      ] as const) {
        const load = await openCold(browser, url);
        await load.context.close();
        runs.push(load);
      }
    }
    const appIdle = median(appRuns.map((run) => run.idleMs));
    const bareIdle = median(bareRuns.map((run) => run.idleMs));
    const medianRun = (runs: PageLoad[], at: number) =>
      runs.reduce((best, run) =>
        Math.abs(run.idleMs - at) < Math.abs(best.idleMs - at) ? run : best,
      );
    const appErrors = [...new Set(appRuns.flatMap((run) => run.errors))];
    const bareErrors = [...new Set(bareRuns.flatMap((run) => run.errors))];
    if (appErrors.length > 0) notes.push(`app page errors: ${appErrors.join(' | ')}`);
    if (bareErrors.length > 0) notes.push(`bare page errors: ${bareErrors.join(' | ')}`);
    const cpu = cpuUse(appRuns, bareRuns, appIdle, bareIdle);
    if (cpu && Math.min(cpu.appCoresBusy, cpu.bareCoresBusy) >= CPU_BOUND_SHARE * cpu.cores)
      notes.push(
        `page loads were bound by CPU (${cpu.appCoresBusy} and ${cpu.bareCoresBusy} of ${cpu.cores} cores busy until idle): idleRatio then compares work more than waiting; the app used ${cpu.appOverBare} × the bare page's CPU`,
      );
    const appFirstLoad = firstLoad(appRuns[0]!, appDist, appOrigin);
    const bareFirstLoad = firstLoad(bareRuns[0]!, bareDist, bareOrigin);
    if (appFirstLoad.other.length > 0)
      notes.push(`the app's first load also asked for: ${appFirstLoad.other.join(', ')}`);
    return {
      values: {
        idleRatio: round(appIdle / bareIdle, 3),
        firstLoadKB: appFirstLoad.kB,
        contextKB: contextKB(appDist),
      },
      baseline: {
        appIdleMs: round(appIdle),
        bareIdleMs: round(bareIdle),
        appLoadCpuMs: cpu?.appMs ?? null,
        bareLoadCpuMs: cpu?.bareMs ?? null,
      },
      notes,
      details: {
        idle: {
          appRunsMs: appRuns.map((run) => round(run.idleMs)),
          bareRunsMs: bareRuns.map((run) => round(run.idleMs)),
          // Each app run ÷ the bare run right after it: steadier than the ratio of medians when
          // the machine's load drifts during the bench.
          pairedRatioMedian: round(
            median(appRuns.map((run, index) => run.idleMs / bareRuns[index]!.idleMs)),
            3,
          ),
          cpu,
          appIdleVia: [...new Set(appRuns.map((run) => run.idleVia))],
          appMedianRun: timeline(medianRun(appRuns, appIdle)),
          bareMedianRun: timeline(medianRun(bareRuns, bareIdle)),
        },
        firstLoad: { app: appFirstLoad, bare: bareFirstLoad },
      },
    };
  },
};
