/**
 * The bench's measurements, in the order they run and the table lists them. A new figure is a
 * module under bench/measures/ and a line here.
 */
import type { Measurement } from './harness/measurement.ts';
import { exportPage } from './measures/export-page.ts';
import { gazetteerLoad } from './measures/gazetteer-load.ts';
import { geoparse } from './measures/geoparse.ts';
import { import100k } from './measures/import-100k.ts';
import { openTextMeasurement } from './measures/open-text.ts';
import { mapImageMeasurement } from './measures/map-image.ts';
import { pageLoad } from './measures/page-load.ts';
import { placeSearchMeasurement } from './measures/place-search.ts';
import { popup } from './measures/popup.ts';

export const MEASUREMENTS: readonly Measurement[] = [
  geoparse,
  placeSearchMeasurement,
  pageLoad,
  popup,
  import100k,
  exportPage,
  gazetteerLoad,
  openTextMeasurement,
  mapImageMeasurement,
];
