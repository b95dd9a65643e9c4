/** What the page and the import worker say to each other. */
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';

export interface ImportWorkerRequest {
  /** A file the reader chose, or a layer's kept data read back (a Blob of GeoJSON). */
  file: Blob;
  fileName: string;
  /** Look for swapped longitude and latitude (not for a layer read back: the reader has seen it). */
  checkSwap: boolean;
  /** Swap longitude and latitude in every position, as the reader asked. */
  swap: boolean;
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
      /** Every property name the features use, in order of first use. */
      propertyNames: string[];
      /** Every point far out at sea, and on land with longitude and latitude swapped. */
      swapSuggested: boolean;
      /** The layer's geometries and plain properties as GeoJSON, for the map's worker to read. */
      mapData: Blob;
      /** The layer as GeoJSON, to keep in the browser and read back after a reload. */
      layerData: Blob;
    }
  | { type: 'failed'; problems: string[] };
