// First: the map's worker starts loading while the rest of the page is evaluated.
import './lib/map/start-map-workers.ts';
import './fonts.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { LABEL_FONT } from './lib/map/style.ts';

// Map labels are drawn with the page's fonts: the map waits for the face it draws them with, or
// labels fall back. The names on the map are in basic Latin, so latin-ext loads only when a popup
// or the text needs it.
const fontsReady = document.fonts.load(`400 16px "${LABEL_FONT[0]}"`, 'Azerbaijan');

mount(App, { target: document.getElementById('app')!, props: { fontsReady } });
