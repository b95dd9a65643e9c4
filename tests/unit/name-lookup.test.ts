/**
 * A name looked up in the world gazetteer, as the review asks the finder's worker
 * (src/lib/places/name-lookup.ts): every record of it, largest first, cited and typed.
 */
import { describe, expect, it } from 'vitest';
import { lookupPlaces } from '../../src/lib/places/name-lookup.ts';
import { placeFinderData } from '../../scripts/place-finder-data.ts';

describe('a name looked up in the gazetteer', () => {
  const { gazetteer } = placeFinderData();

  it('gives every record of the name however written, largest first, with its citation', () => {
    const places = lookupPlaces(gazetteer, 'ALEXANDRIA');
    expect(places.map((place) => place.country).slice(0, 2)).toEqual(['EG', 'US']);
    const populations = places.map((place) => place.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(places[0]).toMatchObject({
      name: 'Alexandria',
      kind: 'settlement',
      gazetteer: {
        name: 'GeoNames',
        url: expect.stringMatching(/^https:\/\/www\.geonames\.org\/\d+$/),
      },
      source: { url: places[0]!.gazetteer.url },
    });
    expect(lookupPlaces(gazetteer, 'split').map((place) => place.country)).toContain('HR');
  });

  it('gives nothing for a name the gazetteer lacks, and at most the limit', () => {
    expect(lookupPlaces(gazetteer, 'Gonio')).toEqual([]);
    expect(lookupPlaces(gazetteer, 'Springfield', 3)).toHaveLength(3);
  });
});
