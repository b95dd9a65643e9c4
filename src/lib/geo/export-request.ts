/**
 * What an export asks for, and what is wrong with a request: the filters, the box checked, the
 * errors with the valid choices listed, the file name. Part of export.ts's API, which re-exports
 * all of it.
 */
import { ALL_LAYERS } from './contract.ts';
import type { Bounds } from './feature-place.ts';
import { foldLetters } from '../text/fold.ts';

/** west, south, east, north in degrees (WGS 84), as `map.getBounds().toArray().flat()` gives. */
export type Bbox = Bounds;

export interface ExportRequest {
  /** A layer's name, or `'all'` (ALL_LAYERS) for every layer given, in the order given. */
  layer: string;
  /**
   * With `'all'`: the layers given are only those the reader has switched on. The file's `layer`
   * member is then `"visible"` (VISIBLE_LAYERS), and its name says "visible-layers".
   */
  visibleOnly?: boolean;
  /** Only the features with these ids (numbers in imported layers match their decimal form). */
  ids?: readonly string[];
  /** Only the features whose geometry intersects this box ("in view"). */
  bbox?: Bbox | readonly number[];
}

export type ExportErrorCode = 'unknown-layer' | 'unknown-id' | 'invalid-bbox' | 'invalid-layers';

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    /** For unknown-layer and unknown-id: the names or ids that would have been valid. */
    readonly valid: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const FILE_PREFIX = 'passage-atlas';
/** How many valid names or ids an error message lists before it says "and N more". */
const LISTED_IN_ERRORS = 50;

/**
 * A file-name part from data: lowercase ASCII letters, digits and single hyphens, at most 80
 * characters; `fallback` when nothing is left.
 */
export function slugify(value: string, fallback = 'export'): string {
  const slug = foldLetters(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

export function listForMessage(values: readonly string[]): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, LISTED_IN_ERRORS).join(', ');
  const more = values.length - LISTED_IN_ERRORS;
  return more > 0 ? `${shown}, … and ${more} more` : shown;
}

/** The box as [w, s, e, n], or an ExportError naming the rule it breaks. */
export function validateBbox(bbox: readonly unknown[]): Bbox {
  if (!Array.isArray(bbox) || bbox.length !== 4) {
    throw new ExportError(
      'invalid-bbox',
      `A bbox is 4 numbers west,south,east,north; got ${Array.isArray(bbox) ? bbox.length : 'no'} value(s).`,
    );
  }
  const names = ['west', 'south', 'east', 'north'];
  bbox.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ExportError(
        'invalid-bbox',
        `The bbox ${names[index]} must be a finite number; got ${JSON.stringify(value) ?? String(value)}.`,
      );
    }
  });
  const [west, south, east, north] = bbox as number[] as Bbox;
  if (west < -180 || east > 180) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox longitudes must lie within -180..180; got west ${west}, east ${east}.`,
    );
  }
  if (south < -90 || north > 90) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox latitudes must lie within -90..90; got south ${south}, north ${north}.`,
    );
  }
  if (!(west < east)) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox west (${west}) must be less than its east (${east}); a box across the antimeridian is not supported.`,
    );
  }
  if (!(south < north)) {
    throw new ExportError(
      'invalid-bbox',
      `The bbox south (${south}) must be less than its north (${north}).`,
    );
  }
  return [west, south, east, north];
}

/**
 * A map view's bounds made valid for `bbox`: latitudes clamped to -90..90 and longitudes to
 * -180..180 (a view wider than the world becomes the whole world). A view across the
 * antimeridian keeps only its part west of it.
 */
export function clampBbox([west, south, east, north]: readonly [
  number,
  number,
  number,
  number,
]): Bbox {
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return [
    clamp(west, -180, 180),
    clamp(south, -90, 90),
    clamp(east, -180, 180),
    clamp(north, -90, 90),
  ];
}

/** passage-atlas-….geojson, named for what the file holds. */
export function exportFileName(request: ExportRequest, ids: readonly string[] | undefined): string {
  const all = request.layer === ALL_LAYERS;
  const what =
    ids !== undefined && ids.length === 1
      ? slugify(ids[0]!, 'feature')
      : all
        ? request.visibleOnly
          ? 'visible-layers'
          : 'all-layers'
        : slugify(request.layer, 'layer');
  const count = ids !== undefined && ids.length !== 1 ? `-${ids.length}-features` : '';
  const inView = request.bbox !== undefined ? '-in-view' : '';
  return `${FILE_PREFIX}-${what}${count}${inView}.geojson`;
}
