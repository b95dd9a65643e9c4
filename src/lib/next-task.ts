/**
 * Lets the page answer the reader between two pieces of work: resolves in a task of its own.
 * (The export's many slices use a message instead, which no timer's clamping delays:
 * geo/export-in-worker.ts.)
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
