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
import * as build from './layer-builders.ts';
import { COLOURS } from './theme.ts';

const roleIs = (role: ContextRole): ExpressionSpecification => ['==', ['get', 'context'], role];

/** The zoom from which the towns of each rank (1, cities, to 4, villages) are labelled. */
export const TOWN_MIN_ZOOMS = { 1: 5, 2: 7, 3: 8.5, 4: 10 } as const;
const TOWN_TEXT_SIZES = { 1: 13, 2: 12, 3: 11, 4: 10.5 } as const;

const context = build.inSource(CONTEXT_SOURCE, groupMetadata('basemap'));

/** Below the region's basemap: the world, which the box's own fill hides inside the box. */
export function worldLayers(): LayerSpecification[] {
  return [
    build.fill(context('context-world-land', roleIs('world')), { colour: COLOURS.land }),
    build.line(context('context-world-lines', roleIs('world')), {
      colour: COLOURS.countryLine,
      width: 0.6,
    }),
  ];
}

/**
 * The world's countries' names, beyond the box (the box names its own countries): a reader's
 * text may name places anywhere. Below every other label, so that each gives way to them; among
 * themselves the larger country's name is placed first.
 */
export function worldLabelLayers(): LayerSpecification[] {
  return [
    build.label(
      context('context-world-labels', roleIs('world-label')),
      {
        text: ['get', 'name'],
        size: ['interpolate', ['linear'], ['zoom'], 2, 10, 5, 12],
        colour: COLOURS.countryLabel,
        halo: build.GROUND_HALO,
      },
      {
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'sizeRank'],
      },
    ),
  ];
}

/** Over the region's land: lakes and rivers. */
export function waterLayers(): LayerSpecification[] {
  const river = (major: boolean, width: number) =>
    build.line(
      context(`context-rivers-${major ? 'major' : 'minor'}`, [
        'all',
        roleIs('river'),
        ['==', ['get', 'major'], major],
      ]),
      { colour: COLOURS.river, width, round: 'joins and caps' },
    );
  return [
    build.fill(context('context-lakes', roleIs('lake')), { colour: COLOURS.sea }),
    // The lakes' shore, drawn as a line: smoother than an antialiased fill's own outline,
    // which needs a shader program of its own.
    build.line(context('context-lake-shores', roleIs('lake')), {
      colour: COLOURS.river,
      width: 0.6,
    }),
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
    ...build.label(
      context(`context-towns-${rank}`, ['all', roleIs('town'), ['==', ['get', 'rank'], rank]]),
      {
        text: townName,
        size: TOWN_TEXT_SIZES[rank],
        colour: COLOURS.townLabel,
        halo: build.GROUND_HALO,
      },
      { 'text-max-width': 8, 'text-padding': 3 },
    ),
    minzoom: TOWN_MIN_ZOOMS[rank],
  }));
  return [
    build.label(
      context('context-river-labels', ['all', roleIs('river'), ['has', 'name']]),
      { text: ['get', 'name'], size: 11, colour: COLOURS.waterLabel, halo: build.GROUND_HALO },
      { 'symbol-placement': 'line', 'text-letter-spacing': 0.1, 'symbol-spacing': 400 },
    ),
    ...towns,
  ];
}
