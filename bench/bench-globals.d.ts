/** What the bench's pages expose on `window` (bench/bare/main.ts and the probe in bench/probe.ts). */
import type { Map } from 'maplibre-gl';
import type { BenchProbe } from './probe.ts';

declare global {
  interface Window {
    /** The bare page's map. */
    bareMap?: Map;
    /** performance.now() at the bare map's first `load`. */
    benchLoad?: number;
    /** performance.now() at the bare map's first `idle`. */
    benchIdle?: number;
    /** Adds a GeoJSON text as a circle layer; resolves with the ms to the next `idle`. */
    bareAddSource?: (geojsonText: string) => Promise<number>;
    /** The bench's probe, installed before any page script (bench/probe.ts). */
    __bench?: BenchProbe;
    /** performance.now() marks of the popup measurement (NaN until seen). */
    __popupTiming?: { downAt: number; clickAt: number; shownAt: number; frameAt: number };
    /** performance.now() marks of the import measurement (NaN until seen). */
    __importTiming?: { changeAt: number; listedAt: number; sourceAt: number; idleAt: number };
    /** performance.now() marks of the open-text measurement (NaN until seen). */
    __openTextTiming?: { submitAt: number; sourceAt: number; idleAt: number; source: string };
    /** performance.now() marks of a timed download (bench/harness/timed-download.ts). */
    __downloadTiming?: { clickAt: number; savedAt: number };
  }
}

export {};
