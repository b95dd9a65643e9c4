import type { Map } from 'maplibre-gl';
import type { AtlasState } from './lib/ui/atlas-state.svelte.ts';

declare global {
  interface Window {
    /**
     * The page's map and state, for browser tests and scripts (the map's own projection is how
     * a test knows where to click). Not an API for data: the page exposes nothing it does not show.
     */
    passageAtlas?: { map: Map; atlas: AtlasState };
  }
}
