/**
 * Runs one import in a worker and gathers what it sends back.
 */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import type { ImportWorkerMessage } from '../geo/import-messages.ts';

export interface ImportedData {
  name: string;
  geometryTypes: string[];
  features: Feature<Geometry, GeoJsonProperties>[];
  /** The layer's geometries as GeoJSON, in order, for the map (its worker reads them). */
  mapData: Blob;
  bounds: [number, number, number, number];
}

export class ImportFailed extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportFailed';
  }
}

export function importFile(
  file: File,
  onProgress: (stage: string, fraction: number) => void,
): Promise<ImportedData> {
  const worker = new Worker(new URL('../geo/import-worker.ts', import.meta.url), {
    type: 'module',
  });
  const features: Feature<Geometry, GeoJsonProperties>[] = [];
  return new Promise<ImportedData>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          onProgress(message.stage, message.fraction);
          break;
        case 'features':
          for (const feature of message.features) features.push(feature);
          break;
        case 'done':
          resolve({
            name: message.name,
            geometryTypes: message.geometryTypes,
            features,
            mapData: message.mapData,
            bounds: message.bounds,
          });
          break;
        case 'failed':
          reject(new ImportFailed(message.problems));
          break;
      }
    };
    worker.onerror = (event) =>
      reject(new ImportFailed([`${file.name}: the import stopped (${event.message})`]));
    worker.postMessage({ file });
  }).finally(() => worker.terminate());
}
