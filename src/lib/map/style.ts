/**
 * The map's style, built by a pure function from the data it draws. No glyphs, sprite or tile
 * URLs: every source is inline GeoJSON and labels are drawn with the page's own fonts.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { AtlasLayer, LayerName } from '../geo/contract.ts';

export interface BasemapData {
  countries: FeatureCollection;
  countryLabels: FeatureCollection;
  sea: FeatureCollection;
}

export interface StyleInput {
  basemap: BasemapData;
  layers: readonly AtlasLayer[];
}

/** The CSS font list labels are drawn with (bundled Noto Sans, then the system's). */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'sans-serif'];

export const COLOURS = {
  background: '#e4e1da',
  land: '#f3f0ea',
  sea: '#b8d3e2',
  countryLine: '#aaa196',
  countryLabel: '#8a8176',
  textHalo: '#ffffff',
  border: '#5d4b6e',
  settlement: '#2b2b2b',
  checkpoint: '#b3001b',
  region: '#6f5a3a',
  country: '#55606b',
  highlight: '#111111',
} as const;

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const ROUTE_PALETTE = ['#D55E00', '#0072B2', '#CC79A7', '#009E73', '#E69F00', '#56B4E9'];

/** The dash patterns the legend explains. */
export const DASHES = {
  surveyed: [1, 0],
  schematic: [3, 1.5],
  dated: [0.6, 1.6],
  border: [4, 1, 1, 1],
} as const;

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain)';

/** Style layer ids a click or hover can pick, top-most first. */
export const INTERACTIVE_LAYER_IDS = [
  'places-checkpoint',
  'places-settlement',
  'routes-line',
  'borders-line',
  'areas-label',
] as const;

export const CHECKPOINT_ICON = 'atlas-checkpoint';

/** The source of each atlas layer is named after it. */
export const sourceIdFor = (layer: string) => `atlas-${layer}`;

const highlighted = (normal: number, highlight: number): ExpressionSpecification => [
  'case',
  [
    'any',
    ['boolean', ['feature-state', 'hover'], false],
    ['boolean', ['feature-state', 'selected'], false],
  ],
  highlight,
  normal,
];

function routeColour(routes: AtlasLayer | undefined): DataDrivenPropertyValueSpecification<string> {
  const ids = routes?.features.map((f) => f.id) ?? [];
  if (ids.length === 0) return ROUTE_PALETTE[0]!;
  const pairs = ids.flatMap((id, index) => [id, ROUTE_PALETTE[index % ROUTE_PALETTE.length]!]);
  return [
    'match',
    ['get', 'atlasId'],
    ...pairs,
    ROUTE_PALETTE[0]!,
  ] as unknown as ExpressionSpecification;
}

const isDated: ExpressionSpecification = ['has', 'validTo'];
const kindIs = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];

/** Metadata that groups style layers under the atlas layer the panel toggles. */
const group = (layer: LayerName | 'basemap') => ({ 'atlas:group': layer });

function basemapLayers(labelledByAtlas: string[]): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': COLOURS.background } },
    {
      id: 'basemap-land',
      type: 'fill',
      source: 'basemap-countries',
      metadata: group('basemap'),
      paint: { 'fill-color': COLOURS.land },
    },
    {
      id: 'basemap-sea',
      type: 'fill',
      source: 'basemap-sea',
      metadata: group('basemap'),
      paint: { 'fill-color': COLOURS.sea },
    },
    {
      id: 'basemap-country-lines',
      type: 'line',
      source: 'basemap-countries',
      metadata: group('basemap'),
      paint: { 'line-color': COLOURS.countryLine, 'line-width': 0.8 },
    },
    {
      id: 'basemap-country-labels',
      type: 'symbol',
      source: 'basemap-country-labels',
      metadata: group('basemap'),
      // Countries the text names are labelled by the atlas itself, with the text's spelling.
      filter: ['!', ['in', ['get', 'name'], ['literal', labelledByAtlas]]],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 16],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.15,
        'text-max-width': 8,
      },
      paint: {
        'text-color': COLOURS.countryLabel,
        'text-halo-color': COLOURS.land,
        'text-halo-width': 1.2,
      },
    },
  ];
}

function atlasLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  return [
    {
      id: 'borders-line',
      type: 'line',
      source: sourceIdFor('borders'),
      metadata: group('borders'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.border,
        'line-width': highlighted(1.8, 3.5),
        'line-dasharray': [...DASHES.border],
      },
    },
    {
      id: 'routes-casing',
      type: 'line',
      source: sourceIdFor('routes'),
      metadata: group('routes'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': highlighted(6, 9), 'line-opacity': 0.85 },
    },
    {
      id: 'routes-line',
      type: 'line',
      source: sourceIdFor('routes'),
      metadata: group('routes'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': routeColour(routes),
        'line-width': highlighted(3.5, 6),
        'line-dasharray': [
          'case',
          isDated,
          ['literal', DASHES.dated],
          ['==', ['get', 'geometryQuality'], 'schematic'],
          ['literal', DASHES.schematic],
          ['literal', DASHES.surveyed],
        ],
      },
    },
    {
      id: 'routes-label',
      type: 'symbol',
      source: sourceIdFor('routes'),
      metadata: group('routes'),
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-offset': [0, -1],
      },
      paint: {
        'text-color': routeColour(routes),
        'text-halo-color': COLOURS.textHalo,
        'text-halo-width': 1.5,
      },
    },
    {
      id: 'areas-label',
      type: 'symbol',
      source: sourceIdFor('areas'),
      metadata: group('areas'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': ['case', ['==', ['get', 'kind'], 'region'], 14, 12],
        'text-letter-spacing': 0.08,
        'text-max-width': 9,
        'text-allow-overlap': false,
        // The region the text is about wins a place over a country's name when they collide.
        'symbol-sort-key': ['case', ['==', ['get', 'kind'], 'region'], 0, 1],
      },
      paint: {
        'text-color': ['case', ['==', ['get', 'kind'], 'region'], COLOURS.region, COLOURS.country],
        'text-halo-color': COLOURS.textHalo,
        'text-halo-width': highlighted(1.4, 3),
      },
    },
    {
      id: 'places-settlement',
      type: 'circle',
      source: sourceIdFor('places'),
      metadata: group('places'),
      filter: kindIs('settlement'),
      paint: {
        'circle-color': COLOURS.settlement,
        'circle-radius': highlighted(5, 8),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      // The checkpoint's halo: a circle under its icon that grows when it is highlighted.
      id: 'places-checkpoint-halo',
      type: 'circle',
      source: sourceIdFor('places'),
      metadata: group('places'),
      filter: kindIs('checkpoint'),
      paint: {
        'circle-color': '#ffffff',
        'circle-opacity': 0.9,
        'circle-radius': highlighted(9, 13),
        'circle-stroke-color': COLOURS.checkpoint,
        'circle-stroke-width': highlighted(0, 2),
      },
    },
    {
      id: 'places-checkpoint',
      type: 'symbol',
      source: sourceIdFor('places'),
      metadata: group('places'),
      filter: kindIs('checkpoint'),
      layout: {
        'icon-image': CHECKPOINT_ICON,
        'icon-allow-overlap': true,
      },
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: sourceIdFor('places'),
      metadata: group('places'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-optional': true,
      },
      paint: {
        'text-color': COLOURS.settlement,
        'text-halo-color': COLOURS.textHalo,
        'text-halo-width': 1.6,
      },
    },
  ];
}

/**
 * What the map draws of a feature: flat properties only (the popup reads the full feature from
 * the atlas data, not from the map). `label` is the name as the text writes it.
 */
export function mapFeatures(layer: AtlasLayer): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: layer.features.map((feature) => ({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry,
      properties: {
        atlasId: feature.id,
        label: feature.properties.name,
        kind: feature.properties.kind,
        geometryQuality: feature.properties.geometryQuality,
        ...(feature.properties.validTo ? { validTo: feature.properties.validTo } : {}),
      },
    })),
  };
}

export function buildAtlasStyle({ basemap, layers }: StyleInput): StyleSpecification {
  const atlasSources = Object.fromEntries(
    layers.map((layer) => [
      sourceIdFor(layer.layer),
      { type: 'geojson' as const, data: mapFeatures(layer), promoteId: 'atlasId' },
    ]),
  );
  return {
    version: 8,
    name: 'Passage Atlas',
    sources: {
      'basemap-countries': {
        type: 'geojson',
        data: basemap.countries,
        attribution: BASEMAP_ATTRIBUTION,
      },
      'basemap-sea': { type: 'geojson', data: basemap.sea },
      'basemap-country-labels': { type: 'geojson', data: basemap.countryLabels },
      ...atlasSources,
    },
    layers: [
      ...basemapLayers(
        layers.flatMap((layer) =>
          layer.features
            .filter((f) => f.properties.kind === 'country')
            .map((f) => f.properties.name),
        ),
      ),
      ...atlasLayers(layers.find((l) => l.layer === 'routes')).filter(
        (layer) => 'source' in layer && layer.source in atlasSources,
      ),
    ],
  };
}

/** Paul Tol's muted scheme: apart from the route colours, for the reader's own layers. */
export const IMPORTED_PALETTE = ['#332288', '#117733', '#882255', '#44AA99', '#999933', '#AA4499'];

const geometryIs = (...types: string[]): FilterSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];

/** An imported layer's style layers, by geometry type, drawn with one colour of its own. */
export function importedLayerStyle(sourceId: string, colour: string): LayerSpecification[] {
  const metadata = { 'atlas:group': sourceId };
  return [
    {
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      metadata,
      filter: geometryIs('Polygon', 'MultiPolygon'),
      paint: { 'fill-color': colour, 'fill-opacity': highlighted(0.2, 0.4) },
    },
    {
      id: `${sourceId}-line`,
      type: 'line',
      source: sourceId,
      metadata,
      filter: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': highlighted(2.5, 5) },
    },
    {
      id: `${sourceId}-circle`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: geometryIs('Point', 'MultiPoint'),
      paint: {
        'circle-color': colour,
        'circle-radius': highlighted(4, 7),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  ];
}
