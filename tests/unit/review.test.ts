/**
 * The review of a text's places as a log of operations (src/lib/texts/review.ts): an empty log
 * gives back the finder's output itself; each operation does what the reader asked and nothing
 * more; undo and redo step through the log; a route follows a place it ends at.
 */
import { describe, expect, it } from 'vitest';
import type { FoundFeature } from '../../src/lib/places/found-feature.ts';
import type { GazetteerPlace } from '../../src/lib/places/name-lookup.ts';
import { MentionMaker } from '../../src/lib/text/mentions.ts';
import {
  addedFeatureId,
  applyReview,
  EMPTY_LOG,
  HAND_PLACED_SOURCE,
  occurrences,
  redo,
  undo,
  withOperation,
  type ReviewOperation,
} from '../../src/lib/texts/review.ts';

const TEXT =
  'Talks in Ardena ended. The Ardena–Belvo road reopened, and Belvo welcomed it.\n\n' +
  'Traders from Corvin, and from Corvinia, came too; Corvin was busy.';

/** The nth occurrence (from 0) of a name as a mention. */
const mention = (name: string, nth: number) => {
  let start = TEXT.indexOf(name);
  for (let count = 0; count < nth; count++) start = TEXT.indexOf(name, start + 1);
  return new MentionMaker(TEXT).mention(start, start + name.length);
};

function place(id: string, name: string, at: [number, number], ...nth: number[]): FoundFeature {
  const mentions = (nth.length ? nth : [0]).map((index) => mention(name, index));
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: at },
    properties: {
      name,
      kind: 'settlement',
      variants: [],
      geometryQuality: 'gazetteer',
      geometryNote: 'the finder chose it',
      mentions,
      sources: [{ title: `GeoNames: ${name}`, url: `https://www.geonames.org/${id}` }],
      certainty: 'suggested',
      gazetteer: { name: 'GeoNames', id, url: `https://www.geonames.org/${id}` },
      candidates: [],
    },
  };
}

const ardena = place('ardena-1', 'Ardena', [10, 40], 0, 1);
const belvo = place('belvo-2', 'Belvo', [11, 41], 0, 1);
const corvin = place('corvin-3', 'Corvin', [12, 42], 0, 2);
const road: FoundFeature = {
  type: 'Feature',
  id: 'ardena-belvo-route',
  geometry: {
    type: 'LineString',
    coordinates: [
      [10, 40],
      [11, 41],
    ],
  },
  properties: {
    ...place('x', 'Ardena–Belvo road', [0, 0]).properties,
    kind: 'route',
    geometryQuality: 'schematic',
    lengthKm: 139.1,
  },
};
const found = [ardena, road, belvo, corvin];

const elsewhere: GazetteerPlace = {
  id: '99',
  name: 'Belvo',
  country: 'IT',
  population: 5000,
  coordinates: [13.1234567, 43.7654321],
  kind: 'settlement',
  gazetteer: { name: 'GeoNames', id: '99', url: 'https://www.geonames.org/99' },
  source: { title: 'GeoNames: Belvo', url: 'https://www.geonames.org/99' },
  otherNames: ['Belvum'],
};

const review = (...operations: ReviewOperation[]) => applyReview(TEXT, found, operations);

