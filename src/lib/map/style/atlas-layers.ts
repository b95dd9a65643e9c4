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
import {
  groupMetadata,
  HIGHLIGHT_SOURCE,
  PICK_ORDER,
  type AtlasLayerMetadata,
  type HighlightKind,
} from './interaction.ts';
import * as build from './layer-builders.ts';
import { COLOURS, DASHES, routeColour, routeDashes } from './theme.ts';

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

/** A layer of the atlas source: the document's features. */
const ofAtlas = (
  id: string,
  metadata: AtlasLayerMetadata,
  filter: FilterSpecification,
): build.LayerTarget => ({ id, source: ATLAS_SOURCE, metadata, filter });

/** A highlight layer: the hovered or selected feature of one kind, copied to its own source. */
const highlighting = (kind: HighlightKind): build.LayerTarget => ({
  id: `highlight-${kind}`,
  source: HIGHLIGHT_SOURCE,
  metadata: group('highlight'),
  filter: highlightIs(kind),
});

/** One line layer and one label layer per route, each with its own constant colour and dash. */
function routeLayers(routes: AtlasLayer | undefined): LayerSpecification[] {
  const features = routes?.features ?? [];
  const colourOf = (route: (typeof features)[number], index: number) =>
    namedOnlyInRelatedPosts(route.properties) ? COLOURS.relatedOnly : routeColour(index);
  const isRoute = (route: (typeof features)[number]): FilterSpecification => [
    '==',
    ['get', 'atlasId'],
    route.id,
  ];
  const lines = features.map((route, index) => {
    const dashes = routeDashes(route.properties.geometryQuality, Boolean(route.properties.validTo));
    return build.line(
      ofAtlas(`routes-line-${route.id}`, group('routes', PICK_ORDER.route), isRoute(route)),
      {
        colour: colourOf(route, index),
        width: 3.5,
        // A solid line needs no dash pattern (and a plainer shader).
        dashes: dashes[1] === 0 ? undefined : dashes,
        round: 'joins',
      },
    );
  });
  const labels = features.map((route, index) =>
    build.label(
      ofAtlas(`routes-label-${route.id}`, group('routes'), isRoute(route)),
      {
        text: ['get', 'label'],
        size: 12,
        colour: colourOf(route, index),
        halo: build.labelHalo(1.5),
      },
      build.ALONG_LINE,
    ),
  );
  return [
    build.line(ofAtlas('routes-casing', group('routes'), inLayer('routes')), {
      colour: COLOURS.routeCasing,
      width: 6,
      opacity: 0.85,
      round: 'joins and caps',
    }),
    // A hovered or selected route: a dark casing around its line.
    build.line(highlighting('route'), {
      colour: COLOURS.highlight,
      width: 9,
      opacity: 0.85,
      round: 'joins and caps',
    }),
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
  /** Region and country names, set apart by their letter spacing, wrapped short. */
  const areaSpacing = { 'text-letter-spacing': 0.08, 'text-max-width': 9 };
  const areaLabel = (kind: 'region' | 'country', colour: string, size: number, related = false) =>
    build.label(
      ofAtlas(`areas-label-${kind}${related ? '-related' : ''}`, group('areas', PICK_ORDER.area), [
        'all',
        inLayer('areas'),
        kindIs(kind),
        related ? relatedOnly : inStatement,
      ]),
      { text: ['get', 'label'], size, colour, halo: build.labelHalo(1.4) },
      areaSpacing,
    );
  const place = (kind: string, ...clauses: ExpressionSpecification[]): FilterSpecification => [
    'all',
    inLayer('places'),
    kindIs(kind),
    ...clauses,
  ];
  const border = { colour: COLOURS.border, dashes: DASHES.border, round: 'joins' } as const;
  return [
    build.line(ofAtlas('borders-line', group('borders', PICK_ORDER.border), inLayer('borders')), {
      ...border,
      width: 1.8,
    }),
    build.line(highlighting('border'), { ...border, width: 3.5 }),
    ...routeLayers(routes),
    // The region the text is about is placed before the countries (the top layer is placed
    // first), so it wins a place when their labels collide; the statement's before the others.
    areaLabel('country', COLOURS.relatedOnly, 12, true),
    areaLabel('region', COLOURS.relatedOnly, 14, true),
    areaLabel('country', COLOURS.country, 12),
    areaLabel('region', COLOURS.region, 14),
    // A hovered or selected area: its label again, over the first, on a broad halo.
    build.label(
      { ...highlighting('area'), id: 'highlight-area-label' },
      { text: ['get', 'label'], size: 13, colour: COLOURS.highlight, halo: build.labelHalo(3) },
      { ...areaSpacing, 'text-allow-overlap': true, 'text-ignore-placement': true },
    ),
    // Hollow and grey: a place only the page's related posts name.
    build.marker(
      ofAtlas(
        'places-settlement-related',
        group('places', PICK_ORDER.settlement),
        place('settlement', relatedOnly),
      ),
      {
        colour: COLOURS.relatedOnlyFill,
        radius: 5,
        ring: { colour: COLOURS.relatedOnly, width: 2 },
      },
    ),
    build.marker(
      ofAtlas(
        'places-settlement',
        group('places', PICK_ORDER.settlement),
        place('settlement', inStatement),
      ),
      { colour: COLOURS.settlement, radius: 5 },
    ),
    build.marker(highlighting('settlement'), { colour: COLOURS.settlement, radius: 8 }),
    build.marker(highlighting('checkpoint'), {
      colour: COLOURS.markerInner,
      opacity: 0.9,
      radius: 13,
      ring: { colour: COLOURS.checkpoint, width: 2 },
    }),
    // The checkpoint: a red dot ringed and centred in white, drawn with circles rather than an
    // icon (an icon needs a shader of its own: 60–100 ms more before the first view is drawn,
    // where WebGL runs in software).
    build.marker(
      ofAtlas('places-checkpoint', group('places', PICK_ORDER.checkpoint), place('checkpoint')),
      { colour: COLOURS.checkpoint, radius: 6 },
    ),
    build.marker(ofAtlas('places-checkpoint-centre', group('places'), place('checkpoint')), {
      colour: COLOURS.markerInner,
      radius: 2,
      ring: null,
    }),
    placeLabel(false),
    placeLabel(true),
  ];
}

function placeLabel(related: boolean): LayerSpecification {
  return build.label(
    ofAtlas(related ? 'places-label-related' : 'places-label', group('places'), [
      'all',
      inLayer('places'),
      related ? relatedOnly : inStatement,
    ]),
    {
      text: ['get', 'label'],
      size: 13,
      colour: related ? COLOURS.relatedOnly : COLOURS.settlement,
      halo: build.labelHalo(1.6),
    },
    build.besidePoint(0.9),
  );
}
