/**
 * The bench's bare MapLibre page: the same basemap and layers as the app, as inline GeoJSON
 * sources with a minimal style, written the straightforward way (wait for the label font, then
 * create the map). No UI, no framework. `npm run bench` times the app against it.
 *
 * Query parameters (the bench copies them from the app, so that both draw the same view at the
 * same size): `center=lng,lat`, `zoom=z`, `width=px`, `height=px`.
 *
 * Exposes `window.bareMap`, sets `window.benchLoad` / `window.benchIdle` (performance.now() at the
 * map's first `load` / `idle`) and offers `window.bareAddSource(geojsonText)`.
 */
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type StyleSpecification,
  type SymbolLayerSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
// Every subset's face with its unicode-range: the page downloads only those its text needs.
import '@fontsource/noto-sans/400.css';
import type { FeatureCollection } from 'geojson';
import countries from '../../geodata/basemap/countries.geojson?raw';
import countryLabels from '../../geodata/basemap/country-labels.geojson?raw';
import areas from '../../geodata/layers/areas.geojson?raw';
import borders from '../../geodata/layers/borders.geojson?raw';
import places from '../../geodata/layers/places.geojson?raw';
import routes from '../../geodata/layers/routes.geojson?raw';
// The map's context, as the app draws it (its towns below the cities load when first drawn).
import world from '../../geodata/basemap/world.geojson?raw';
import worldLabels from '../../geodata/basemap/world-labels.geojson?raw';
import lakes from '../../geodata/basemap/lakes.geojson?raw';
import rivers from '../../geodata/basemap/rivers.geojson?raw';
import minorRivers from '../../geodata/basemap/rivers-minor.geojson?raw';
import cities from '../../geodata/basemap/cities.geojson?raw';
import towns from '../../geodata/basemap/towns.geojson?raw';

setWorkerUrl(workerUrl);

const FONT = ['Noto Sans', 'DejaVu Sans', 'sans-serif'];
const TEXT: SymbolLayerSpecification['layout'] = {
  'text-field': ['get', 'name'],
  'text-font': FONT,
  'text-size': 12,
};
const HALO: SymbolLayerSpecification['paint'] = {
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.5,
};

const style: StyleSpecification = {
  version: 8,
  sources: {
    world: { type: 'geojson', data: JSON.parse(world) },
    'world-labels': { type: 'geojson', data: JSON.parse(worldLabels) },
    lakes: { type: 'geojson', data: JSON.parse(lakes) },
    rivers: { type: 'geojson', data: JSON.parse(rivers) },
    'minor-rivers': { type: 'geojson', data: JSON.parse(minorRivers) },
    cities: { type: 'geojson', data: JSON.parse(cities) },
    towns: { type: 'geojson', data: JSON.parse(towns) },
    countries: { type: 'geojson', data: JSON.parse(countries) },
    'country-labels': { type: 'geojson', data: JSON.parse(countryLabels) },
    areas: { type: 'geojson', data: JSON.parse(areas) },
    borders: { type: 'geojson', data: JSON.parse(borders) },
    places: { type: 'geojson', data: JSON.parse(places) },
    routes: { type: 'geojson', data: JSON.parse(routes) },
  },
  layers: [
    // The sea: whatever no country covers (as in the app).
    { id: 'background', type: 'background', paint: { 'background-color': '#b8d3e2' } },
    { id: 'world', type: 'fill', source: 'world', paint: { 'fill-color': '#f3f0ea' } },
    { id: 'world-lines', type: 'line', source: 'world', paint: { 'line-color': '#aaa196' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3f0ea' } },
    { id: 'country-lines', type: 'line', source: 'countries', paint: { 'line-color': '#aaa196' } },
    { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#b8d3e2' } },
    { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#7fa9c4' } },
    {
      id: 'minor-rivers',
      type: 'line',
      source: 'minor-rivers',
      minzoom: 7,
      paint: { 'line-color': '#7fa9c4' },
    },
    { id: 'world-labels', type: 'symbol', source: 'world-labels', layout: TEXT, paint: HALO },
    { id: 'cities', type: 'symbol', source: 'cities', minzoom: 5, layout: TEXT, paint: HALO },
    { id: 'towns', type: 'symbol', source: 'towns', minzoom: 7, layout: TEXT, paint: HALO },
    { id: 'country-labels', type: 'symbol', source: 'country-labels', layout: TEXT },
    {
      id: 'borders',
      type: 'line',
      source: 'borders',
      paint: { 'line-color': '#5d4b6e', 'line-width': 1.8 },
    },
    {
      id: 'routes',
      type: 'line',
      source: 'routes',
      paint: { 'line-color': '#D55E00', 'line-width': 3.5 },
    },
    {
      id: 'routes-label',
      type: 'symbol',
      source: 'routes',
      layout: { ...TEXT, 'symbol-placement': 'line', 'text-offset': [0, -1] },
      paint: HALO,
    },
    { id: 'areas-label', type: 'symbol', source: 'areas', layout: TEXT, paint: HALO },
    {
      id: 'places',
      type: 'circle',
      source: 'places',
      paint: {
        'circle-color': '#2b2b2b',
        'circle-radius': 5,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: 'places',
      layout: { ...TEXT, 'text-anchor': 'left', 'text-offset': [0.9, 0] },
      paint: HALO,
    },
  ],
};

const params = new URLSearchParams(location.search);
const container = document.getElementById('map')!;
const width = Number(params.get('width'));
const height = Number(params.get('height'));
if (width > 0 && height > 0) {
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
}
const center = params.get('center')?.split(',').map(Number) as [number, number] | undefined;
const zoom = Number(params.get('zoom') ?? NaN);
const view =
  center && center.length === 2 && center.every(Number.isFinite) && Number.isFinite(zoom)
    ? { center, zoom }
    : { bounds: [43, 38, 51, 42.5] as [number, number, number, number] };

// Labels are drawn with the page's font: wait for the faces the labels need, as the app does.
const labels = Object.values(style.sources)
  .flatMap((source) => ('data' in source ? (source.data as FeatureCollection).features : []))
  .map((feature) => String(feature.properties?.name ?? ''))
  .join(' ');
await document.fonts.load('400 16px "Noto Sans"', labels).catch(() => undefined);

const map = new MapLibreMap({ container, style, ...view });
window.bareMap = map;
map.once('load', () => (window.benchLoad = performance.now()));
map.once('idle', () => (window.benchIdle = performance.now()));

window.bareAddSource = (geojsonText: string) =>
  new Promise<number>((resolve) => {
    const started = performance.now();
    const data = JSON.parse(geojsonText);
    map.addSource('bench-points', { type: 'geojson', data });
    map.addLayer({
      id: 'bench-points',
      type: 'circle',
      source: 'bench-points',
      paint: { 'circle-color': '#b3001b', 'circle-radius': 3 },
    });
    map.once('idle', () => resolve(performance.now() - started));
  });
