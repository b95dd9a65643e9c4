/**
 * A feature's popup on the map, placed so that it never lies over the feature it describes and
 * always lies inside the map: beside the feature (popup-placement.ts chooses the side), the map
 * moved only as far as that needs. On a narrow screen the page shows the popup as a sheet along
 * the bottom instead, and the map keeps the feature above it (showAboveSheet).
 * Takes MapLibre's map from the wrapper (atlas-map.ts), which keeps it private.
 */
import { LngLatBounds, Popup, type Map as MapLibreMap, type Offset } from 'maplibre-gl';
import type { Geometry, Position } from 'geojson';
import { featureBounds, type Bounds } from '../geo/feature-place.ts';
import { linesOf } from '../geo/geometry-lines.ts';
import {
  panToFit,
  placePopup,
  POPUP_TIP_PX,
  sampleLine,
  type Placement,
  type Point,
} from './popup-placement.ts';

/**
 * How the map moves for a popup. `fit`: to show the whole feature beside it (chosen in the list
 * or the text); `pan`: only as far as the popup needs to be in view (a click on the map);
 * `keep`: the view stays as a link gave it, unless the popup could not be read there otherwise.
 */
export type PopupCamera = 'fit' | 'pan' | 'keep';

export interface FeaturePopupOptions {
  /** The popup's own element: its size is measured before it is placed. */
  content: HTMLElement;
  /** Where its tip points, unless the map moves to fit the feature: a click, or the anchor. */
  at: [number, number];
  geometry: Geometry;
  camera: PopupCamera;
  /** Other features' points, which the popup leaves clear where it can: the reader's next click. */
  avoid: readonly [number, number][];
  /** Kept around the feature when the map fits it. */
  fitPadding: number;
  /** The map never zooms closer than this to fit a feature; a point at least `pointZoom`. */
  maxZoom: number;
  pointZoom: number;
}

/** Kept between a popup and the map's edges. */
export const POPUP_MARGIN_PX = 12;
/**
 * Kept free for a popup, and for a feature fitted beside it, along each edge of the map: the
 * view buttons' column at the top right (60 px wide, 10 px in: MapControls.svelte) and a margin,
 * the credit line at the bottom.
 */
export const POPUP_INSETS_PX = { top: 12, right: 82, bottom: 30, left: 12 } as const;
/** The view buttons' corner at the top right of the map (MapControls.svelte), with a margin. */
const MAP_BUTTONS_PX = { width: 82, height: 150 } as const;
/** Kept between a point's centre and its popup's tip: its marker, highlighted, stays clear. */
export const POINT_GAP_PX = 6;

const isPoint = (geometry: Geometry) => geometry.type === 'Point';

function project(map: MapLibreMap, position: Position): Point {
  const point = map.project([position[0]!, position[1]!]);
  return { x: point.x, y: point.y };
}

/** MapLibre's offset for each anchor: the point's gap, away from the point. */
function offsets(gap: number): Offset {
  const diagonal = gap;
  return {
    center: [0, 0],
    top: [0, gap],
    bottom: [0, -gap],
    left: [gap, 0],
    right: [-gap, 0],
    'top-left': [diagonal, diagonal],
    'top-right': [-diagonal, diagonal],
    'bottom-left': [diagonal, -diagonal],
    'bottom-right': [-diagonal, -diagonal],
  };
}

/** Resolves once the map has come to rest after a move started just now (or at once). */
function afterMove(map: MapLibreMap, move: () => void): Promise<void> {
  return new Promise((resolve) => {
    let moved = false;
    const done = () => {
      moved = true;
      resolve();
    };
    map.once('moveend', done);
    move();
    if (!moved && !map.isMoving()) {
      map.off('moveend', done);
      resolve();
    }
  });
}

type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * Moves the map to show the whole feature beside a popup of `size`: on the side where the
 * feature can be shown largest; returns the side the popup goes on.
 */
