/**
 * The map's look, named by role: what a colour is for, not what it looks like. Every style layer,
 * the legend and the browser tests take their colours from here.
 */

/**
 * The colour the map's container shows through the canvas wherever the style draws nothing:
 * the sea, since inside the basemap's box whatever no country covers is the Caspian (see
 * scripts/build-basemap.ts). The style has no background layer: one full-view pass fewer.
 */
export const MAP_BACKGROUND = '#b8d3e2';

/** The CSS font list labels are drawn with (bundled Noto Sans, then the system's). */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'sans-serif'];

export const COLOURS = {
  land: '#f3f0ea',
  /** The sea, the lakes and the water inside the basemap's box that no country covers. */
  sea: MAP_BACKGROUND,
  countryLine: '#aaa196',
  countryLabel: '#8a8176',
  /** Rivers: darker than the sea, so that a thin line reads on the land. */
  river: '#7fa9c4',
  waterLabel: '#4a7a96',
  /** Towns and villages of the basemap: ground, quieter than the document's places. */
  townLabel: '#7a7268',
  /** The light ring around every label, so it reads over lines and fills. */
  labelHalo: '#ffffff',
  /** The light ring around every marker (settlements, the checkpoint, imported points). */
  markerOutline: '#ffffff',
  /** The light band under each route line, which lifts it off the basemap. */
  routeCasing: '#ffffff',
  /** The checkpoint's centre dot and a cluster's count. */
  markerInner: '#ffffff',
  border: '#5d4b6e',
  settlement: '#2b2b2b',
  checkpoint: '#b3001b',
  region: '#6f5a3a',
  country: '#55606b',
  highlight: '#111111',
  /** A place only the page's related posts name, not the statement: muted, and hollow. */
  relatedOnly: '#7b7f86',
  relatedOnlyFill: '#ffffff',
} as const;

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const ROUTE_PALETTE = ['#D55E00', '#0072B2', '#CC79A7', '#009E73', '#E69F00', '#56B4E9'];

/** Paul Tol's muted scheme: apart from the route colours, for the reader's own layers. */
export const IMPORTED_PALETTE = ['#332288', '#117733', '#882255', '#44AA99', '#999933', '#AA4499'];

/** The dash patterns the legend explains. */
export const DASHES = {
  surveyed: [1, 0],
  schematic: [3, 1.5],
  dated: [0.6, 1.6],
  border: [4, 1, 1, 1],
} as const;

/** The colour of a route: its position in the routes layer picks it from the palette. */
export const routeColour = (index: number) => ROUTE_PALETTE[index % ROUTE_PALETTE.length]!;

/** The dash pattern of a route line, by how its geometry was drawn and whether it is dated. */
export function routeDashes(quality: string, dated: boolean): readonly number[] {
  if (dated) return DASHES.dated;
  return quality === 'schematic' ? DASHES.schematic : DASHES.surveyed;
}
