/**
 * The bench's probe: a script injected into every page before the page's own scripts
 * (page.addInitScript), the same for the app and the bare page. It times the page with its own
 * clock (performance.now(), 0 = navigation start) and disturbs it as little as it can: no polling.
 *
 * - The app: it learns of the map when the app sets `window.passageAtlas` (a setter defined here),
 *   which the app's e2e build does right after the map's `load` (src/lib/ui/test-hook.ts). If the map's first `idle` fired in that same
 *   frame (MapLibre sets `_idleTriggered` then), idle is taken as that moment; else it listens for
 *   the `idle` event.
 * - The bare page: it sets `window.benchIdle` itself at the first `idle` (also a setter here).
 */

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchProbe {
  /** performance.now() at the map's first `idle`, or null before. */
  idleAt: number | null;
  /** How idleAt was taken: 'idle event' or 'already idle at load'. */
  idleVia: string | null;
  /** Resolves with idleAt. */
  idle: Promise<number>;
  /** When the page handed over its map (app: window.passageAtlas set, right after `load`). */
  loadAt: number | null;
  /** When the map's canvas entered the DOM (the map was constructed). */
  canvasAt: number | null;
  /** Each time the document's fonts finished loading a batch (FontFaceSet `loadingdone`). */
  fontsDoneAt: number[];
  /** Every main-thread long task (> 50 ms) since navigation. */
  longTasks: LongTask[];
}

type MapLike = {
  once: (type: string, listener: () => void) => unknown;
  _idleTriggered?: boolean;
};

/** Runs in the page (serialized): must not refer to anything outside itself. */
export function probe(): void {
  let resolveIdle: (at: number) => void = () => undefined;
  const bench: BenchProbe = {
    idleAt: null,
    idleVia: null,
    idle: new Promise<number>((resolve) => (resolveIdle = resolve)),
    loadAt: null,
    canvasAt: null,
    fontsDoneAt: [],
    longTasks: [],
  };
  window.__bench = bench;
  const markIdle = (at: number, via: string) => {
    if (bench.idleAt !== null) return;
    bench.idleAt = at;
    bench.idleVia = via;
    resolveIdle(at);
  };

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: longTasks stays empty.
  }

  document.fonts?.addEventListener('loadingdone', () => bench.fontsDoneAt.push(performance.now()));

  const canvasWatch = new MutationObserver(() => {
    if (bench.canvasAt === null && document.querySelector('canvas.maplibregl-canvas')) {
      bench.canvasAt = performance.now();
      canvasWatch.disconnect();
    }
  });
  canvasWatch.observe(document, { childList: true, subtree: true });

  let atlas: unknown;
  Object.defineProperty(window, 'passageAtlas', {
    configurable: true,
    enumerable: true,
    get: () => atlas,
    set(value: { map?: MapLike } | undefined) {
      atlas = value;
      const map = value?.map;
      if (!map || bench.loadAt !== null) return;
      bench.loadAt = performance.now();
      if (map._idleTriggered === true) markIdle(bench.loadAt, 'already idle at load');
      else map.once('idle', () => markIdle(performance.now(), 'idle event'));
    },
  });

  let bareIdle: number | undefined;
  Object.defineProperty(window, 'benchIdle', {
    configurable: true,
    enumerable: true,
    get: () => bareIdle,
    set(value: number) {
      bareIdle = value;
      bench.loadAt = window.benchLoad ?? null;
      markIdle(value, 'idle event');
    },
  });
}

/**
 * The probe as init-script source. `__name` is the helper tsx (esbuild, keepNames) wraps named
 * functions in; functions the bench hands to page.evaluate carry it too, so the page gets a no-op.
 */
export const PROBE_SCRIPT = `globalThis.__name ??= (fn) => fn;\n(${probe.toString()})();`;