async function fitBeside(
  map: MapLibreMap,
  bounds: Bounds,
  size: { width: number; height: number },
  options: FeaturePopupOptions,
  gap: number,
): Promise<Side> {
  const maxZoom = isPoint(options.geometry)
    ? Math.max(map.getZoom(), options.pointZoom)
    : options.maxZoom;
  const room = (side: Side) =>
    (side === 'left' || side === 'right' ? size.width : size.height) +
    POPUP_TIP_PX +
    gap +
    POPUP_INSETS_PX[side];
  const paddingFor = (side: Side) => {
    const padding = {
      top: options.fitPadding,
      right: options.fitPadding,
      bottom: options.fitPadding,
      left: options.fitPadding,
    };
    padding[side] = Math.max(padding[side], room(side));
    padding.right = Math.max(padding.right, POPUP_INSETS_PX.right);
    return padding;
  };
  const lngLatBounds = new LngLatBounds(bounds);
  let best: { side: Side; zoom: number } | null = null;
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const camera = map.cameraForBounds(lngLatBounds, { padding: paddingFor(side), maxZoom });
    if (camera?.zoom !== undefined && (!best || camera.zoom > best.zoom + 0.01))
      best = { side, zoom: camera.zoom };
  }
  const side = best?.side ?? 'top';
  await afterMove(map, () =>
    map.fitBounds(lngLatBounds, { padding: paddingFor(side), maxZoom, essential: false }),
  );
  return side;
}

/** The position of a geometry furthest toward `side` on the screen: where the popup's tip goes. */
function extremeToward(map: MapLibreMap, geometry: Geometry, side: Side): Position {
  const score = (point: Point) =>
    side === 'right'
      ? point.x
      : side === 'left'
        ? -point.x
        : side === 'bottom'
          ? point.y
          : -point.y;
  let best: { position: Position; score: number } | null = null;
  for (const position of linesOf(geometry).flat()) {
    const value = score(project(map, position));
    if (!best || value > best.score) best = { position, score: value };
  }
  return best!.position;
}

/**
 * Opens the popup; resolves with the function that closes it (it is open by then), or null if
 * `cancelled()` said to give up while the map was moving.
 */
export async function openFeaturePopup(
  map: MapLibreMap,
  options: FeaturePopupOptions,
  cancelled: () => boolean,
): Promise<(() => void) | null> {
  const { content, geometry, camera } = options;
  const container = map.getContainer();
  const view = { width: container.clientWidth, height: container.clientHeight };
  const gap = isPoint(geometry) ? POINT_GAP_PX : 0;
  // The popup is never taller than the map leaves room for: it scrolls inside instead. A limit
  // beside the stylesheet's own (popup.css), not instead of it: on a tall map a popup as tall as
  // the map would leave a feature only a narrow strip beside it.
  const { top, bottom } = POPUP_INSETS_PX;
  const room = Math.max(120, view.height - top - bottom - POPUP_TIP_PX - gap);
  content.style.setProperty('--popup-room', `${room}px`);
  const rect = content.getBoundingClientRect();
  const size = { width: rect.width, height: rect.height };

  let at: Position = options.at;
  if (camera === 'fit') {
    const side = await fitBeside(map, featureBounds(geometry), size, options, gap);
    if (cancelled()) return null;
    at = extremeToward(map, geometry, side);
  }
  const position: [number, number] = [at[0]!, at[1]!];
  const placement = placeBeside(map, position, options, size, gap);
  const popup = new Popup({
    anchor: placement.anchor,
    offset: offsets(gap),
    maxWidth: 'none',
    closeButton: false,
    closeOnClick: false,
    // MapLibre's own focusing would scroll the map's container; the page focuses the popup.
    focusAfterOpen: false,
    className: 'feature-popup-container',
  })
    .setLngLat(position)
    .setDOMContent(content)
    .addTo(map);
  panBy(map, placement.pan);
  // When the popup grows ("N more"), it is placed again: another side, or the map pans, so that
  // its header stays in view.
  let height = size.height;
  const resized = new ResizeObserver(() => {
    const now = content.getBoundingClientRect();
    if (Math.abs(now.height - height) < 1) return;
    height = now.height;
    const again = placeBeside(map, position, { ...options, camera: 'pan' }, now, gap);
    popup.options.anchor = again.anchor;
    popup.setLngLat(position);
    panBy(map, again.pan);
  });
  resized.observe(content);
  return () => {
    resized.disconnect();
    popup.remove();
  };
}

