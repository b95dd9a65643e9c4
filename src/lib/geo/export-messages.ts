/**
 * What the page and the export worker say to each other. The page sends each layer's name and
 * document, then its features as JSON text in slices, then the request; the worker puts the
 * layers together again, exports them and sends the file back as a Blob.
 *
 * JSON text rather than the objects themselves: the page's layers may be reactive proxies
 * (Svelte state), which a worker cannot be sent, and stringifying a slice costs the page about
 * what cloning it would.
 */
import type { ExportableLayer } from './export.ts';
import type { ExportErrorCode, ExportRequest } from './export-request.ts';

/** Features per message: a slice stringifies in a few milliseconds on an ordinary laptop. */
export const FEATURES_PER_MESSAGE = 1_000;

export type ExportWorkerRequest =
  /** A layer begins: its members but the features, as JSON ({ type, layer, document }). */
  | { type: 'layer'; json: string }
  /** The next features of the layer begun last, as a JSON array. */
  | { type: 'features'; json: string }
  /** Every layer is sent: export them. */
  | { type: 'export'; request: ExportRequest };

export type ExportWorkerReply =
  | { type: 'done'; fileName: string; featureCount: number; file: Blob }
  | {
      type: 'failed';
      /** 'ExportError' for a request the export refuses, else the error's name. */
      name: string;
      message: string;
      code?: ExportErrorCode;
      valid?: readonly string[];
    };

/**
 * The messages that carry these layers, made one at a time as they are asked for (so that the
 * page can post a few and let go of its thread between them).
 */
export function* layerMessages(
  layers: readonly ExportableLayer[],
): Generator<ExportWorkerRequest, void, undefined> {
  for (const layer of layers) {
    const { features, ...members } = layer;
    yield { type: 'layer', json: JSON.stringify(members) };
    for (let start = 0; start < features.length; start += FEATURES_PER_MESSAGE) {
      yield {
        type: 'features',
        json: JSON.stringify(features.slice(start, start + FEATURES_PER_MESSAGE)),
      };
    }
  }
}

/** The worker's side: the layers put together again from the messages, in the order sent. */
export class LayerAssembly {
  readonly layers: ExportableLayer[] = [];

  take(message: Exclude<ExportWorkerRequest, { type: 'export' }>): void {
    if (message.type === 'layer') {
      this.layers.push({ ...JSON.parse(message.json), features: [] });
      return;
    }
    const layer = this.layers.at(-1);
    if (!layer) throw new Error('Features came before any layer.');
    for (const feature of JSON.parse(message.json)) layer.features.push(feature);
  }
}
