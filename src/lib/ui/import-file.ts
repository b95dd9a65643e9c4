/**
 * Runs one import in a worker and gathers what it sends back.
 */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import type { ImportWorkerMessage, ImportWorkerRequest } from '../geo/import-worker-protocol.ts';

export interface ImportedData {
  name: string;
  geometryTypes: string[];
  features: Feature<Geometry, GeoJsonProperties>[];
  bounds: [number, number, number, number];
  propertyNames: string[];
  swapSuggested: boolean;
  /** The layer's geometries and plain properties as GeoJSON, for the map (its worker reads them). */
  mapData: Blob;
  /** The layer as GeoJSON, as the browser keeps it. */
  layerData: Blob;
}

export class ImportFailed extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportFailed';
  }
}

export interface ImportOptions {
  /** The file's name, for messages and the layer's name (a kept layer's is its own). */
  fileName: string;
  checkSwap: boolean;
  swap: boolean;
  onProgress?: (stage: 'reading' | 'checking', fraction: number) => void;
}

/** Reads a file, or a kept layer's data, into a layer; rejects with ImportFailed. */
export function importFile(file: Blob, options: ImportOptions): Promise<ImportedData> {
  const worker = new Worker(new URL('../geo/import-worker.ts', import.meta.url), {
    type: 'module',
  });
  const features: Feature<Geometry, GeoJsonProperties>[] = [];
  return new Promise<ImportedData>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.stage, message.fraction);
          break;
        case 'features':
          for (const feature of message.features) features.push(feature);
          break;
        case 'done':
          resolve({
            name: message.name,
            geometryTypes: message.geometryTypes,
            features,
            bounds: message.bounds,
            propertyNames: message.propertyNames,
            swapSuggested: message.swapSuggested,
            mapData: message.mapData,
            layerData: message.layerData,
          });
          break;
        case 'failed':
          reject(new ImportFailed(message.problems));
          break;
      }
    };
    worker.onerror = (event) =>
      reject(new ImportFailed([`${options.fileName}: the import stopped (${event.message})`]));
    const request: ImportWorkerRequest = {
      file,
      fileName: options.fileName,
      checkSwap: options.checkSwap,
      swap: options.swap,
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
