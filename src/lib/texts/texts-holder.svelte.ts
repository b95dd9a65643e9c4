/**
 * The reader's texts, loaded after the page's first view: the page's first load carries nothing
 * of them (the texts' life, their panels, their map layers are a chunk of their own, texts-ui.ts),
 * and the components that show them ask this holder whether they are there yet. One instance,
 * handed to the components through the page's context.
 */
import type { AtlasState } from '../ui/atlas-state.svelte.ts';
import type { OpenedTexts } from './opened-texts.svelte.ts';

export type TextsUi = typeof import('./texts-ui.ts');

export class TextsHolder {
  /** The texts' life, once loaded. */
  texts = $state.raw<OpenedTexts | null>(null);
  /** Their components, once loaded. */
  ui = $state.raw<TextsUi | null>(null);
  #loading: Promise<OpenedTexts> | undefined;

  /** Loads the texts (once) and brings the kept ones back; resolves when they are. */
  load(atlas: AtlasState): Promise<OpenedTexts> {
    this.#loading ??= import('./texts-ui.ts').then(async (ui) => {
      const texts = new ui.OpenedTexts(atlas);
      this.ui = ui;
      this.texts = texts;
      await texts.start();
      return texts;
    });
    return this.#loading;
  }

  /** The text a reader's feature id belongs to ("text-2/batumi-615532"), if it is a text's. */
  textOf(featureId: string | null | undefined): string | null {
    const layerId = featureId?.split('/')[0];
    return layerId && this.texts?.text(layerId) ? layerId : null;
  }

  destroy(): void {
    this.texts?.destroy();
  }
}
