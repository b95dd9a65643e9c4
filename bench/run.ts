/**
 * `npm run bench`: the app's performance figures, printed as a table and written to
 * bench/results/latest.json. Not part of `npm test`. About 3 minutes on 2 cores.
 *
 * 1. Builds the app (into bench/results/app-dist.tmp, so as not to disturb a `dist/` that the
 *    browser tests may be serving) and the bare MapLibre page (bench/bare → bench/bare/dist).
 * 2. Node figures: mention finding (bench/mentions.bench.ts, in a process of its own) and
 *    exportLayers of 100 000 points.
 * 3. Serves both builds with `vite preview` on 127.0.0.1 and drives /usr/bin/chromium through
 *    playwright-core with the browser tests' launch arguments. Every page load is a fresh browser
 *    context (a cold cache); every time is taken by the page's own clock (bench/probe.ts).
 *
 * The keys, goals and method are in the table below (GOALS) and in the README's Performance
 * section.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from 'playwright-core';
import playwrightConfig from '../playwright.config.ts';
import { exportLayers, type ImportedLayer } from '../src/lib/geo/export.ts';
import type { MentionsBenchResult } from './mentions.bench.ts';
import { generatePoints, pointsFileText, POINT_LAYER } from './points.ts';
import { browserCpuMs } from './process-cpu.ts';
import { PROBE_SCRIPT, type LongTask } from './probe.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');
const APP_DIST = join(RESULTS, 'app-dist.tmp');
const BARE_DIST = join(ROOT, 'bench', 'bare', 'dist');
const POINTS_FILE = join(RESULTS, 'points-100k.geojson.tmp');
/** The same file under a .geojson name (a hard link), as a reader would pick it. */
const UPLOAD_FILE = join(RESULTS, 'upload.tmp', `${POINT_LAYER}.geojson`);
const LATEST = join(RESULTS, 'latest.json');

const IDLE_RUNS = 9;
const POPUP_RUNS = 9;
const IMPORT_RUNS = 3;
const EXPORT_RUNS = 5;
/** Separate processes the mention bench runs in; the figures are the median one's. */
const MENTIONS_PROCESSES = 3;
const PAGE_TIMEOUT_MS = 60_000;
const QUIET_WAIT_MS = 30_000;
/** A page load that keeps this share of the cores busy until idle is bound by CPU. */
const CPU_BOUND_SHARE = 0.75;
const IMPORT_TIMEOUT_MS = 120_000;
/** The Lachin road seen close up, for the popup figure. */
const POPUP_VIEW = { center: [46.6, 39.64] as [number, number], zoom: 10 };
const POPUP_FEATURE = 'lachin-road';

type Key =
  | 'idleRatio'
  | 'popupMs'
  | 'firstLoadKB'
  | 'mentionsMBps'
  | 'mentionsLinearity'
  | 'import100kRatio'
  | 'longestTaskMs'
  | 'export100kMs';

interface Goal {
  text: string;
  pass: (value: number) => boolean;
}

const GOALS: Record<Key, Goal> = {
  idleRatio: { text: '≤ 0.90', pass: (v) => v <= 0.9 },
  popupMs: { text: '≤ 50', pass: (v) => v <= 50 },
  firstLoadKB: { text: '≤ 520', pass: (v) => v <= 520 },
  mentionsMBps: { text: '≥ 50', pass: (v) => v >= 50 },
  mentionsLinearity: { text: '≈ 1 (0.9–1.1)', pass: (v) => v >= 0.9 && v <= 1.1 },
  import100kRatio: { text: '≤ 1.2', pass: (v) => v <= 1.2 },
  longestTaskMs: { text: '≤ 200', pass: (v) => v <= 200 },
  export100kMs: { text: '≤ 300', pass: (v) => v <= 300 },
};

const KEY_ORDER = Object.keys(GOALS) as Key[];

// ---------------------------------------------------------------------------------------------
// Small helpers

