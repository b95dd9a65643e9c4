/** The page itself: the Svelte app, evaluated once the map's worker has started (see main.ts). */
import { mount } from 'svelte';
import App from './App.svelte';
import { LABEL_FONT } from './lib/map/style/theme.ts';

export function mountApp(target: HTMLElement): void {
  // Map labels are drawn with the page's fonts: the map waits for the face it draws them with,
  // or labels fall back. The names on the map are in basic Latin, so latin-ext loads only when a
  // popup or the text needs it. (The page preloads the face; this only waits for it.)
  const fontsReady = document.fonts.load(`400 16px "${LABEL_FONT[0]}"`, 'Azerbaijan');
  mount(App, { target, props: { fontsReady } });
}
