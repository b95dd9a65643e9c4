/**
 * `npm run bench`: the app's performance figures, printed as a table and written to
 * bench/results/latest.json. Not part of `npm test`. About 3 minutes on 2 cores.
 * `npm run bench -- popup import` runs only the measurements named (bench/measurements.ts) and
 * writes bench/results/partial.tmp.json instead.
 *
 * 1. Node figures first, each measurement in turn (some in processes of their own).
 * 2. For the browser figures: builds the app in its e2e mode, the one build with the hook the
 *    probe learns of the map through (into bench/results/app-dist.tmp, so as not to disturb a
 *    `dist/` that the browser tests may be serving), and the bare MapLibre page
 *    (bench/bare → bench/bare/dist), serves both with `vite preview` on 127.0.0.1 and drives
 *    /usr/bin/chromium through playwright-core with the browser tests' launch arguments. Every
 *    page load is a fresh browser context (a cold cache); every time is taken by the page's own
 *    clock (bench/probe.ts).
 *
 * The keys, goals and method are in each measurement's module and in the README's Performance
 * section.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import playwrightConfig from '../playwright.config.ts';
import type {
  AppView,
  BrowserContextOfBench,
  Measurement,
  MeasurementResult,
} from './harness/measurement.ts';
import { openCold } from './harness/page-load.ts';
import { npx, preview, ROOT, stopServers, waitForQuiet } from './harness/processes.ts';
import { log, round } from './harness/util.ts';
import { MEASUREMENTS } from './measurements.ts';

const RESULTS = join(ROOT, 'bench', 'results');
const APP_DIST = join(RESULTS, 'app-dist.tmp');
const BARE_DIST = join(ROOT, 'bench', 'bare', 'dist');
const LATEST = join(RESULTS, 'latest.json');
const PARTIAL = join(RESULTS, 'partial.tmp.json');

/** The measurements the command line names, or all of them. */
function chosenMeasurements(names: string[]): readonly Measurement[] {
  if (names.length === 0) return MEASUREMENTS;
  const known = MEASUREMENTS.map((measurement) => measurement.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new Error(`no measurement named ${unknown.join(', ')}; there are: ${known.join(', ')}`);
  return MEASUREMENTS.filter((measurement) => names.includes(measurement.name));
}

/** A measurement's figures, or its keys as null with a note saying why they were not taken. */
async function attempt(
  measurement: Measurement,
  run: () => Promise<MeasurementResult>,
): Promise<MeasurementResult> {
  try {
    return await run();
  } catch (error) {
    const keys = Object.keys(measurement.goals);
    return {
      values: Object.fromEntries(keys.map((key) => [key, null])),
      notes: [`${keys.join(', ')}: not measured: ${(error as Error).message}`],
    };
  }
}

/** The app's start view and map size, for the bare page to draw the same. */
async function appView(page: Page): Promise<AppView> {
  return page.evaluate(() => {
    const map = window.passageAtlas!.map;
    const center = map.getCenter();
    const canvas = map.getCanvas();
    return {
      center: [center.lng, center.lat] as [number, number],
      zoom: map.getZoom(),
      width: canvas.clientWidth,
      height: canvas.clientHeight,
    };
  });
}

function bareUrlFor(origin: string, view: AppView): string {
  const query = new URLSearchParams({
    center: view.center.map((value) => value.toFixed(6)).join(','),
    zoom: view.zoom.toFixed(6),
    width: String(view.width),
    height: String(view.height),
  });
  return `${origin}/?${query}`;
}

/** Serves both builds, starts Chromium, warms up, and runs the browser measurements. */
async function runInBrowser(
  measurements: readonly Measurement[],
  results: Map<Measurement, MeasurementResult>,
): Promise<string> {
  log('building the app and the bare page');
  // The e2e build: the production build plus the hook bench/probe.ts learns of the map through.
  await npx(['vite', 'build', '--mode', 'e2e', '--outDir', APP_DIST, '--emptyOutDir']);
  await npx(['vite', 'build', '--config', 'bench/vite.bare.config.ts']);
  log('starting vite preview (app, bare page) and Chromium');
  const appOrigin = await preview(['--outDir', APP_DIST]);
  const bareOrigin = await preview(['--config', 'bench/vite.bare.config.ts']);
  const launchOptions = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launchOptions,
    executablePath: launchOptions.executablePath ?? '/usr/bin/chromium',
    headless: true,
  });
  try {
    // Warm-up (not counted): the OS file cache, the servers, the browser; and the app's view.
    log('warm-up');
    const warm = await openCold(browser, `${appOrigin}/`);
    const view = await appView(warm.page);
    await warm.context.close();
    const bareUrl = bareUrlFor(bareOrigin, view);
    await (await openCold(browser, bareUrl)).context.close();
    const bench: BrowserContextOfBench = {
      browser,
      appOrigin,
      appDist: APP_DIST,
      bareOrigin,
      bareDist: BARE_DIST,
      bareUrl,
      view,
    };
    for (const measurement of measurements) {
      if (measurement.kind !== 'browser') continue;
      results.set(measurement, await attempt(measurement, () => measurement.run(bench)));
    }
    return browser.version();
  } finally {
    await browser.close();
  }
}