const started = performance.now();
const log = (message: string) =>
  console.error(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  );

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The mention figures from bench/mentions.bench.ts run in a process of its own: in this one, the
 * heap already holds the 100 000 generated points and the browser driver, and its collections
 * then slow the largest size most (linearity 1.2 here, 1.0 apart).
 */
function measureMentionsApart(): Promise<MentionsBenchResult> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'bench/mentions.bench.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(JSON.parse(output) as MentionsBenchResult)
        : fail(new Error(`bench/mentions.bench.ts failed (${code}):\n${errors}`)),
    );
  });
}

/** Runs `npx …` in the repository; its output is shown only when it fails. */
function npx(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`npx ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const servers: ChildProcess[] = [];

/** Starts `vite preview` (in its own process group, so that stopping it stops npx's child too). */
async function preview(args: string[]): Promise<string> {
  const port = await freePort();
  const child = spawn('npx', ['vite', 'preview', ...args, '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`vite preview ${args.join(' ')} exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`vite preview ${args.join(' ')} did not answer on ${url}:\n${output}`);
}

function stopServers(): void {
  for (const child of servers) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

/**
 * Waits (at most QUIET_WAIT_MS) for the 1-minute load average to drop below half the CPUs: other
 * work on the machine (a test run) slows the pages unevenly. Returns the load average then.
 */
async function waitForQuiet(): Promise<number[]> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (os.loadavg()[0]! > os.cpus().length / 2 && Date.now() < deadline) {
    log(`waiting for a quieter machine (load average ${os.loadavg()[0]!.toFixed(2)})`);
    await sleep(5_000);
  }
  return os.loadavg().map((value) => round(value, 2));
}

// ---------------------------------------------------------------------------------------------
// Browser measurements

const launchOptions = playwrightConfig.use?.launchOptions ?? {};
const VIEWPORT = playwrightConfig.use?.viewport ?? { width: 1280, height: 800 };

interface RequestRecord {
  url: string;
  resourceType: string;
}

interface ResourceEntry {
  name: string;
  type: string;
  start: number;
  end: number;
}

interface PageLoad {
  context: BrowserContext;
  page: Page;
  idleMs: number;
  idleVia: string;
  /** CPU the browser used from navigation to idle (all its processes), or null without /proc. */
  cpuMs: number | null;
  loadMs: number | null;
  canvasMs: number | null;
  fontsDoneMs: number[];
  domContentLoadedMs: number | null;
  firstContentfulPaintMs: number | null;
  /** Long tasks (> 50 ms) that started before idle. */
  longTasks: LongTask[];
  resources: ResourceEntry[];
  requests: RequestRecord[];
  errors: string[];
}

/** Opens a URL in a fresh context (cold cache) and waits for the map's first `idle`. */
async function openCold(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const requests: RequestRecord[] = [];
  context.on('requestfinished', (request: Request) =>
    requests.push({ url: request.url(), resourceType: request.resourceType() }),
  );
  const cpuBefore = browserCpuMs();
  let cpuAtIdle: number | null;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench!.idle),
      PAGE_TIMEOUT_MS,
      `the map's first idle on ${url} (errors: ${errors.join('; ') || 'none'})`,
    );
    cpuAtIdle = browserCpuMs();
  } catch (error) {
    await context.close();
    throw error;
  }
  const requestsToIdle = [...requests];
  const found = await page.evaluate(() => {
    const bench = window.__bench!;
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      idleAt: bench.idleAt!,
      idleVia: bench.idleVia ?? '',
      loadAt: bench.loadAt,
      canvasAt: bench.canvasAt,
      fontsDoneAt: bench.fontsDoneAt,
      longTasks: bench.longTasks,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      resources: performance.getEntriesByType('resource').map((entry) => {
        const timing = entry as PerformanceResourceTiming;
        return {
          name: timing.name,
          type: timing.initiatorType,
          start: timing.startTime,
          end: timing.responseEnd,
        };
      }),
    };
  });
  return {
    context,
    page,
    idleMs: found.idleAt,
    idleVia: found.idleVia,
    cpuMs: cpuBefore !== null && cpuAtIdle !== null ? cpuAtIdle - cpuBefore : null,
    loadMs: found.loadAt,
    canvasMs: found.canvasAt,
    fontsDoneMs: found.fontsDoneAt,
    domContentLoadedMs: found.domContentLoaded,
    firstContentfulPaintMs: found.fcp,
    longTasks: found.longTasks.filter((task) => task.start < found.idleAt),
    resources: found.resources,
    requests: requestsToIdle,
    errors,
  };
}

