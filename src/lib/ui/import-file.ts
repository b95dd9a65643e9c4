/**
 * Runs one import in a worker and gathers what it sends back.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { ImportWorkerMessage } from '../geo/import-messages.ts';

export interface ImportedData {
  name: string;
  geometryTypes: string[];
  features: Feature<Geometry, GeoJsonProperties>[];
  /**
   * What the map draws of the layer: each feature's geometry only, in the same order (the map
   * numbers them by position; popups read the properties from `features`).
   */
  mapData: FeatureCollection<Geometry, Record<string, never>>;
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
  // Made slice by slice as they come, not all at once at the end (one long task).
  const mapFeatures: Feature<Geometry, Record<string, never>>[] = [];
  return new Promise<ImportedData>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          onProgress(message.stage, message.fraction);
          break;
        case 'features':
          for (const feature of message.features) {
            features.push(feature);
            mapFeatures.push({ type: 'Feature', geometry: feature.geometry, properties: {} });
          }
          break;
        case 'done':
          resolve({
            name: message.name,
            geometryTypes: message.geometryTypes,
            features,
            mapData: { type: 'FeatureCollection', features: mapFeatures },
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
