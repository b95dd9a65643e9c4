/**
 * The style layers of the document's own layers: borders, routes (a line and a label layer
 * each), regions and countries as labels, settlements and the checkpoint, with the highlight
 * layer of each kind just above what it highlights. Places only the page's related posts name
 * are drawn muted by layers of their own (a hollow grey marker, a grey label): their paint stays
 * constant, as every layer's does. Features the reader's choices hide (the as-of date, the
 * statement's places only) are left out by a clause of every layer's filter.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { AtlasLayer, LayerName } from '../../geo/contract.ts';
import { ATLAS_SOURCE, namedOnlyInRelatedPosts } from './features.ts';
import { groupMetadata, HIGHLIGHT_SOURCE, PICK_ORDER, type HighlightKind } from './interaction.ts';
import { COLOURS, DASHES, LABEL_FONT, routeColour, routeDashes } from './theme.ts';

const group = (name: LayerName | 'highlight', pick?: number) => groupMetadata(name, pick);
const kindIs = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
/** Named only in the page's related posts (features.ts sets `section` on those alone). */
const relatedOnly: ExpressionSpecification = ['==', ['get', 'section'], 'related'];
const inStatement: ExpressionSpecification = ['!=', ['get', 'section'], 'related'];
/** The atlas layer a feature of the atlas source came from. */
const inLayer = (layer: LayerName): ExpressionSpecification => ['==', ['get', 'layer'], layer];
export const highlightIs = (kind: HighlightKind): ExpressionSpecification => [
  '==',
  ['get', 'highlight'],
  kind,
];

/** One line layer and one label layer per route, each with its own constant colour and dash. */
function routeLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  const features = routes?.features ?? [];
  const colourOf = (route: (typeof features)[number], index: number) =>
    namedOnlyInRelatedPosts(route.properties) ? COLOURS.relatedOnly : routeColour(index);
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
        'line-color': colourOf(route, index),
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
      'text-color': colourOf(route, index),
      'text-halo-color': COLOURS.labelHalo,
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
      paint: { 'line-color': COLOURS.routeCasing, 'line-width': 6, 'line-opacity': 0.85 },
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

/**
 * The filter clause that leaves out the features the reader's choices hide. Every layer of the
 * atlas source ends its filter with it (withHidden), and the map swaps it alone (rehide).
 */
const notHidden = (ids: readonly string[]): ExpressionSpecification => [
  '!',
  ['in', ['get', 'atlasId'], ['literal', [...ids]]],
];

export const withHidden = (
  filter: FilterSpecification,
  ids: readonly string[],
): FilterSpecification =>
  ['all', filter as ExpressionSpecification, notHidden(ids)] satisfies ExpressionSpecification;

/** A filter made by withHidden, with another set of hidden features; any other as it is. */
export function rehide(filter: unknown, ids: readonly string[]): FilterSpecification | null {
  if (!Array.isArray(filter) || filter[0] !== 'all' || filter.length !== 3) return null;
  const clause: unknown = filter[2];
  if (JSON.stringify(clause).startsWith('["!",["in",["get","atlasId"]') === false) return null;
  return withHidden(filter[1] as FilterSpecification, ids);
}

/** The style layers of the atlas's layers, with `hiddenFeatureIds` left out of every one. */
export function atlasLayers(
  routes: AtlasLayer | undefined,
  hiddenFeatureIds: readonly string[] = [],
): LayerSpecification[] {
  return documentLayers(routes).map((layer) =>
    'source' in layer && layer.source === ATLAS_SOURCE && layer.filter
      ? ({ ...layer, filter: withHidden(layer.filter, hiddenFeatureIds) } as LayerSpecification)
      : layer,
  );
}

function documentLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  const areaLabel = (kind: 'region' | 'country', colour: string, size: number, related = false) =>
    ({
      id: `areas-label-${kind}${related ? '-related' : ''}`,
      type: 'symbol',
      source: ATLAS_SOURCE,
      metadata: group('areas', PICK_ORDER.area),
      filter: ['all', inLayer('areas'), kindIs(kind), related ? relatedOnly : inStatement],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': size,
        'text-letter-spacing': 0.08,
        'text-max-width': 9,
      },
      paint: {
        'text-color': colour,
        'text-halo-color': COLOURS.labelHalo,
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
    // first), so it wins a place when their labels collide; the statement's before the others.
    areaLabel('country', COLOURS.relatedOnly, 12, true),
    areaLabel('region', COLOURS.relatedOnly, 14, true),
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
        'text-halo-color': COLOURS.labelHalo,
        'text-halo-width': 3,
      },
    },
    {
      // Hollow and grey: a place only the page's related posts name.
      id: 'places-settlement-related',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places', PICK_ORDER.settlement),
      filter: ['all', inLayer('places'), kindIs('settlement'), relatedOnly],
      paint: {
        'circle-color': COLOURS.relatedOnlyFill,
        'circle-radius': 5,
        'circle-stroke-color': COLOURS.relatedOnly,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'places-settlement',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places', PICK_ORDER.settlement),
      filter: ['all', inLayer('places'), kindIs('settlement'), inStatement],
      paint: {
        'circle-color': COLOURS.settlement,
        'circle-radius': 5,
        'circle-stroke-color': COLOURS.markerOutline,
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
        'circle-stroke-color': COLOURS.markerOutline,
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
        'circle-color': COLOURS.markerInner,
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
        'circle-stroke-color': COLOURS.markerOutline,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'places-checkpoint-centre',
      type: 'circle',
      source: ATLAS_SOURCE,
      metadata: group('places'),
      filter: ['all', inLayer('places'), kindIs('checkpoint')],
      paint: { 'circle-color': COLOURS.markerInner, 'circle-radius': 2 },
    },
    placeLabel(false),
    placeLabel(true),
  ];
}

function placeLabel(related: boolean): LayerSpecification {
  return {
    id: related ? 'places-label-related' : 'places-label',
    type: 'symbol',
    source: ATLAS_SOURCE,
    metadata: group('places'),
    filter: ['all', inLayer('places'), related ? relatedOnly : inStatement],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 13,
      'text-anchor': 'left',
      'text-offset': [0.9, 0],
      'text-optional': true,
    },
    paint: {
      'text-color': related ? COLOURS.relatedOnly : COLOURS.settlement,
      'text-halo-color': COLOURS.labelHalo,
      'text-halo-width': 1.6,
    },
  };
}