/**
 * The CPU the browser used per page load (medians), and how many of the machine's cores that kept
 * busy on average until idle. Near all of them, the load is bound by CPU: then the app can be no
 * faster than the bare page by more than it does less work.
 */
function cpuUse(appRuns: PageLoad[], bareRuns: PageLoad[], appIdleMs: number, bareIdleMs: number) {
  const appCpu = appRuns.map((run) => run.cpuMs);
  const bareCpu = bareRuns.map((run) => run.cpuMs);
  if ([...appCpu, ...bareCpu].some((value) => value === null)) return null;
  const appMs = median(appCpu as number[]);
  const bareMs = median(bareCpu as number[]);
  return {
    appMs: round(appMs),
    bareMs: round(bareMs),
    appOverBare: round(appMs / bareMs, 3),
    cores: os.cpus().length,
    appCoresBusy: round(appMs / appIdleMs, 2),
    bareCoresBusy: round(bareMs / bareIdleMs, 2),
  };
}

/** One page load's timeline, rounded, for the JSON. */
function timeline(load: PageLoad) {
  const path = (url: string) => {
    try {
      return new URL(url).pathname;
    } catch {
      return url.slice(0, 40);
    }
  };
  return {
    idleMs: round(load.idleMs),
    idleVia: load.idleVia,
    domContentLoadedMs: load.domContentLoadedMs === null ? null : round(load.domContentLoadedMs),
    firstContentfulPaintMs:
      load.firstContentfulPaintMs === null ? null : round(load.firstContentfulPaintMs),
    fontsDoneMs: load.fontsDoneMs.map((at) => round(at)),
    mapCanvasMs: load.canvasMs === null ? null : round(load.canvasMs),
    mapLoadMs: load.loadMs === null ? null : round(load.loadMs),
    longTasks: load.longTasks.map((task) => ({
      start: round(task.start),
      ms: round(task.duration),
    })),
    resources: load.resources.map((entry) => ({
      path: path(entry.name),
      type: entry.type,
      start: round(entry.start),
      end: round(entry.end),
    })),
  };
}

