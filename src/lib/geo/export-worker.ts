/**
 * Exports off the page's thread: a file of 100 000 features takes the export about half a
 * second, which would freeze the page as long. Takes the layers in slices (export-messages.ts),
 * exports them, and sends the file back as a Blob, which the page saves without copying it.
 */
import { exportLayers, GEOJSON_MEDIA_TYPE } from './export.ts';
import { ExportError } from './export-request.ts';
import {
  LayerAssembly,
  type ExportWorkerReply,
  type ExportWorkerRequest,
} from './export-messages.ts';

const post = (reply: ExportWorkerReply) => self.postMessage(reply);
const assembly = new LayerAssembly();

self.onmessage = (event: MessageEvent<ExportWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type !== 'export') {
      assembly.take(message);
      return;
    }
    const result = exportLayers(assembly.layers, message.request);
    post({
      type: 'done',
      fileName: result.fileName,
      featureCount: result.featureCount,
      file: new Blob([result.text], { type: GEOJSON_MEDIA_TYPE }),
    });
  } catch (error) {
    post(
      error instanceof ExportError
        ? {
            type: 'failed',
            name: error.name,
            message: error.message,
            code: error.code,
            valid: error.valid,
          }
        : {
            type: 'failed',
            name: error instanceof Error ? error.name : 'Error',
            message: error instanceof Error ? error.message : String(error),
          },
    );
  }
};