async function main(names: string[]): Promise<void> {
  const measurements = chosenMeasurements(names);
  const loadAtStart = await waitForQuiet();
  const notes: string[] = [];
  if (loadAtStart[0]! > os.cpus().length / 2)
    notes.push(
      `the machine was busy when the bench started (load average ${loadAtStart.join(', ')} on ${os.cpus().length} CPUs): times may be high`,
    );
  mkdirSync(RESULTS, { recursive: true });
  const results = new Map<Measurement, MeasurementResult>();
  for (const measurement of measurements) {
    if (measurement.kind !== 'node') continue;
    log(`${measurement.name} (Node)`);
    results.set(measurement, await attempt(measurement, () => measurement.run()));
  }
  const chromiumVersion = measurements.some((measurement) => measurement.kind === 'browser')
    ? await runInBrowser(measurements, results)
    : null;

  const ordered = measurements.map((measurement) => ({
    measurement,
    result: results.get(measurement)!,
  }));
  const goals = ordered.flatMap(({ measurement }) => Object.entries(measurement.goals));
  const values = Object.assign({}, ...ordered.map(({ result }) => result.values)) as Record<
    string,
    number | null
  >;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion,
    machine: {
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cpuCount: os.cpus().length,
      memoryGB: round(os.totalmem() / 1024 ** 3, 1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAverage: { start: loadAtStart, end: os.loadavg().map((value) => round(value, 2)) },
    },
    ...values,
    baseline: Object.assign({}, ...ordered.map(({ result }) => result.baseline ?? {})),
    goals: Object.fromEntries(goals.map(([key, goal]) => [key, goal.text])),
    pass: Object.fromEntries(
      goals.map(([key, goal]) => [key, values[key] == null ? null : goal.pass(values[key]!)]),
    ),
    notes: [...notes, ...ordered.flatMap(({ result }) => result.notes ?? [])],
    details: Object.assign({}, ...ordered.map(({ result }) => result.details ?? {})),
  };
  const file = names.length === 0 ? LATEST : PARTIAL;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result, goals, chromiumVersion);
  log(`wrote ${file.slice(ROOT.length + 1)}`);
}

function printTable(
  result: {
    baseline: Record<string, number | null>;
    notes: string[];
    machine: { cpuModel: string; cpuCount: number; memoryGB: number };
  } & Record<string, unknown>,
  goals: [string, { text: string; pass: (value: number) => boolean }][],
  chromiumVersion: string | null,
): void {
  const rows = goals.map(([key, goal]) => {
    const value = result[key] as number | null;
    const verdict = value === null ? 'n/a' : goal.pass(value) ? 'pass' : 'FAIL';
    return [key, value === null ? 'null' : String(value), goal.text, verdict];
  });
  const header = ['key', 'value', 'goal', 'result'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const { machine } = result;
  console.log(
    [
      line(header),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...rows.map(line),
      '',
      `baseline: ${Object.entries(result.baseline)
        .map(([key, value]) => `${key} ${value ?? 'n/a'}`)
        .join(', ')}`,
      `machine: ${machine.cpuModel} × ${machine.cpuCount}, ${machine.memoryGB} GB; Node ${process.version}; Chromium ${chromiumVersion ?? 'not started'}`,
      ...result.notes.map((note) => `note: ${note}`),
    ].join('\n'),
  );
}

process.on('SIGINT', () => {
  stopServers();
  process.exit(130);
});

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  stopServers();
  // The bare build is not linted: take it away (it is also git-ignored).
  rmSync(BARE_DIST, { recursive: true, force: true });
}
