import './fonts.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { LABEL_FONT } from './lib/map/style.ts';

// Map labels are drawn with the page's fonts: the map waits for them, or labels fall back.
const fontsReady = Promise.all([
  document.fonts.load(`400 16px "${LABEL_FONT[0]}"`, 'Azerbaijan Ağdam'),
  document.fonts.load(`600 16px "${LABEL_FONT[0]}"`, 'Azerbaijan Ağdam'),
]);

mount(App, { target: document.getElementById('app')!, props: { fontsReady } });
