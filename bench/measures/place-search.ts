/**
 * The places list's search over a reader's layer of 100 000 points and the document's places,
 * in Node, a keystroke at a time: the list's index (every name folded once, on the first search)
 * against the straightforward search that folds every name on every keystroke, in the same run.
 */
import { readFileSync } from 'node:fs';
import { LAYER_NAMES, type AtlasLayer } from '../../src/lib/geo/contract.ts';
import { searchByName } from '../../src/lib/text/search.ts';
import { documentLayerEntry, type ImportedLayerEntry } from '../../src/lib/ui/layer-model.ts';
import { mentionRelations } from '../../src/lib/ui/mention-relations.ts';
import { placeSearch } from '../../src/lib/ui/place-list.ts';
import { atMost, type NodeMeasurement } from '../harness/measurement.ts';
import { median, round } from '../harness/util.ts';
import { benchPoints, POINT_LAYER } from '../points.ts';

/** What a reader types, a letter at a time, then a name that matches nothing. */
const KEYSTROKES = [
  'p',
  'po',
  'poi',
  'point',
  'point 1',
  'point 12',
  'point 123',
  'point 12345',
  'xyz',
];
const ROUNDS = 3;

export const placeSearchMeasurement: NodeMeasurement = {
  name: 'search',
  kind: 'node',
  goals: { placeSearchMs: atMost(50), placeSearchRatio: atMost(0.25) },
  async run() {
    const features = benchPoints();
    const imported = {
      id: 'import-1',
      name: POINT_LAYER,
      origin: 'imported',
      labelProperty: 'name',
      data: { features },
    } as unknown as ImportedLayerEntry;
    const documentLayers = LAYER_NAMES.map((name): AtlasLayer =>
      JSON.parse(
        readFileSync(new URL(`../../geodata/layers/${name}.geojson`, import.meta.url), 'utf8'),
      ),
    );
    const layers = [...documentLayers.map(documentLayerEntry), imported];
    const places = placeSearch(
      layers,
      mentionRelations(documentLayers.flatMap((layer) => layer.features)),
    );
    const items = places.lists.flat();
    const firstBegun = performance.now();
    places.search('p');
    const firstMs = performance.now() - firstBegun;
    const timed = (search: (query: string) => unknown) => {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const query of KEYSTROKES) {
          const begun = performance.now();
          search(query);
          times.push(performance.now() - begun);
        }
      }
      return median(times);
    };
    const indexedMs = timed((query) => places.search(query));
    const foldingMs = timed((query) => searchByName(items, query));
    return {
      values: {
        placeSearchMs: round(indexedMs, 1),
        placeSearchRatio: round(indexedMs / foldingMs, 2),
      },
      baseline: { foldEveryKeystrokeMs: round(foldingMs, 1) },
      details: {
        placeSearch: {
          places: items.length,
          firstSearchMs: round(firstMs),
          keystrokes: KEYSTROKES,
        },
      },
    };
  },
};