describe('the review of a text', () => {
  it('before any decision is what the finder found, the very same features', () => {
    const { features, rejected } = review();
    expect(features).toHaveLength(found.length);
    features.forEach((feature, index) => expect(feature).toBe(found[index]));
    expect(rejected).toEqual([]);
  });

  it('confirms, rejects and puts back a place, leaving the others as found', () => {
    const confirmed = review({ type: 'confirm', feature: 'corvin-3' });
    expect(confirmed.features.find((f) => f.id === 'corvin-3')!.properties.certainty).toBe(
      'confirmed',
    );
    expect(confirmed.features[0]).toBe(ardena);
    expect(corvin.properties.certainty).toBe('suggested');

    const rejected = review({ type: 'reject', feature: 'ardena-1' });
    expect(rejected.features.map((f) => f.id)).toEqual([
      'ardena-belvo-route',
      'belvo-2',
      'corvin-3',
    ]);
    expect(rejected.rejected.map((f) => f.id)).toEqual(['ardena-1']);

    const back = review(
      { type: 'reject', feature: 'ardena-1' },
      { type: 'restore', feature: 'ardena-1' },
    );
    expect(back.features.map((f) => f.id)).toEqual(found.map((f) => f.id));
    expect(back.rejected).toEqual([]);
  });

  it('puts a place on another record, cited by it, and the road that ends there follows', () => {
    const { features } = review({
      type: 'place',
      feature: 'belvo-2',
      placement: { by: 'gazetteer', place: elsewhere },
    });
    const moved = features.find((f) => f.id === 'belvo-2')!;
    expect(moved.geometry.coordinates).toEqual([13.123457, 43.765432]);
    expect(moved.properties).toMatchObject({
      certainty: 'confirmed',
      geometryQuality: 'gazetteer',
      gazetteer: elsewhere.gazetteer,
      sources: [elsewhere.source],
      variants: [{ name: 'Belvum' }],
    });
    expect(moved.properties.geometryNote).toContain(
      'GeoNames record 99 (Belvo), chosen by the reader',
    );
    const line = features.find((f) => f.id === 'ardena-belvo-route')!;
    expect(line.geometry.coordinates).toEqual([
      [10, 40],
      [13.123457, 43.765432],
    ]);
    expect(line.properties.lengthKm).toBeGreaterThan(300);
    expect(line.properties.certainty).toBe('suggested');
  });

  it('puts a place by hand where the reader clicked, said to be approximate and theirs', () => {
    const { features } = review({
      type: 'place',
      feature: 'corvin-3',
      placement: { by: 'hand', coordinates: [12.5, 42.5] },
    });
    const placed = features.find((f) => f.id === 'corvin-3')!;
    expect(placed.geometry.coordinates).toEqual([12.5, 42.5]);
    expect(placed.properties.geometryQuality).toBe('approximate');
    expect(placed.properties.sources).toEqual([HAND_PLACED_SOURCE]);
    expect(placed.properties).not.toHaveProperty('gazetteer');
  });

  it('adds a missed name at every occurrence no place marks, in text order', () => {
    expect(occurrences(TEXT, 'Corvin')).toEqual([
      [TEXT.indexOf('Corvin,'), TEXT.indexOf('Corvin,') + 6],
      [TEXT.lastIndexOf('Corvin'), TEXT.lastIndexOf('Corvin') + 6],
    ]);
    const { features } = applyReview(
      TEXT,
      [ardena, road, belvo],
      [
        {
          type: 'add',
          feature: 'corvin-added',
          name: 'Corvin',
          placement: { by: 'hand', coordinates: [12, 42] },
        },
      ],
    );
    const added = features.at(-1)!;
    expect(added.id).toBe('corvin-added');
    // "Corvinia" is another word; both whole-word "Corvin"s are its mentions, sentences cut.
    expect(added.properties.mentions.map((m) => [m.text, m.excerpt])).toEqual([
      ['Corvin', 'Traders from Corvin, and from Corvinia, came too; Corvin was busy.'],
      ['Corvin', 'Traders from Corvin, and from Corvinia, came too; Corvin was busy.'],
    ]);
    expect(added.properties.certainty).toBe('confirmed');
    // A name every occurrence of which is already a place adds nothing.
    expect(
      review({
        type: 'add',
        feature: 'x',
        name: 'Belvo',
        placement: { by: 'hand', coordinates: [0, 0] },
      }).features,
    ).toHaveLength(4);
  });

  it('undoes and redoes the last operations; a new one forgets what was undone', () => {
    const confirm: ReviewOperation = { type: 'confirm', feature: 'ardena-1' };
    const reject: ReviewOperation = { type: 'reject', feature: 'corvin-3' };
    const log = withOperation(withOperation(EMPTY_LOG, confirm), reject);
    expect(undo(log)).toEqual({ done: [confirm], undone: [reject] });
    expect(redo(undo(log))).toEqual(log);
    expect(undo(undo(undo(log)))).toEqual({ done: [], undone: [reject, confirm] });
    expect(redo(EMPTY_LOG)).toBe(EMPTY_LOG);
    expect(withOperation(undo(log), reject).undone).toEqual([]);
  });

  it('ignores an operation on a place that is not there', () => {
    expect(review({ type: 'confirm', feature: 'nowhere' }).features).toEqual(found);
  });

  it('gives an added name an id no place has', () => {
    expect(addedFeatureId('Gonio', new Set())).toBe('gonio-added');
    expect(addedFeatureId('Gonio', new Set(['gonio-added']))).toBe('gonio-added-2');
    expect(addedFeatureId('Şuşa Köy', new Set())).toBe('susa-koy-added');
  });
});
