/**
 * One page load in a fresh browser context (a cold cache), timed by the page's own clock
 * (bench/probe.ts) from navigation to the map's first `idle`, with the CPU the browser used
 * meanwhile, and its timeline for the JSON.
 */
import os from 'node:os';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import playwrightConfig from '../../playwright.config.ts';
import { browserCpuMs } from '../process-cpu.ts';
import { PROBE_SCRIPT, type LongTask } from '../probe.ts';
import { median, round, withTimeout } from './util.ts';

const PAGE_TIMEOUT_MS = 60_000;

export const VIEWPORT = playwrightConfig.use?.viewport ?? { width: 1280, height: 800 };

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

export interface PageLoad {
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
export async function openCold(browser: Browser, url: string): Promise<PageLoad> {
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
export function cpuUse(
  appRuns: PageLoad[],
  bareRuns: PageLoad[],
  appIdleMs: number,
  bareIdleMs: number,
) {
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
export function timeline(load: PageLoad) {
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
