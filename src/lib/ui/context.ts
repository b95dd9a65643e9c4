/**
 * The page's shared state, handed to every component through Svelte's context rather than
 * passed down or reached through `bind:this`: one atlas model, the reader's layers, the import
 * and the export.
 */
import { createContext } from 'svelte';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { ImportedLayers } from './imported-layers.svelte.ts';
import type { Importer } from './importer.svelte.ts';
import type { Saver } from './saver.svelte.ts';

export interface AtlasContext {
  atlas: AtlasState;
  layers: ImportedLayers;
  importer: Importer;
  saver: Saver;
}

export const [atlasContext, setAtlasContext] = createContext<AtlasContext>();
