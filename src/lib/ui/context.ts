/**
 * The page's shared state, handed to every component through Svelte's context rather than
 * passed down or reached through `bind:this`: one atlas model, the reader's layers, the import
 * and the export, and the reader's texts.
 */
import { createContext } from 'svelte';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { ImportedLayers } from './imported-layers.svelte.ts';
import type { Importer } from './importer.svelte.ts';
import type { Saver } from './saver.svelte.ts';
import type { TextsHolder } from '../texts/texts-holder.svelte.ts';

export interface AtlasContext {
  atlas: AtlasState;
  layers: ImportedLayers;
  importer: Importer;
  saver: Saver;
  /** The reader's texts, once loaded (after the first view). */
  texts: TextsHolder;
}

export const [atlasContext, setAtlasContext] = createContext<AtlasContext>();
