/**
 * The page's export: the layers go to a worker (export-worker.ts) in slices, a few at a time with
 * the page's thread let go between them, so that no task of the page's is long (the bench's
 * `exportLongestTaskMs` measures the longest); the file comes back as a Blob.
 */
import type { ExportableLayer } from './export.ts';
import { ExportError, type ExportRequest } from './export-request.ts';
import { layerMessages, type ExportWorkerReply } from './export-messages.ts';

export interface ExportedFile {
  fileName: string;
  featureCount: number;
  /** The file's bytes, with the GeoJSON media type. */
  file: Blob;
}

/** How long the page stringifies and posts slices before it lets other tasks run. */
const WORK_PER_TASK_MS = 8;

/** The next task of the page's: a message to itself, which no timer's clamping delays. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Rejects with ExportError for a request the export refuses, as exportLayers throws it. */
export async function exportInWorker(
  layers: readonly ExportableLayer[],
  request: ExportRequest,
): Promise<ExportedFile> {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  const reply = new Promise<ExportedFile>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
      const message = event.data;
      if (message.type === 'done') {
        resolve({
          fileName: message.fileName,
          featureCount: message.featureCount,
          file: message.file,
        });
      } else if (message.name === 'ExportError' && message.code) {
        reject(new ExportError(message.code, message.message, message.valid));
      } else {
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => reject(new Error(`The export stopped: ${event.message}`));
  });
  // Awaited below, once every slice is posted; a failure before then is not a stray rejection.
  reply.catch(() => undefined);
  try {
    let taskStart = performance.now();
    for (const message of layerMessages(layers)) {
      worker.postMessage(message);
      if (performance.now() - taskStart > WORK_PER_TASK_MS) {
        await nextTask();
        taskStart = performance.now();
      }
    }
    worker.postMessage({ type: 'export', request });
    return await reply;
  } finally {
    worker.terminate();
  }
}
