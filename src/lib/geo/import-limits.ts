/**
 * How large a file the import takes, and which files the panel's chooser offers: in a module of
 * its own, which the page's panel imports.
 */

/** The chooser's `accept`: GeoJSON and CSV (and TSV), as import.ts's formatOf tells them. */
export const IMPORT_FILE_TYPES =
  '.geojson,.json,.csv,.tsv,application/geo+json,application/json,text/csv';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
