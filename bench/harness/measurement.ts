/**
 * What a measurement of the bench is: its keys with their goals, whether it needs the browser,
 * and a run that returns the figures. bench/run.ts runs the measurements that
 * bench/measurements.ts lists, in that order; each lives in a module of its own under
 * bench/measures/.
 */
import type { Browser } from 'playwright-core';

export interface Goal {
  /** As the table and the README print it: "≤ 50". */
  text: string;
  pass: (value: number) => boolean;
}

export const atMost = (limit: number): Goal => ({ text: `≤ ${limit}`, pass: (v) => v <= limit });
export const atLeast = (limit: number): Goal => ({ text: `≥ ${limit}`, pass: (v) => v >= limit });
export const between = (low: number, high: number, text: string): Goal => ({
  text,
  pass: (v) => v >= low && v <= high,
});

/** The app's start view and map size, which the bare page draws too. */
export interface AppView {
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
}

/** What the browser measurements share: the served builds, the browser, the bare page's URL. */
export interface BrowserContextOfBench {
  browser: Browser;
  appOrigin: string;
  appDist: string;
  bareOrigin: string;
  bareDist: string;
  /** The bare page drawing the app's start view at the app's map size. */
  bareUrl: string;
  view: AppView;
}

export interface MeasurementResult {
  /** A figure per key of the measurement's goals; null where it could not be taken. */
  values: Record<string, number | null>;
  /** The baseline figures the ratios were taken against, in the same run. */
  baseline?: Record<string, number | null>;
  details?: Record<string, unknown>;
  notes?: string[];
}

interface MeasurementBase {
  /** Names it on the command line: `npm run bench -- popup` runs it alone. */
  name: string;
  goals: Record<string, Goal>;
}

export interface NodeMeasurement extends MeasurementBase {
  kind: 'node';
  run: () => Promise<MeasurementResult>;
}

export interface BrowserMeasurement extends MeasurementBase {
  kind: 'browser';
  run: (bench: BrowserContextOfBench) => Promise<MeasurementResult>;
}

export type Measurement = NodeMeasurement | BrowserMeasurement;
