/**
 * The map's style, built by a pure function from the data it draws. No glyphs, sprite or tile
 * URLs: every source is inline GeoJSON and labels are drawn with the page's own fonts.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { AtlasLayer, LayerName } from '../geo/contract.ts';

export interface BasemapData {
  countries: FeatureCollection;
  countryLabels: FeatureCollection;
  /** [west, south, east, north]: the box the countries are clipped to. */
  bounds: readonly [number, number, number, number];
}

export interface StyleInput {
  basemap: BasemapData;
  layers: readonly AtlasLayer[];
}

/**
 * The colour the map's container shows through the canvas wherever the style draws nothing:
 * the sea, since inside the basemap's box whatever no country covers is the Caspian (see
 * scripts/build-basemap.ts). The style has no background layer: one full-view pass fewer.
 */
export const MAP_BACKGROUND = '#b8d3e2';

/** The CSS font list labels are drawn with (bundled Noto Sans, then the system's). */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'sans-serif'];

export const COLOURS = {
  background: '#e4e1da',
  land: '#f3f0ea',
  sea: MAP_BACKGROUND,
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

/**
 * The sources: every atlas layer's features in one, the basemap in another. Each source costs
 * the map a round of tiles from its worker and more frames before everything is drawn; two
 * draw the first view about a sixth sooner than one a layer (measured against six).
 */
export const ATLAS_SOURCE = 'atlas';
export const BASEMAP_SOURCE = 'basemap';

/**
 * The source that holds copies of the hovered and the selected feature, drawn by the highlight
 * layers. Highlighting by copying into a small source, rather than with feature-state
 * expressions, keeps every paint property constant: MapLibre then draws every layer of a type
 * with one shader program, and each program it compiles costs the first frames dearly where
 * WebGL runs in software (100–400 ms each, measured with SwiftShader).
 */
export const HIGHLIGHT_SOURCE = 'atlas-highlight';

/** What a highlighted feature is, as the highlight layers tell them apart. */
export type HighlightKind = 'route' | 'border' | 'settlement' | 'checkpoint' | 'area' | 'imported';

/** How the highlight layers draw a feature of the atlas, by its kind. */
export function highlightKindOf(kind: string): HighlightKind {
  switch (kind) {
    case 'route':
    case 'border':
    case 'settlement':
    case 'checkpoint':
      return kind;
    default:
      return 'area';
  }
}

/** The properties of a feature in the highlight source. */
export interface HighlightProperties {
  highlight: HighlightKind;
  /** The text a highlighted label shows (areas). */
  label?: string;
}

/** The colour of a route: its position in the routes layer picks it from the palette. */
export const routeColour = (index: number) => ROUTE_PALETTE[index % ROUTE_PALETTE.length]!;

/** The dash pattern of a route line, by how its geometry was drawn and whether it is dated. */
export function routeDashes(quality: string, dated: boolean): readonly number[] {
  if (dated) return DASHES.dated;
  return quality === 'schematic' ? DASHES.schematic : DASHES.surveyed;
}

/**
 * Style metadata: the atlas layer a style layer belongs to (the panel toggles them together)
 * and, for layers a click or hover can pick, the pick order (lower first: points over lines).
 */
export interface AtlasLayerMetadata {
  'atlas:group': string;
  'atlas:pick'?: number;
}

const group = (name: LayerName | 'basemap' | 'highlight', pick?: number): AtlasLayerMetadata =>
  pick === undefined ? { 'atlas:group': name } : { 'atlas:group': name, 'atlas:pick': pick };

/** Pick order: imported layers' features sit on top of everything (they are added last). */
export const PICK_ORDER = {
  imported: 0,
  checkpoint: 1,
  settlement: 2,
  route: 3,
  border: 4,
  area: 5,
} as const;

/** The ids of the style layers a click or hover can pick, in pick order (top-most first). */
export function interactiveLayerIds(
  layers: readonly { id: string; metadata?: unknown }[],
): string[] {
  const pickOf = (layer: { metadata?: unknown }) =>
    (layer.metadata as Partial<AtlasLayerMetadata> | undefined)?.['atlas:pick'];
  return layers
    .filter((layer) => pickOf(layer) !== undefined)
    .sort((a, b) => pickOf(a)! - pickOf(b)!)
    .map((layer) => layer.id);
}

const kindIs = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const geometryIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];
/** The atlas layer a feature of the atlas source came from. */
const inLayer = (layer: LayerName): ExpressionSpecification => ['==', ['get', 'layer'], layer];
/** What a feature of the basemap source is: a country, its label, or the world outside the box. */
type BasemapRole = 'country' | 'label' | 'outside';
const roleIs = (role: BasemapRole): ExpressionSpecification => ['==', ['get', 'basemap'], role];
const highlightIs = (kind: HighlightKind): ExpressionSpecification => [
  '==',
  ['get', 'highlight'],
  kind,
];
function basemapLayers(labelledByAtlas: string[]): LayerSpecification[] {
  // The sea is the container's colour (MAP_BACKGROUND). The fills need no antialiasing: every
  // edge of the land is stroked by the country lines, and the box's edges are straight.
  return [
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata: group('basemap'),
      filter: roleIs('country'),
      paint: { 'fill-color': COLOURS.land, 'fill-antialias': false },
    },
    {
      // Beyond the basemap's box there is no data: neither land nor sea.
      id: 'basemap-outside',
      type: 'fill',
      source: BASEMAP_SOURCE,
      metadata: group('basemap'),
      filter: roleIs('outside'),
      paint: { 'fill-color': COLOURS.background, 'fill-antialias': false },
    },
    {
      id: 'basemap-country-lines',
      type: 'line',
      source: BASEMAP_SOURCE,
      metadata: group('basemap'),
      filter: roleIs('country'),
      paint: { 'line-color': COLOURS.countryLine, 'line-width': 0.8 },
    },
    {
      id: 'basemap-country-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      metadata: group('basemap'),
      // Countries the text names are labelled by the atlas itself, with the text's spelling.
      filter: [
        'all',
        roleIs('label'),
        ['!', ['in', ['get', 'name'], ['literal', labelledByAtlas]]],
      ],
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

/** One line layer and one label layer per route, each with its own constant colour and dash. */
function routeLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  const features = routes?.features ?? [];
  const lines: LayerSpecification[] = features.map((route, index) => {
    const dashes = routeDashes(route.properties.geometryQuality, Boolean(route.properties.validTo));
    return {
      id: `routes-line-${route.id}`,
      type: 'line',
      source: ATLAS_SOURCE,
      metadata: group('routes', PICK_ORDER.route),
      filter: ['==', ['get', 'atlasId'], route.id],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': routeColour(index),
        'line-width': 3.5,
        // A solid line needs no dash pattern (and a plainer shader).
        ...(dashes[1] === 0 ? {} : { 'line-dasharray': [...dashes] }),
      },
    };
  });
  const labels: LayerSpecification[] = features.map((route, index) => ({
    id: `routes-label-${route.id}`,
    type: 'symbol',
    source: ATLAS_SOURCE,
    metadata: group('routes'),
    filter: ['==', ['get', 'atlasId'], route.id],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 12,
      'text-offset': [0, -1],
    },
    paint: {
      'text-color': routeColour(index),
      'text-halo-color': COLOURS.textHalo,
      'text-halo-width': 1.5,
    },
  }));
  return [
    {
      id: 'routes-casing',
      type: 'line',
      source: ATLAS_SOURCE,
      metadata: group('routes'),
      filter: inLayer('routes'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLOURS.textHalo, 'line-width': 6, 'line-opacity': 0.85 },
    },
    {
      // A hovered or selected route: a dark casing around its line.
      id: 'highlight-route',
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: highlightIs('route'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLOURS.highlight, 'line-width': 9, 'line-opacity': 0.85 },
    },
    ...lines,
    ...labels,
  ];
}

function atlasLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  const areaLabel = (kind: 'region' | 'country', colour: string, size: number) =>
    ({
      id: `areas-label-${kind}`,
      type: 'symbol',
      source: ATLAS_SOURCE,
      metadata: group('areas', PICK_ORDER.area),
      filter: ['all', inLayer('areas'), kindIs(kind)],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': size,
        'text-letter-spacing': 0.08,
        'text-max-width': 9,
      },
      paint: {
        'text-color': colour,
        'text-halo-color': COLOURS.textHalo,
        'text-halo-width': 1.4,
      },
    }) satisfies LayerSpecification;
  return [
    {
      id: 'borders-line',
      type: 'line',
      source: ATLAS_SOURCE,
      metadata: group('borders', PICK_ORDER.border),
      filter: inLayer('borders'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.border,
        'line-width': 1.8,
        'line-dasharray': [...DASHES.border],
      },
    },
    {
      id: 'highlight-border',
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: highlightIs('border'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.border,
        'line-width': 3.5,
        'line-dasharray': [...DASHES.border],
      },
    },
    ...routeLayers(routes),
    // The region the text is about is placed before the countries (the top layer is placed
    // first), so it wins a place when their labels collide.
    areaLabel('country', COLOURS.country, 12),
    areaLabel('region', COLOURS.region, 14),
    {
      // A hovered or selected area: its label again, over the first, on a broad halo.
      id: 'highlight-area-label',
      type: 'symbol',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: highlightIs('area'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-letter-spacing': 0.08,
        'text-max-width': 9,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': COLOURS.highlight,
        'text-halo-color': COLOURS.textHalo,
        'text-halo-width': 3,
      },
    },
    {
      id: 'places-settlement',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places', PICK_ORDER.settlement),
      filter: ['all', inLayer('places'), kindIs('settlement')],
      paint: {
        'circle-color': COLOURS.settlement,
        'circle-radius': 5,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'highlight-settlement',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: highlightIs('settlement'),
      paint: {
        'circle-color': COLOURS.settlement,
        'circle-radius': 8,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'highlight-checkpoint',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: highlightIs('checkpoint'),
      paint: {
        'circle-color': COLOURS.textHalo,
        'circle-opacity': 0.9,
        'circle-radius': 13,
        'circle-stroke-color': COLOURS.checkpoint,
        'circle-stroke-width': 2,
      },
    },
    // The checkpoint: a red dot ringed and centred in white, drawn with circles rather than an
    // icon (an icon needs a shader of its own: 60–100 ms more before the first view is drawn,
    // where WebGL runs in software).
    {
      id: 'places-checkpoint',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places', PICK_ORDER.checkpoint),
      filter: ['all', inLayer('places'), kindIs('checkpoint')],
      paint: {
        'circle-color': COLOURS.checkpoint,
        'circle-radius': 6,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'places-checkpoint-centre',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places'),
      filter: ['all', inLayer('places'), kindIs('checkpoint')],
      paint: { 'circle-color': COLOURS.textHalo, 'circle-radius': 2 },
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: ATLAS_SOURCE,
      metadata: group('places'),
      filter: inLayer('places'),
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
 * The highlight of a reader's own features: above every layer (imported layers are added below
 * it), one dark colour whatever the layer's own.
 */
function importedHighlightLayers(): LayerSpecification[] {
  const filter = (...types: string[]): FilterSpecification => [
    'all',
    highlightIs('imported'),
    geometryIs(...types),
  ];
  return [
    {
      id: 'highlight-imported-line',
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: filter('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOURS.highlight, 'line-width': 4 },
    },
    {
      id: 'highlight-imported-circle',
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      metadata: group('highlight'),
      filter: filter('Point', 'MultiPoint'),
      paint: {
        'circle-color': COLOURS.highlight,
        'circle-radius': 6,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** The first highlight layer of imported features: imported layers go just below it. */
export const IMPORTED_LAYERS_BEFORE = 'highlight-imported-line';

/**
 * What the map draws of the atlas: every layer's features in one collection, each with flat
 * properties only (the popup reads the full feature from the atlas data, not from the map):
 * `layer` it came from, `label`, the name as the text writes it, and what the style filters on.
 */
export function mapFeatures(layers: readonly AtlasLayer[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: layers.flatMap((layer) =>
      layer.features.map((feature) => ({
        type: 'Feature' as const,
        id: feature.id,
        geometry: feature.geometry,
        properties: {
          atlasId: feature.id,
          layer: layer.layer,
          label: feature.properties.name,
          kind: feature.properties.kind,
          geometryQuality: feature.properties.geometryQuality,
          ...(feature.properties.validTo ? { validTo: feature.properties.validTo } : {}),
        },
      })),
    ),
  };
}

/** The basemap in one collection, each feature's role in `basemap`. */
function basemapFeatures(basemap: BasemapData): FeatureCollection {
  const withRole = (collection: FeatureCollection, role: BasemapRole) =>
    collection.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, basemap: role },
    }));
  return {
    type: 'FeatureCollection',
    features: [
      ...withRole(basemap.countries, 'country'),
      ...withRole(outsideBox(basemap.bounds), 'outside'),
      ...withRole(basemap.countryLabels, 'label'),
    ],
  };
}

/** The world with the basemap's box cut out of it. */
function outsideBox([west, south, east, north]: BasemapData['bounds']): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-180, -85],
              [180, -85],
              [180, 85],
              [-180, 85],
              [-180, -85],
            ],
            [
              [west, south],
              [west, north],
              [east, north],
              [east, south],
              [west, south],
            ],
          ],
        },
      },
    ],
  };
}

