/**
 * A chunk loaded on first use, then kept. `import()` of a module already loaded still answers in
 * a task of its own, and that task waits behind whatever the page is drawing: two frames of the
 * map, 100-150 ms where WebGL is drawn in software (a trace of a click on the map). The kept
 * promise, once settled, answers within the task that asks, before the next frame.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    // A load that failed (the server gone for a moment) is tried again on the next use.
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
