/**
 * The browser tests' and the bench's way to the map (the map's own projection is how a test
 * knows where to click): `window.passageAtlas`. Only the e2e build has it (`vite build --mode
 * e2e`, which `npm run test:e2e` and the bench build); in the production build this is
 * undefined and the code that would set the global is left out.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasState } from './atlas-state.svelte.ts';

export const exposeForTests =
  import.meta.env.MODE === 'e2e'
    ? (map: MapLibreMap, atlas: AtlasState) => {
        window.passageAtlas = { map, atlas };
      }
    : undefined;
