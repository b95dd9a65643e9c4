/** Small helpers every measurement of the bench uses: the log, statistics, timeouts. */

const started = performance.now();

/** Progress goes to standard error; standard output is kept for the table. */
export const log = (message: string) =>
  console.error(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  );

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A main-thread task the page's probe saw (bench/probe.ts). */
export interface TaskSpan {
  start: number;
  duration: number;
}

/** The longest task overlapping [from, to]. */
export function longestIn(tasks: readonly TaskSpan[], from: number, to: number): number {
  const overlapping = tasks.filter((task) => task.start + task.duration > from && task.start < to);
  return overlapping.reduce((longest, task) => Math.max(longest, task.duration), 0);
}
