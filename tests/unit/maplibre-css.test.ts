import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutEmbeddedImages } from '../../scripts/maplibre-css.ts';

const css = readFileSync(
  createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css'),
  'utf8',
);
const trimmed = withoutEmbeddedImages(css);

describe("MapLibre's stylesheet as the page loads it", () => {
  it('has no embedded pictures left, and is a fraction of the size', () => {
    expect(css).toContain('data:image/svg+xml');
    expect(trimmed).not.toContain('data:');
    expect(trimmed.length).toBeLessThan(css.length / 3);
  });

  it('keeps the rules of what the atlas shows: the map, popups, the attribution', () => {
    for (const selector of [
      '.maplibregl-map{',
      '.maplibregl-canvas{',
      '.maplibregl-popup{',
      '.maplibregl-popup-tip{',
      '.maplibregl-popup-close-button{',
      '.maplibregl-popup-content{',
      '.maplibregl-ctrl-bottom-right{',
      '.maplibregl-ctrl.maplibregl-ctrl-attrib{',
    ])
      expect(trimmed).toContain(selector);
    // The compact attribution's button stays hidden: only its picture is gone.
    expect(trimmed).toMatch(/\.maplibregl-ctrl-attrib-button\{display:none;/);
  });

  it('keeps no empty rule or media query behind', () => {
    expect(trimmed).not.toMatch(/\{\s*\}/);
  });
});