export function buildAtlasStyle({ basemap, layers }: StyleInput): StyleSpecification {
  return {
    version: 8,
    name: 'Passage Atlas',
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'geojson',
        data: basemapFeatures(basemap),
        attribution: BASEMAP_ATTRIBUTION,
      },
      [ATLAS_SOURCE]: { type: 'geojson', data: mapFeatures(layers), promoteId: 'atlasId' },
      [HIGHLIGHT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      ...basemapLayers(
        layers.flatMap((layer) =>
          layer.features
            .filter((f) => f.properties.kind === 'country')
            .map((f) => f.properties.name),
        ),
      ),
      ...atlasLayers(layers.find((l) => l.layer === 'routes')),
      ...importedHighlightLayers(),
    ].map(hiddenUntilHighlighted),
  };
}

/**
 * The highlight layers start hidden: a source that no visible layer draws loads no tiles, and
 * the first view has nothing highlighted. The map shows them when it first highlights.
 */
function hiddenUntilHighlighted(layer: LayerSpecification): LayerSpecification {
  if (!('source' in layer) || layer.source !== HIGHLIGHT_SOURCE) return layer;
  return { ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification;
}

/** Paul Tol's muted scheme: apart from the route colours, for the reader's own layers. */
export const IMPORTED_PALETTE = ['#332288', '#117733', '#882255', '#44AA99', '#999933', '#AA4499'];

/**
 * A reader's layer of more points than this is drawn in clusters until CLUSTER_MAX_ZOOM. Points
 * by the ten thousand overlap into one blot at the scale of the region, and each frame of them
 * costs the map hundreds of milliseconds where WebGL runs in software (100 000: 0.5–1.3 s a
 * frame, the page frozen meanwhile); clusters show where they are and how many, and every frame
 * stays short.
 */
export const CLUSTER_POINTS_ABOVE = 2000;
/** Closer in than this every point is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 11;

/** Whether an imported layer is drawn in clusters: only points, and many of them. */
export function clustersPoints(geometryTypes: readonly string[], featureCount: number): boolean {
  return (
    geometryTypes.length === 1 &&
    geometryTypes[0] === 'Point' &&
    featureCount > CLUSTER_POINTS_ABOVE
  );
}

/**
 * The map source of an imported layer: its geometries, read by MapLibre's worker from `dataUrl`
 * (imported-layer-url.ts), numbered by their position (the popup reads the properties from the
 * layer itself).
 */
export function importedSource(dataUrl: string, clustered: boolean): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: dataUrl,
    generateId: true,
    ...(clustered ? { cluster: true, clusterRadius: 40, clusterMaxZoom: CLUSTER_MAX_ZOOM } : {}),
  };
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];