/** The file of the build a same-origin URL was served from, or null. */
function builtFile(dist: string, origin: string, url: string): string | null {
  if (!url.startsWith(`${origin}/`)) return null;
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(dist, `.${path}`);
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

/** Already-compressed formats a server sends as they are. */
const PRECOMPRESSED = /\.(woff2?|png|jpe?g|webp|avif|gz|br)$/i;

interface FirstLoad {
  kB: number;
  files: { path: string; rawBytes: number; gzipBytes: number }[];
  /** Requests the page made that are not files of the build (other origins, data:, blob:). */
  other: string[];
}

/** Gzip bytes of every built file the load requested (1 kB = 1000 bytes). */
function firstLoad(load: PageLoad, dist: string, origin: string): FirstLoad {
  const files: FirstLoad['files'] = [];
  const other: string[] = [];
  const seen = new Set<string>();
  for (const request of load.requests) {
    const file = builtFile(dist, origin, request.url);
    if (!file) {
      if (!request.url.startsWith('data:')) other.push(request.url.slice(0, 120));
      continue;
    }
    if (seen.has(file)) continue;
    seen.add(file);
    const body = readFileSync(file);
    const gzipBytes = PRECOMPRESSED.test(file) ? body.length : gzipSync(body).length;
    files.push({ path: file.slice(dist.length + 1), rawBytes: body.length, gzipBytes });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (pick: (file: FirstLoad['files'][number]) => number) =>
    files.reduce((total, file) => total + pick(file), 0);
  return { kB: round(sum((file) => file.gzipBytes) / 1000), files, other };
}

interface AppView {
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
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

function bareUrl(origin: string, view: AppView): string {
  const query = new URLSearchParams({
    center: view.center.map((value) => value.toFixed(6)).join(','),
    zoom: view.zoom.toFixed(6),
    width: String(view.width),
    height: String(view.height),
  });
  return `${origin}/?${query}`;
}

interface PopupResult {
  popupMs: number;
  runs: {
    clickToPopupMs: number;
    mousedownToPopupMs: number;
    clickToNextFrameMs: number;
    picked: string | null;
  }[];
  point: { x: number; y: number };
}

/** Real clicks on the Lachin road: from the `click` event to the popup in the DOM. */
async function measurePopup(browser: Browser, appUrl: string): Promise<PopupResult> {
  const load = await openCold(browser, appUrl);
  const { page } = load;
  try {
    await page.evaluate(
      (view) =>
        new Promise<void>((done) => {
          const map = window.passageAtlas!.map;
          map.jumpTo(view);
          map.once('idle', () => done());
          map.triggerRepaint();
        }),
      POPUP_VIEW,
    );
    const point = await page.evaluate((featureId) => {
      const { map, atlas } = window.passageAtlas!;
      const entry = atlas.features.get(featureId);
      if (!entry) throw new Error(`the app has no feature ${featureId}`);
      const geometry = entry.feature.geometry;
      if (geometry.type !== 'LineString' || geometry.coordinates.length < 4)
        throw new Error(`${featureId} is not a line of 4 or more points`);
      // The middle of its third segment: on the drawn line, not on a vertex.
      const [a, b] = [geometry.coordinates[2]!, geometry.coordinates[3]!];
      const projected = map.project([(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + projected.x, y: rect.top + projected.y };
    }, POPUP_FEATURE);
    await page.evaluate(() => {
      const timing = { downAt: NaN, clickAt: NaN, shownAt: NaN, frameAt: NaN };
      window.__popupTiming = timing;
      const options = { capture: true };
      window.addEventListener('mousedown', () => (timing.downAt = performance.now()), options);
      window.addEventListener('click', () => (timing.clickAt = performance.now()), options);
      new MutationObserver(() => {
        if (
          Number.isNaN(timing.shownAt) &&
          !Number.isNaN(timing.clickAt) &&
          document.querySelector('.maplibregl-popup')
        ) {
          timing.shownAt = performance.now();
          requestAnimationFrame(() => (timing.frameAt = performance.now()));
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const runs: PopupResult['runs'] = [];
    for (let run = 0; run < POPUP_RUNS; run++) {
      await page.evaluate(() => {
        const timing = window.__popupTiming!;
        timing.downAt = timing.clickAt = timing.shownAt = timing.frameAt = NaN;
      });
      await page.mouse.move(point.x, point.y);
      await sleep(150);
      await page.mouse.down();
      await page.mouse.up();
      const deadline = Date.now() + 10_000;
      let timing = await page.evaluate(() => ({ ...window.__popupTiming! }));
      while (Number.isNaN(timing.frameAt) && Date.now() < deadline) {
        await sleep(25);
        timing = await page.evaluate(() => ({ ...window.__popupTiming! }));
      }
      if (Number.isNaN(timing.frameAt))
        throw new Error('no popup opened after a click on the route');
      const picked = await page.evaluate(
        () => window.passageAtlas!.atlas.selection?.featureId ?? null,
      );
      runs.push({
        clickToPopupMs: round(timing.shownAt - timing.clickAt, 2),
        mousedownToPopupMs: round(timing.shownAt - timing.downAt, 2),
        clickToNextFrameMs: round(timing.frameAt - timing.clickAt, 2),
        picked,
      });
      await page.keyboard.press('Escape');
      await page.waitForSelector('.maplibregl-popup', { state: 'detached', timeout: 5_000 });
      // Far enough apart that two clicks are never a double click (a zoom).
      await sleep(600);
    }
    return { popupMs: round(median(runs.map((run) => run.clickToPopupMs)), 1), runs, point };
  } finally {
    await load.context.close();
  }
}

interface ImportRun {
  ms: number;
  longestTaskMs: number;
  stages?: Record<string, number>;
}

/** The app's import of the 100k file: from the input's `change` to the map's `idle` after it. */
async function importInApp(browser: Browser, appUrl: string): Promise<ImportRun> {
  const load = await openCold(browser, appUrl);
  const { page } = load;
  try {
    if ((await page.locator('#import-file').count()) === 0) {
      throw new MissingImport('the app has no <input id="import-file"> yet');
    }
    await page.evaluate(() => {
      const map = window.passageAtlas!.map;
      const initial = new Set(Object.keys(map.getStyle().sources));
      const timing = { changeAt: NaN, listedAt: NaN, sourceAt: NaN, idleAt: NaN };
      window.__importTiming = timing;
      let waiting = false;
      const finish = () => {
        if (waiting || Number.isNaN(timing.listedAt) || Number.isNaN(timing.sourceAt)) return;
        waiting = true;
        map.once('idle', () => (timing.idleAt = performance.now()));
        map.triggerRepaint();
      };
      window.addEventListener(
        'change',
        (event) => {
          if (
            (event.target as Element | null)?.id === 'import-file' &&
            Number.isNaN(timing.changeAt)
          )
            timing.changeAt = performance.now();
        },
        { capture: true },
      );
      map.on('sourcedata', (event) => {
        if (Number.isNaN(timing.sourceAt) && !initial.has(event.sourceId)) {
          timing.sourceAt = performance.now();
          finish();
        }
      });
      const listed = new MutationObserver(() => {
        if (document.querySelector('[data-imported-layer]')) {
          timing.listedAt = performance.now();
          listed.disconnect();
          finish();
        }
      });
      listed.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-imported-layer'],
      });
    });
    await page.setInputFiles('#import-file', UPLOAD_FILE);
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    let timing = await page.evaluate(() => ({ ...window.__importTiming! }));
    while (Number.isNaN(timing.idleAt) && Date.now() < deadline) {
      await sleep(100);
      timing = await page.evaluate(() => ({ ...window.__importTiming! }));
    }
    if (Number.isNaN(timing.idleAt)) {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[role="alert"], [role="status"]')]
          .map((element) => element.textContent?.trim())
          .filter(Boolean)
          .join(' | '),
      );
      throw new Error(
        `the import did not finish in ${IMPORT_TIMEOUT_MS / 1000} s (change ${timing.changeAt}, listed ${timing.listedAt}, source ${timing.sourceAt}; page says: ${shown || 'nothing'}; errors: ${load.errors.join('; ') || 'none'})`,
      );
    }
    const longTasks = await page.evaluate(() => window.__bench!.longTasks);
    return {
      ms: timing.idleAt - timing.changeAt,
      longestTaskMs: longestIn(longTasks, timing.changeAt, timing.idleAt),
      stages: {
        listedMs: round(timing.listedAt - timing.changeAt),
        sourceAddedMs: round(timing.sourceAt - timing.changeAt),
        idleMs: round(timing.idleAt - timing.changeAt),
      },
    };
  } finally {
    await load.context.close();
  }
}

/** The bare page's baseline: JSON.parse + map.addSource + a circle layer, to the next `idle`. */
async function importInBare(browser: Browser, url: string, text: string): Promise<ImportRun> {
  const load = await openCold(browser, url);
  try {
    const result = await load.page.evaluate(async (geojson) => {
      const start = performance.now();
      const ms = await window.bareAddSource!(geojson);
      return { ms, start, end: performance.now(), longTasks: window.__bench!.longTasks };
    }, text);
    return { ms: result.ms, longestTaskMs: longestIn(result.longTasks, result.start, result.end) };
  } finally {
    await load.context.close();
  }
}

/** The longest task overlapping [from, to]. */
function longestIn(tasks: LongTask[], from: number, to: number): number {
  const overlapping = tasks.filter((task) => task.start + task.duration > from && task.start < to);
  return overlapping.reduce((longest, task) => Math.max(longest, task.duration), 0);
}

class MissingImport extends Error {}

// ---------------------------------------------------------------------------------------------
// Node measurements

function measureExport(layer: ImportedLayer) {
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
    medianMs: round(median(times)),
    runsMs: times.map((time) => round(time)),
    featureCount,
    megabytes: round(bytes / 1e6, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const notes: string[] = [];
  const values: Record<Key, number | null> = {
    idleRatio: null,
    popupMs: null,
    firstLoadKB: null,
    mentionsMBps: null,
    mentionsLinearity: null,
    import100kRatio: null,
    longestTaskMs: null,
    export100kMs: null,
  };
  const details: Record<string, unknown> = {};
  const baseline: Record<string, number | null> = {
    bareIdleMs: null,
    appIdleMs: null,
    bareAddSourceMs: null,
    appImport100kMs: null,
  };

  const loadAtStart = await waitForQuiet();
  if (loadAtStart[0]! > os.cpus().length / 2)
    notes.push(
      `the machine was busy when the bench started (load average ${loadAtStart.join(', ')} on ${os.cpus().length} CPUs): times may be high`,
    );

  log('building the app and the bare page');
  mkdirSync(RESULTS, { recursive: true });
  await npx(['vite', 'build', '--outDir', APP_DIST, '--emptyOutDir']);
  await npx(['vite', 'build', '--config', 'bench/vite.bare.config.ts']);

  log(`mention finding (bench/mentions.bench.ts, ${MENTIONS_PROCESSES} processes)`);
  const mentionRuns: MentionsBenchResult[] = [];
  for (let run = 0; run < MENTIONS_PROCESSES; run++) mentionRuns.push(await measureMentionsApart());
  // The process of median linearity: one whose machine slowed down between its ×100 and its
  // ×1000 samples (other work on a shared machine) does not decide the figure.
  const mentions = [...mentionRuns].sort((a, b) => a.mentionsLinearity - b.mentionsLinearity)[
    MENTIONS_PROCESSES >> 1
  ]!;
  values.mentionsMBps = mentions.mentionsMBps;
  values.mentionsLinearity = mentions.mentionsLinearity;
  details.mentions = {
    ...mentions,
    linearityOfEachProcess: mentionRuns.map((run) => run.mentionsLinearity),
    mbPerSecondOfEachProcess: mentionRuns.map((run) => run.mentionsMBps),
  };

  log('generating 100 000 points');
  const features = generatePoints();
  writeFileSync(POINTS_FILE, pointsFileText(features));
  mkdirSync(dirname(UPLOAD_FILE), { recursive: true });
  rmSync(UPLOAD_FILE, { force: true });
  linkSync(POINTS_FILE, UPLOAD_FILE);
  details.points = {
    count: features.length,
    megabytes: round(statSync(POINTS_FILE).size / 1e6, 2),
  };

  log('exportLayers of 100 000 points');
  const exported = measureExport({ type: 'FeatureCollection', layer: POINT_LAYER, features });
  values.export100kMs = exported.medianMs;
  details.export100k = exported;

  log('starting vite preview (app, bare page) and Chromium');
  const appOrigin = await preview(['--outDir', APP_DIST]);
  const bareOrigin = await preview(['--config', 'bench/vite.bare.config.ts']);
  const browser = await chromium.launch({
    ...launchOptions,
    executablePath: launchOptions.executablePath ?? '/usr/bin/chromium',
    headless: true,
  });
  const chromiumVersion = browser.version();

  try {
    // Warm-up (not counted): the OS file cache, the servers, the browser; and the app's view.
    log('warm-up');
    const warm = await openCold(browser, `${appOrigin}/`);
    const view = await appView(warm.page);
    const hasImport = (await warm.page.locator('#import-file').count()) > 0;
    await warm.context.close();
    const bare = bareUrl(bareOrigin, view);
    await (await openCold(browser, bare)).context.close();
    details.view = view;

    log(`navigation → idle: ${IDLE_RUNS} runs each, alternating`);
    const appRuns: PageLoad[] = [];
    const bareRuns: PageLoad[] = [];
    for (let run = 0; run < IDLE_RUNS; run++) {
      for (const [url, runs] of [
        [`${appOrigin}/`, appRuns],
        [bare, bareRuns],
      ] as const) {
        const load = await openCold(browser, url);
        await load.context.close();
        runs.push(load);
      }
    }
    const appIdle = median(appRuns.map((run) => run.idleMs));
    const bareIdle = median(bareRuns.map((run) => run.idleMs));
    values.idleRatio = round(appIdle / bareIdle, 3);
    baseline.appIdleMs = round(appIdle);
    baseline.bareIdleMs = round(bareIdle);
    const medianRun = (runs: PageLoad[], at: number) =>
      runs.reduce((best, run) =>
        Math.abs(run.idleMs - at) < Math.abs(best.idleMs - at) ? run : best,
      );
    const appErrors = [...new Set(appRuns.flatMap((run) => run.errors))];
    const bareErrors = [...new Set(bareRuns.flatMap((run) => run.errors))];
    if (appErrors.length > 0) notes.push(`app page errors: ${appErrors.join(' | ')}`);
    if (bareErrors.length > 0) notes.push(`bare page errors: ${bareErrors.join(' | ')}`);
    const cpu = cpuUse(appRuns, bareRuns, appIdle, bareIdle);
    if (cpu) {
      baseline.appLoadCpuMs = cpu.appMs;
      baseline.bareLoadCpuMs = cpu.bareMs;
      if (Math.min(cpu.appCoresBusy, cpu.bareCoresBusy) >= CPU_BOUND_SHARE * cpu.cores)
        notes.push(
          `page loads were bound by CPU (${cpu.appCoresBusy} and ${cpu.bareCoresBusy} of ${cpu.cores} cores busy until idle): idleRatio then compares work more than waiting; the app used ${cpu.appOverBare} × the bare page's CPU`,
        );
    }
    details.idle = {
      appRunsMs: appRuns.map((run) => round(run.idleMs)),
      bareRunsMs: bareRuns.map((run) => round(run.idleMs)),
      // Each app run ÷ the bare run right after it: steadier than the ratio of medians when the
      // machine's load drifts during the bench.
      pairedRatioMedian: round(
        median(appRuns.map((run, index) => run.idleMs / bareRuns[index]!.idleMs)),
        3,
      ),
      cpu,
      appIdleVia: [...new Set(appRuns.map((run) => run.idleVia))],
      appMedianRun: timeline(medianRun(appRuns, appIdle)),
      bareMedianRun: timeline(medianRun(bareRuns, bareIdle)),
    };

    const appFirstLoad = firstLoad(appRuns[0]!, APP_DIST, appOrigin);
    const bareFirstLoad = firstLoad(bareRuns[0]!, BARE_DIST, bareOrigin);
    values.firstLoadKB = appFirstLoad.kB;
    details.firstLoad = { app: appFirstLoad, bare: bareFirstLoad };
    if (appFirstLoad.other.length > 0)
      notes.push(`the app's first load also asked for: ${appFirstLoad.other.join(', ')}`);

    log(`popup: ${POPUP_RUNS} clicks on ${POPUP_FEATURE}`);
    try {
      const popup = await measurePopup(browser, `${appOrigin}/`);
      values.popupMs = popup.popupMs;
      details.popup = popup;
      const missed = popup.runs.filter((run) => run.picked !== POPUP_FEATURE).length;
      if (missed > 0)
        notes.push(`popupMs: ${missed} of ${popup.runs.length} clicks picked another feature`);
    } catch (error) {
      notes.push(`popupMs: not measured: ${(error as Error).message}`);
    }

    if (!hasImport) {
      notes.push(
        'import100kRatio, longestTaskMs: not measured: the app has no <input id="import-file"> yet',
      );
    } else {
      log(`import of 100 000 points: ${IMPORT_RUNS} runs each, alternating`);
      const text = readFileSync(POINTS_FILE, 'utf8');
      const appImports: ImportRun[] = [];
      const bareImports: ImportRun[] = [];
      try {
        for (let run = 0; run < IMPORT_RUNS; run++) {
          appImports.push(await importInApp(browser, `${appOrigin}/`));
          bareImports.push(await importInBare(browser, bare, text));
        }
        const appMs = median(appImports.map((run) => run.ms));
        const bareMs = median(bareImports.map((run) => run.ms));
        values.import100kRatio = round(appMs / bareMs, 3);
        values.longestTaskMs = round(Math.max(...appImports.map((run) => run.longestTaskMs)));
        baseline.appImport100kMs = round(appMs);
        baseline.bareAddSourceMs = round(bareMs);
        details.import100k = {
          app: appImports.map((run) => ({
            ...run,
            ms: round(run.ms),
            longestTaskMs: round(run.longestTaskMs),
          })),
          bare: bareImports.map((run) => ({
            ms: round(run.ms),
            longestTaskMs: round(run.longestTaskMs),
          })),
          longestTaskNote: 'the longest over all app runs',
        };
      } catch (error) {
        notes.push(`import100kRatio, longestTaskMs: not measured: ${(error as Error).message}`);
      }
    }

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
      baseline,
      goals: Object.fromEntries(KEY_ORDER.map((key) => [key, GOALS[key].text])),
      pass: Object.fromEntries(
        KEY_ORDER.map((key) => [key, values[key] === null ? null : GOALS[key].pass(values[key]!)]),
      ),
      notes,
      runs: { idle: IDLE_RUNS, popup: POPUP_RUNS, import: IMPORT_RUNS, export: EXPORT_RUNS },
      details,
    };
    writeFileSync(LATEST, `${JSON.stringify(result, null, 2)}\n`);
    printTable(values, baseline, notes, result.machine, chromiumVersion);
    log(`wrote ${LATEST.slice(ROOT.length + 1)}`);
  } finally {
    await browser.close();
  }
}

function printTable(
  values: Record<Key, number | null>,
  baseline: Record<string, number | null>,
  notes: string[],
  machine: { cpuModel: string; cpuCount: number; memoryGB: number },
  chromiumVersion: string,
): void {
  const rows = KEY_ORDER.map((key) => {
    const value = values[key];
    const verdict = value === null ? 'n/a' : GOALS[key].pass(value) ? 'pass' : 'FAIL';
    return [key, value === null ? 'null' : String(value), GOALS[key].text, verdict];
  });
  const header = ['key', 'value', 'goal', 'result'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const output = [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
    '',
    `baseline: ${Object.entries(baseline)
      .map(([key, value]) => `${key} ${value ?? 'n/a'}`)
      .join(', ')}`,
    `machine: ${machine.cpuModel} × ${machine.cpuCount}, ${machine.memoryGB} GB; Node ${process.version}; Chromium ${chromiumVersion}`,
    ...notes.map((note) => `note: ${note}`),
  ];
  console.log(output.join('\n'));
}

process.on('SIGINT', () => {
  stopServers();
  process.exit(130);
});

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  stopServers();
  // The bare build is not linted: take it away (it is also git-ignored).
  rmSync(BARE_DIST, { recursive: true, force: true });
}
