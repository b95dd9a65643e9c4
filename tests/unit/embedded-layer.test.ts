import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { embedLayer, restoreLayer } from '../../src/lib/geo/embedded-layer.ts';

const documentText = readFileSync(
  'geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt',
  'utf8',
);

describe('the layers as the page embeds them', () => {
  for (const name of ['areas', 'borders', 'routes', 'places']) {
    const file = readFileSync(`geodata/layers/${name}.geojson`, 'utf8');
    const layer = JSON.parse(file) as AtlasLayer;

    it(`${name}: leave out the mentions' words and the citation, and restore them exactly`, () => {
      const embedded = embedLayer(layer);
      for (const feature of embedded.features)
        expect(feature.properties).not.toHaveProperty('citation');
      const mentions = embedded.features.flatMap((feature) => feature.properties.mentions);
      expect(mentions.length).toBeGreaterThan(0);
      for (const mention of mentions) {
        expect(mention).not.toHaveProperty('text');
        expect(mention).not.toHaveProperty('excerpt');
      }
      expect(JSON.stringify(restoreLayer(embedded, documentText))).toBe(JSON.stringify(layer));
    });
  }

  it('never changes the layer it is given', () => {
    const layer = JSON.parse(readFileSync('geodata/layers/routes.geojson', 'utf8')) as AtlasLayer;
    const before = JSON.stringify(layer);
    embedLayer(layer);
    expect(JSON.stringify(layer)).toBe(before);
  });
});
