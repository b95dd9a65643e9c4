/**
 * The map's context, drawn from its own source (loaded beside the map, src/lib/map/context.ts):
 * the world beyond the basemap's box, the region's lakes, rivers and towns. Muted, so that the
 * document's places stay the figure and the context the ground; every paint property constant
 * (one shader program per layer type, shared with the other layers).
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { CONTEXT_SOURCE, type ContextRole } from './features.ts';
import { groupMetadata } from './interaction.ts';
import { COLOURS, LABEL_FONT } from './theme.ts';

const roleIs = (role: ContextRole): ExpressionSpecification => ['==', ['get', 'context'], role];
const metadata = groupMetadata('basemap');

/** The zoom from which the towns of each rank (1, cities, to 4, villages) are labelled. */
export const TOWN_MIN_ZOOMS = { 1: 5, 2: 7, 3: 8.5, 4: 10 } as const;
const TOWN_TEXT_SIZES = { 1: 13, 2: 12, 3: 11, 4: 10.5 } as const;

/** Below the region's basemap: the world, which the box's own fill hides inside the box. */
export function worldLayers(): LayerSpecification[] {
  return [
    {
      id: 'context-world-land',
      type: 'fill',
      source: CONTEXT_SOURCE,
      metadata,
      filter: roleIs('world'),
      paint: { 'fill-color': COLOURS.land, 'fill-antialias': false },
    },
    {
      id: 'context-world-lines',
      type: 'line',
      source: CONTEXT_SOURCE,
      metadata,
      filter: roleIs('world'),
      paint: { 'line-color': COLOURS.countryLine, 'line-width': 0.6 },
    },
  ];
}

/** Over the region's land: lakes and rivers. */
export function waterLayers(): LayerSpecification[] {
  const river = (major: boolean, width: number): LayerSpecification => ({
    id: `context-rivers-${major ? 'major' : 'minor'}`,
    type: 'line',
    source: CONTEXT_SOURCE,
    metadata,
    filter: ['all', roleIs('river'), ['==', ['get', 'major'], major]],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': COLOURS.river, 'line-width': width },
  });
  return [
    {
      id: 'context-lakes',
      type: 'fill',
      source: CONTEXT_SOURCE,
      metadata,
      filter: roleIs('lake'),
      paint: { 'fill-color': COLOURS.sea, 'fill-antialias': false },
    },
    {
      // The lakes' shore, drawn as a line: smoother than an antialiased fill's own outline,
      // which needs a shader program of its own.
      id: 'context-lake-shores',
      type: 'line',
      source: CONTEXT_SOURCE,
      metadata,
      filter: roleIs('lake'),
      paint: { 'line-color': COLOURS.river, 'line-width': 0.6 },
    },
    river(false, 0.9),
    river(true, 1.5),
  ];
}

/** A town's label: its name, and the other name on a second line where it has two. */
const townName: ExpressionSpecification = [
  'case',
  ['has', 'otherName'],
  ['format', ['get', 'name'], {}, '\n', {}, ['get', 'otherName'], { 'font-scale': 0.85 }],
  ['get', 'name'],
];

/**
 * Labels of the context. The map places labels from the top layer down: the villages (rank 4)
 * are the lowest, so that a town gives way to a city, and every one to the document's places.
 */
export function contextLabelLayers(): LayerSpecification[] {
  const ranks = [4, 3, 2, 1] as const;
  const towns = ranks.map((rank): SymbolLayerSpecification => ({
    id: `context-towns-${rank}`,
    type: 'symbol',
    source: CONTEXT_SOURCE,
    metadata,
    minzoom: TOWN_MIN_ZOOMS[rank],
    filter: ['all', roleIs('town'), ['==', ['get', 'rank'], rank]],
    layout: {
      'text-field': townName,
      'text-font': LABEL_FONT,
      'text-size': TOWN_TEXT_SIZES[rank],
      'text-max-width': 8,
      'text-padding': 3,
    },
    paint: {
      'text-color': COLOURS.townLabel,
      'text-halo-color': COLOURS.land,
      'text-halo-width': 1.2,
    },
  }));
  return [
    {
      id: 'context-river-labels',
      type: 'symbol',
      source: CONTEXT_SOURCE,
      metadata,
      filter: ['all', roleIs('river'), ['has', 'name']],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-letter-spacing': 0.1,
        'symbol-spacing': 400,
      },
      paint: {
        'text-color': COLOURS.waterLabel,
        'text-halo-color': COLOURS.land,
        'text-halo-width': 1.2,
      },
    },
    ...towns,
  ];
}
