import type { Map } from 'maplibre-gl';
import type { AtlasState } from './lib/ui/atlas-state.svelte.ts';

declare global {
  interface Window {
    /**
     * The page's map and state, for browser tests and the bench: set only by the e2e build
     * (src/lib/ui/test-hook.ts), never by the production build.
     */
    passageAtlas?: { map: Map; atlas: AtlasState };
  }
}