/** An imported layer's style layers, by geometry type, drawn with one colour of its own. */
export function importedLayerStyle(
  sourceId: string,
  colour: string,
  clustered = false,
): LayerSpecification[] {
  const metadata: AtlasLayerMetadata = {
    'atlas:group': sourceId,
    'atlas:pick': PICK_ORDER.imported,
  };
  const clusters: LayerSpecification[] = [
    {
      id: `${sourceId}-cluster`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: isCluster,
      paint: {
        'circle-color': colour,
        'circle-opacity': 0.85,
        'circle-radius': 13,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: `${sourceId}-cluster-count`,
      type: 'symbol',
      source: sourceId,
      metadata: { 'atlas:group': sourceId },
      filter: isCluster,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': COLOURS.textHalo },
    },
  ];
  return [
    {
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      metadata,
      filter: geometryIs('Polygon', 'MultiPolygon'),
      // Outlined by the line layer below, so the fill needs no antialiasing of its own.
      paint: { 'fill-color': colour, 'fill-opacity': 0.25, 'fill-antialias': false },
    },
    {
      id: `${sourceId}-line`,
      type: 'line',
      source: sourceId,
      metadata,
      filter: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': 2.5 },
    },
    {
      id: `${sourceId}-circle`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: clustered
        ? ['all', geometryIs('Point', 'MultiPoint'), ['!', isCluster]]
        : geometryIs('Point', 'MultiPoint'),
      paint: {
        'circle-color': colour,
        'circle-radius': 4,
        'circle-stroke-color': COLOURS.textHalo,
        'circle-stroke-width': 1,
      },
    },
    ...(clustered ? clusters : []),
  ];
}
