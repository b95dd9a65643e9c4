/**
 * Where a popup goes beside its feature, in the map's pixels: on which side of the point its tip
 * shows (MapLibre's anchor), and how far the map must pan for the whole popup to be in view.
 * Pure: the map wrapper (feature-popup.ts) projects the feature and measures the popup.
 *
 * MapLibre's own choice of anchor only keeps a popup inside the map, and only when it can; it
 * knows nothing of the feature, so a popup opened on a route lay over the route. Here each side
 * is scored by how much of the feature it would cover, then by how far the map must move.
 */

export type PopupAnchor =
  'bottom' | 'top' | 'left' | 'right' | 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every anchor, the preferred first: above the point, as a reader expects a popup. */
export const POPUP_ANCHORS: readonly PopupAnchor[] = [
  'bottom',
  'top',
  'right',
  'left',
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
];

/** The length of MapLibre's popup tip, between the point and the popup's box (its CSS). */
export const POPUP_TIP_PX = 10;

/**
 * The box a popup of `size` takes with its tip at `at`, anchored so; `gap` more pixels are kept
 * between the point and the box (a marker's radius).
 */
export function popupBox(anchor: PopupAnchor, at: Point, size: Size, gap = 0): Box {
  const reach = POPUP_TIP_PX + gap;
  const [vertical, horizontal] = anchor.includes('-')
    ? (anchor.split('-') as [string, string])
    : anchor === 'top' || anchor === 'bottom'
      ? [anchor, 'middle']
      : ['middle', anchor];
  // A corner anchor's tip runs diagonally; its box starts `reach` away along one axis only.
  const diagonal = anchor.includes('-');
  let left: number;
  if (horizontal === 'left') left = at.x + (diagonal ? gap : reach);
  else if (horizontal === 'right') left = at.x - (diagonal ? gap : reach) - size.width;
  else left = at.x - size.width / 2;
  let top: number;
  if (vertical === 'top') top = at.y + reach;
  else if (vertical === 'bottom') top = at.y - reach - size.height;
  else top = at.y - size.height / 2;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

const inside = (point: Point, box: Box) =>
  point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;

/** Room kept free along each edge of the view (its buttons, its credit line). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** How far the view must pan (MapLibre's panBy) for `box` to lie inside it, within `insets`. */
export function panToFit(box: Box, view: Size, insets: Insets): Point {
  const axis = (low: number, high: number, from: number, to: number) => {
    if (high - low > to - from || low < from) return low - from;
    return high > to ? high - to : 0;
  };
  return {
    x: axis(box.left, box.right, insets.left, view.width - insets.right),
    y: axis(box.top, box.bottom, insets.top, view.height - insets.bottom),
  };
}

export interface PlacementInput {
  view: Size;
  popup: Size;
  /** Where the tip points: the click, or the feature's own anchor. */
  at: Point;
  /** Points along the feature, in pixels: what the popup must not cover. */
  feature: readonly Point[];
  /** Other features' points: covered only where every side would cover as much of the feature. */
  others?: readonly Point[];
  /** Kept free between the popup and the view's edges. */
  insets: Insets;
  /** Kept between the point and the popup (a marker's radius). */
  gap?: number;
  /** 'cover' puts covering less first, 'move' moving the map less (a link's own view). */
  prefer?: 'cover' | 'move';
}

export interface Placement {
  anchor: PopupAnchor;
  /** What to pan the map by (0, 0 for nothing). */
  pan: Point;
  /** How many of the feature's points the popup covers there. */
  covered: number;
  /** How many of the other features' points. */
  coveredOthers: number;
  box: Box;
}

/**
 * The best anchor: the least of the feature covered, then of the other features (a reader may
 * click one next), then the least panning; for a link's view, the least panning first.
 */
export function placePopup(input: PlacementInput): Placement {
  const { view, popup, at, feature, others = [], insets, gap = 0, prefer = 'cover' } = input;
  const placements = POPUP_ANCHORS.map((anchor) => {
    const box = popupBox(anchor, at, popup, gap);
    return {
      anchor,
      box,
      pan: panToFit(box, view, insets),
      covered: feature.filter((point) => inside(point, box)).length,
      coveredOthers: others.filter((point) => inside(point, box)).length,
    };
  });
  const moved = (placement: Placement) => Math.hypot(placement.pan.x, placement.pan.y);
  const covering = (a: Placement, b: Placement) =>
    a.covered - b.covered || a.coveredOthers - b.coveredOthers;
  const order = (a: Placement, b: Placement) =>
    prefer === 'cover'
      ? covering(a, b) || moved(a) - moved(b)
      : moved(a) - moved(b) || covering(a, b);
  // A stable sort keeps the preferred anchor first among equals.
  return placements.sort(order)[0]!;
}

/**
 * Points along a line of projected positions, no further apart than `step` pixels, within
 * `reach` of `near` (only there can a popup beside `near` cover the line).
 */
export function sampleLine(line: readonly Point[], near: Point, reach: number, step = 8): Point[] {
  const points: Point[] = [];
  for (let index = 0; index < line.length; index++) {
    const a = line[index]!;
    const b = line[index + 1];
    if (!b) {
      if (Math.hypot(a.x - near.x, a.y - near.y) <= reach) points.push(a);
      continue;
    }
    // A segment wholly beyond reach on one side of `near` cannot come close.
    if (
      Math.min(a.x, b.x) > near.x + reach ||
      Math.max(a.x, b.x) < near.x - reach ||
      Math.min(a.y, b.y) > near.y + reach ||
      Math.max(a.y, b.y) < near.y - reach
    )
      continue;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
    for (let part = 0; part < steps; part++) {
      const point = {
        x: a.x + ((b.x - a.x) * part) / steps,
        y: a.y + ((b.y - a.y) * part) / steps,
      };
      if (Math.abs(point.x - near.x) <= reach && Math.abs(point.y - near.y) <= reach)
        points.push(point);
    }
  }
  return points;
}
