/**
 * The map's defaults, as documented constants: where it starts, how far it fits a feature, how
 * far out and where a reader can go. Read by the map wrapper (atlas-map.ts).
 */
import type { Bounds } from '../geo/feature-place.ts';

/**
 * Room kept around the start view's features: more on the right, where the map's own controls
 * sit.
 */
export const START_VIEW_PADDING_PX = { top: 40, bottom: 40, left: 40, right: 90 };
/** Room kept around a feature or layer the map moves to. */
export const FIT_PADDING_PX = 48;
/**
 * The least height (px) a fit keeps for the features where a panel covers the map's top: with
 * less, the fit uses the whole map instead (MapLibre refuses padding taller than the map).
 */
export const FIT_MIN_VISIBLE_PX = 120;
/** The map never zooms in closer than this to fit a feature or layer: the region stays readable. */
export const FIT_MAX_ZOOM = 10;
/** A single point is shown at least this close. */
export const POINT_MIN_ZOOM = 8;
export const FIT_LIMITS = {
  fitPadding: FIT_PADDING_PX,
  maxZoom: FIT_MAX_ZOOM,
  pointZoom: POINT_MIN_ZOOM,
};
/**
 * How far out and where a reader can go: the whole world, but not the poles, which the world's
 * map leaves out (Antarctica) or stretches past reading. Within these bounds the map is filled
 * at every zoom: MapLibre zooms in so that the view never shows more than them.
 */
export const MAP_MIN_ZOOM = 1;
// Just inside ±180°: MapLibre 6 fails to create a map whose bounds reach the antimeridian.
export const MAP_MAX_BOUNDS: Bounds = [-179.9, -60, 179.9, 84];
/** The scale bar's widest (MapLibre's ScaleControl). */
export const SCALE_MAX_WIDTH_PX = 100;
