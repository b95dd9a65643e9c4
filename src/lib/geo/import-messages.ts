/** What the page and the import worker say to each other. */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';

export interface ImportWorkerRequest {
  file: File;
}

export type ImportWorkerMessage =
  | { type: 'progress'; stage: 'reading' | 'checking'; fraction: number }
  | { type: 'features'; features: Feature<Geometry, GeoJsonProperties>[] }
  | {
      type: 'done';
      name: string;
      geometryTypes: string[];
      featureCount: number;
      bounds: [number, number, number, number];
      /** The layer's geometries as GeoJSON, for the map's worker to read. */
      mapData: Blob;
    }
  | { type: 'failed'; problems: string[] };
