/**
 * The arithmetic of a map image (src/lib/map/): its pixel ratio, its scale bar, the bands'
 * unit, the lines text is cut into. The image itself is tested in Chromium
 * (tests/e2e/map-image.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/lib/map/canvas-text.ts';
import { bandUnit, scaleBar } from '../../src/lib/map/map-image.ts';
import { imagePixelRatio, pixelSize } from '../../src/lib/map/map-snapshot.ts';

describe('the image’s pixel ratio', () => {
  it('is twice the screen’s, and at least 2 000 px wide', () => {
    // A laptop's map of 560 CSS px: 2 000 px wide is more than twice.
    expect(pixelSize({ width: 560, height: 762 }, imagePixelRatio(560, 762, 1)).width).toBe(2000);
    // A wide map on a sharp screen: twice its 2 × 1 200.
    expect(imagePixelRatio(1200, 800, 2)).toBe(3.4133333333333336);
    expect(imagePixelRatio(1000, 800, 1.5)).toBe(3);
  });

  it('keeps every side within 4 096 px', () => {
    const ratio = imagePixelRatio(390, 690, 3);
    expect(pixelSize({ width: 390, height: 690 }, ratio).height).toBeLessThanOrEqual(4096);
    expect(pixelSize({ width: 390, height: 690 }, ratio).width).toBeGreaterThanOrEqual(2000);
  });
});

describe('the scale bar', () => {
  it('is the longest round distance within its width', () => {
    expect(scaleBar(50, 100)).toEqual({ cssWidth: 100, label: '5 km' });
    expect(scaleBar(70, 100)).toEqual({ cssWidth: 5000 / 70, label: '5 km' });
    expect(scaleBar(29, 100)).toEqual({ cssWidth: 2000 / 29, label: '2 km' });
    expect(scaleBar(3.5, 100)).toEqual({ cssWidth: 300 / 3.5, label: '300 m' });
    expect(scaleBar(1200, 100)).toEqual({ cssWidth: 100_000 / 1200, label: '100 km' });
  });
});

describe('the bands beside the map', () => {
  it('read as large as the map’s labels, but no larger than on a 700 px page', () => {
    expect(bandUnit(2000, 3.57)).toBeCloseTo(2000 / 700);
    expect(bandUnit(2400, 2)).toBe(2);
  });

  it('cut text at spaces to a width, and a word too long for a line where they must', () => {
    const measure = { measureText: (text: string) => ({ width: text.length }) as TextMetrics };
    expect(wrapText(measure, 'one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText(measure, 'see https://example.org/long', 10)).toEqual([
      'see',
      'https://ex',
      'ample.org/',
      'long',
    ]);
    expect(wrapText(measure, '', 10)).toEqual([]);
  });
});
