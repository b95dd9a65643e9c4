import { describe, expect, it } from 'vitest';
import {
  panToFit,
  placePopup,
  popupBox,
  POPUP_TIP_PX,
  sampleLine,
  type Box,
  type Point,
} from '../../src/lib/map/popup-placement.ts';

const view = { width: 800, height: 600 };
const popup = { width: 300, height: 200 };
const insets = { top: 10, right: 60, bottom: 30, left: 10 };
const inside = (point: Point, box: Box) =>
  point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;

describe('where a popup goes beside its feature', () => {
  it('puts the box beside the point, its tip between, never over the point', () => {
    const at = { x: 400, y: 300 };
    expect(popupBox('bottom', at, popup)).toEqual({
      left: 250,
      right: 550,
      top: 300 - POPUP_TIP_PX - 200,
      bottom: 300 - POPUP_TIP_PX,
    });
    expect(popupBox('left', at, popup, 6).left).toBe(400 + POPUP_TIP_PX + 6);
    expect(popupBox('top-right', at, popup, 6)).toEqual({
      left: 400 - 6 - 300,
      right: 400 - 6,
      top: 300 + POPUP_TIP_PX + 6,
      bottom: 300 + POPUP_TIP_PX + 6 + 200,
    });
    for (const anchor of ['bottom', 'top', 'left', 'right', 'top-left', 'bottom-right'] as const)
      expect(inside(at, popupBox(anchor, at, popup)), anchor).toBe(false);
  });

  it('pans only as far as the box needs, and never past its top-left when it cannot fit', () => {
    expect(panToFit({ left: 100, right: 400, top: 100, bottom: 300 }, view, insets)).toEqual({
      x: 0,
      y: 0,
    });
    expect(panToFit({ left: 600, right: 900, top: -50, bottom: 150 }, view, insets)).toEqual({
      x: 900 - (800 - 60),
      y: -50 - 10,
    });
    // Taller than the view: its top (the name, the close button) comes into view.
    expect(panToFit({ left: 100, right: 400, top: 50, bottom: 750 }, view, insets).y).toBe(40);
  });

  it('above the point by preference, where it fits and covers nothing', () => {
    const placement = placePopup({ view, popup, at: { x: 400, y: 400 }, feature: [], insets });
    expect(placement.anchor).toBe('bottom');
    expect(placement.pan).toEqual({ x: 0, y: 0 });
  });

  it('away from a line through the point: across it, not along it', () => {
    const at = { x: 400, y: 300 };
    // A road running up and down through the point: a box above or below would lie on it.
    const road = sampleLine(
      [
        { x: 400, y: 0 },
        { x: 400, y: 600 },
      ],
      at,
      600,
    );
    const placement = placePopup({ view, popup, at, feature: road, insets });
    expect(placement.covered).toBe(0);
    expect(['left', 'right']).toContain(placement.anchor);
    for (const point of road) expect(inside(point, placement.box)).toBe(false);
  });

  it('covering nothing comes before not moving the map; a link’s view the other way round', () => {
    // Near the right edge, where a road from the west meets one from north to south: only the
    // side to the east is free, and the map must pan for the popup to fit there.
    const at = { x: 700, y: 300 };
    const road = [
      ...sampleLine([{ x: 100, y: 300 }, at], at, 800),
      ...sampleLine(
        [
          { x: 700, y: 0 },
          { x: 700, y: 600 },
        ],
        at,
        800,
      ),
    ];
    const click = placePopup({ view, popup, at, feature: road, insets });
    expect(click.covered).toBe(0);
    expect(click.anchor).toBe('left');
    expect(click.pan.x).toBe(700 + POPUP_TIP_PX + 300 - (800 - 60));
    const link = placePopup({ view, popup, at, feature: road, insets, prefer: 'move' });
    expect(link.pan).toEqual({ x: 0, y: 0 });
    expect(link.covered).toBeGreaterThan(0);
  });

  it('samples a line densely near the point and leaves far segments out', () => {
    const points = sampleLine(
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 5000, y: 5000 },
        { x: 5000, y: 6000 },
      ],
      { x: 50, y: 0 },
      200,
      10,
    );
    expect(points.length).toBeGreaterThanOrEqual(10);
    for (const point of points) expect(Math.abs(point.x - 50)).toBeLessThanOrEqual(200);
  });
});
