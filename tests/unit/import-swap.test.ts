/**
 * Swapped longitude and latitude: offered when every point is far out at sea and, swapped, on
 * land; never for a layer that is where it should be.
 */
import { readFileSync } from 'node:fs';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../src/lib/geo/import.ts';
import {
  landFromTopology,
  nearLand,
  samplePositions,
  swapCoordinates,
  swappable,
  swapSuggested,
} from '../../src/lib/geo/import-swap.ts';
import { buildLand } from '../../scripts/build-land.ts';

const landFile = 'geodata/world/land-110m.json';
const land = landFromTopology(JSON.parse(readFileSync(landFile, 'utf8')));

function fixtureFeatures(name: string) {
  const outcome = readImport(readFileSync(`tests/fixtures/layers/${name}`, 'utf8'), name);
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.layer.features;
}

describe('the land', () => {
  it('is built from Natural Earth 110m, byte for byte what is committed', () => {
    const built = buildLand(`${process.env.TMPDIR ?? '/tmp'}/land-110m.test.json`);
    expect(readFileSync(built, 'utf8')).toBe(readFileSync(landFile, 'utf8'));
    expect(land.parts.length).toBeGreaterThan(100);
  });

  it('knows cities, coasts and open sea apart', () => {
    expect(nearLand(land, [46.75, 39.76])).toBe(true); // Shusha
    expect(nearLand(land, [-9.14, 38.72])).toBe(true); // Lisbon, on the coast
    expect(nearLand(land, [-30, 35])).toBe(false); // the Atlantic
    expect(nearLand(land, [48.86, 2.35])).toBe(false); // the Indian Ocean, far off Somalia
  });
});

describe('the offer to swap', () => {
  it('is made for European cities written [latitude, longitude], and the swap puts them back', () => {
    const features = fixtureFeatures('swapped-cities.geojson');
    expect(swapSuggested(samplePositions(features), land)).toBe(true);
    swapCoordinates(features);
    expect((features[0]!.geometry as Point).coordinates).toEqual([2.3522, 48.8566]);
    expect(swapSuggested(samplePositions(features), land)).toBe(false);
  });

  it('is not made for a layer where it should be, nor one of the Caucasus swapped (both on land)', () => {
    expect(swapSuggested(samplePositions(fixtureFeatures('villages.csv')), land)).toBe(false);
    expect(swapSuggested([[39.76, 46.75]], land)).toBe(false);
  });

  it('is not made when one point is near land, nor when swapping could not give a latitude', () => {
    const atSea = [
      [48.86, 2.35],
      [52.52, 13.4],
    ];
    expect(swapSuggested(atSea, land)).toBe(true);
    expect(swapSuggested([...atSea, [46.75, 39.76]], land)).toBe(false);
    expect(swappable([[120, 10]])).toBe(false);
    expect(swappable([])).toBe(false);
  });

  it('looks at an even sample of a large layer, first and spread positions included', () => {
    const features: Feature[] = Array.from({ length: 1000 }, (_, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [index, 0] },
      properties: {},
    }));
    const sample = samplePositions(features, 10);
    expect(sample.map(([x]) => x)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });
});
