// First: the map's worker starts loading while the rest of the page is evaluated.
import './lib/map/start-map-workers.ts';
import './fonts.css';
import './app.css';
import './popup.css';
import './panels.css';
import './layer-rows.css';

// A worker starts only when the page's main thread is free to hear from the browser that the
// worker's script has come. The app's evaluation and first render are one long task: run now,
// they would hold the worker back until they end (about 200 ms, measured). So the page lets the
// main thread go here and fetches the app meanwhile.
await new Promise((resolve) => setTimeout(resolve));
const { mountApp } = await import('./mount-app.ts');
mountApp(document.getElementById('app')!);
