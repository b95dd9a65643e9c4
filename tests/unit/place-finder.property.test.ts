/** Whatever the text, every mention's offsets slice back to its text, and its excerpt holds it. */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { findPlaces, type PlaceFinderData } from '../../src/lib/places/find-places.ts';
import { placeFinderData } from '../../scripts/place-finder-data.ts';

let data: PlaceFinderData;
beforeAll(() => {
  data = placeFinderData();
});

const pieces = fc.constantFrom(
  'Baku',
  'Yerevan',
  'Stepanakert',
  'Xankəndi',
  'Lachin',
  'GORIS',
  'Paris',
  'the',
  'road',
  'corridor',
  'Date',
  'Mr',
  'said',
  'from',
  'to',
  'and',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\n\n',
  '-',
  '–',
  '.',
  ',',
  '[',
  ']',
  '(',
  ')',
  "'s",
  'é',
  '😀',
  '\u00a0',
  'https://x.org/',
  '@',
);

it('slices every mention back to its text', () => {
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
      const text = parts.join(' ');
      for (const feature of findPlaces(text, data)) {
        for (const mention of feature.properties.mentions) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(mention.excerptStart).toBeLessThanOrEqual(mention.start);
          expect(mention.excerptEnd).toBeGreaterThanOrEqual(mention.end);
        }
      }
    }),
    { numRuns: 300 },
  );
});
