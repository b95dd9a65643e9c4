/**
 * The map's context — the world beyond the basemap's box, the region's water and towns — loaded
 * beside the map and given to it when it comes: the first view's part at once (its download
 * starts before the map is created), the towns below the cities and the minor rivers when the
 * map first comes close enough to label them (TOWN_MIN_ZOOMS). The document's places never wait
 * for any of it.
 */
import type { FeatureCollection } from 'geojson';
import type { AtlasLayer } from '../geo/contract.ts';
import type { AtlasMap } from './atlas-map.ts';
import { TOWN_MIN_ZOOMS } from './style/context-layers.ts';
import { contextFeatures, type ContextData } from './style/features.ts';

/** Starts loading what the first view draws of the context. */
export const loadFirstContext = (): Promise<ContextData> =>
  import('../data/context.ts').then((chunk) => chunk.loadFirstContext());

const report = (error: unknown) => console.error('The map’s context could not be loaded', error);

const loadDetail = () => import('../data/context-detail.ts');

/** Two collections as one. */
const joined = (first: FeatureCollection, second: FeatureCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [...first.features, ...second.features],
});

/**
 * Gives the map its context as it loads; returns the function that stops it (the map going
 * away). A context that fails to load leaves the map as it is: the document's places need none.
 */
export function showContext(
  map: AtlasMap,
  layers: readonly AtlasLayer[],
  first: Promise<ContextData>,
): () => void {
  let stopped = false;
  let stopWaiting = () => {};
  first
    .then((context) => {
      if (stopped) return;
      map.setContext(contextFeatures(context, layers));
      stopWaiting = map.onceZoomReaches(TOWN_MIN_ZOOMS[2], () => {
        loadDetail()
          .then((detail) => {
            if (stopped) return;
            const towns = joined(context.towns, detail.TOWNS);
            const rivers = joined(context.rivers, detail.MINOR_RIVERS);
            map.setContext(contextFeatures({ ...context, towns, rivers }, layers));
          })
          .catch(report);
      });
    })
    .catch(report);
  return () => {
    stopped = true;
    stopWaiting();
  };
}