function panBy(map: MapLibreMap, pan: Point): void {
  if (pan.x !== 0 || pan.y !== 0) map.panBy([pan.x, pan.y], { essential: false });
}

/** The side of `at` a popup of `size` goes on, and how far the map must pan to show it. */
function placeBeside(
  map: MapLibreMap,
  at: [number, number],
  { geometry, camera, avoid }: Pick<FeaturePopupOptions, 'geometry' | 'camera' | 'avoid'>,
  size: { width: number; height: number },
  gap: number,
): Placement {
  const container = map.getContainer();
  const atPixel = project(map, at);
  const reach = Math.max(size.width, size.height) + POPUP_TIP_PX + gap;
  const feature = linesOf(geometry).flatMap((line) =>
    sampleLine(
      line.map((position) => project(map, position)),
      atPixel,
      reach,
    ),
  );
  return placePopup({
    view: { width: container.clientWidth, height: container.clientHeight },
    popup: size,
    at: atPixel,
    feature,
    others: avoid.map((position) => project(map, position)),
    insets: POPUP_INSETS_PX,
    gap,
    prefer: camera === 'keep' ? 'move' : 'cover',
  });
}

/**
 * On a narrow screen the popup is a sheet over the bottom `sheetHeight` pixels of the map: the
 * map moves so that the feature shows above it (all of it when chosen in the list or the text,
 * else the point the reader tapped).
 */
export function showAboveSheet(
  map: MapLibreMap,
  options: Omit<FeaturePopupOptions, 'content' | 'avoid'> & { sheetHeight: number },
): void {
  const { geometry, camera, sheetHeight } = options;
  const container = map.getContainer();
  const free = { width: container.clientWidth, height: container.clientHeight - sheetHeight };
  if (camera === 'fit') {
    const padding = options.fitPadding;
    map.fitBounds(new LngLatBounds(featureBounds(geometry)), {
      padding: {
        top: padding,
        right: Math.max(padding, POPUP_INSETS_PX.right),
        left: padding,
        bottom: sheetHeight + padding,
      },
      maxZoom: isPoint(geometry) ? Math.max(map.getZoom(), options.pointZoom) : options.maxZoom,
      essential: false,
    });
    return;
  }
  const at = project(map, options.at);
  const margin = 2 * POPUP_MARGIN_PX;
  // The whole feature above the sheet where it fits at this zoom (a short route), moved as little
  // as can be; else the point tapped, in the middle of what the sheet leaves.
  const pixels = linesOf(geometry)
    .flat()
    .map((position) => project(map, position));
  const box = {
    left: Math.min(...pixels.map((p) => p.x)),
    right: Math.max(...pixels.map((p) => p.x)),
    top: Math.min(...pixels.map((p) => p.y)),
    bottom: Math.max(...pixels.map((p) => p.y)),
  };
  const edges = { top: margin, right: margin, bottom: margin, left: margin };
  const fits =
    box.right - box.left <= free.width - 2 * margin &&
    box.bottom - box.top <= free.height - 2 * margin;
  const outside = (value: number, extent: number) =>
    value < margin || value > extent - margin ? value - extent / 2 : 0;
  const pan = fits
    ? panToFit(box, free, edges)
    : { x: outside(at.x, free.width), y: outside(at.y, free.height) };
  // Nor under the view buttons at the top right.
  const underButtons =
    at.x - pan.x > free.width - MAP_BUTTONS_PX.width - margin &&
    at.y - pan.y < MAP_BUTTONS_PX.height + margin;
  if (underButtons) pan.x = at.x - free.width / 2;
  panBy(map, pan);
}
