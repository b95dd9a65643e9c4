/**
 * The few shapes every style layer of the map takes, built by pure functions: a marker (a disc
 * in a ring), a line, a fill and a label. The layer modules say only what differs (which
 * features, which colour by its role in theme.ts, how large); what the map draws in common
 * (the marker's light ring, labels in the page's font on a light halo, fills without
 * antialiasing) is decided here once. Every paint property they set is a constant: each layer
 * type then needs one shader program (see interaction.ts). Imported as a namespace, `build`:
 * `build.marker(…)`, `build.label(…)`.
 */
import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  FillLayerSpecification,
  FilterSpecification,
  FormattedSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { AtlasLayerMetadata } from './interaction.ts';
import { COLOURS, LABEL_FONT } from './theme.ts';

/** Which features a style layer draws: its id, its source, its group (and pick) and its filter. */
export interface LayerTarget {
  id: string;
  source: string;
  metadata: AtlasLayerMetadata;
  filter: FilterSpecification;
}

/** Targets in one source and group: a function of each layer's id and filter. */
export const inSource =
  (source: string, metadata: AtlasLayerMetadata) =>
  (id: string, filter: FilterSpecification): LayerTarget => ({ id, source, metadata, filter });

/** The ring around a marker or a label: its colour and width in pixels. */
export interface Ring {
  colour: string;
  width: number;
}

/** The light ring around every marker (settlements, the checkpoint, a reader's points). */
export const MARKER_RING: Ring = { colour: COLOURS.markerOutline, width: 2 };

export interface MarkerLook {
  colour: string;
  radius: number;
  opacity?: number;
  /** MARKER_RING unless another is given; null for a bare dot (the checkpoint's centre). */
  ring?: Ring | null;
}

/** A marker: a disc of one colour in a ring. */
export function marker(
  { id, source, metadata, filter }: LayerTarget,
  { colour, radius, opacity, ring = MARKER_RING }: MarkerLook,
): CircleLayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    metadata,
    filter,
    paint: {
      'circle-color': colour,
      ...(opacity === undefined ? {} : { 'circle-opacity': opacity }),
      'circle-radius': radius,
      ...(ring ? { 'circle-stroke-color': ring.colour, 'circle-stroke-width': ring.width } : {}),
    },
  };
}

export interface LineLook {
  colour: string;
  width: number;
  opacity?: number;
  /** In line widths (theme.ts's DASHES); none for a solid line, which needs a plainer shader. */
  dashes?: readonly number[] | undefined;
  /**
   * Round joins keep a line's bends smooth; round caps as well wrap a casing or a highlight
   * around the line's ends. The ground's thin lines keep MapLibre's defaults (no `round`).
   */
  round?: 'joins' | 'joins and caps';
}

/** A line of one colour and width, dashed or not. */
export function line(
  { id, source, metadata, filter }: LayerTarget,
  { colour, width, opacity, dashes, round }: LineLook,
): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source,
    metadata,
    filter,
    ...(round
      ? {
          layout: {
            'line-join': 'round',
            ...(round === 'joins and caps' ? { 'line-cap': 'round' as const } : {}),
          },
        }
      : {}),
    paint: {
      'line-color': colour,
      'line-width': width,
      ...(opacity === undefined ? {} : { 'line-opacity': opacity }),
      ...(dashes ? { 'line-dasharray': [...dashes] } : {}),
    },
  };
}

/**
 * An area of one colour. Never antialiased: every fill's edge is either straight (the basemap's
 * box) or stroked by a line layer of its own, and an antialiased fill needs another shader.
 */
export function fill(
  { id, source, metadata, filter }: LayerTarget,
  { colour, opacity }: { colour: string; opacity?: number },
): FillLayerSpecification {
  return {
    id,
    type: 'fill',
    source,
    metadata,
    filter,
    paint: {
      'fill-color': colour,
      ...(opacity === undefined ? {} : { 'fill-opacity': opacity }),
      'fill-antialias': false,
    },
  };
}

export interface LabelLook {
  text: DataDrivenPropertyValueSpecification<FormattedSpecification>;
  size: DataDrivenPropertyValueSpecification<number>;
  colour: string;
  /** The ring that lifts the label off what lies beneath; null for none (a cluster's count). */
  halo: Ring | null;
}

/** The light halo of the document's and the reader's labels, `width` pixels wide. */
export const labelHalo = (width: number): Ring => ({ colour: COLOURS.labelHalo, width });

/**
 * The halo of the ground's labels (countries, towns, rivers): the land's colour, quieter than
 * the white halo of the document's and the reader's labels.
 */
export const GROUND_HALO: Ring = { colour: COLOURS.land, width: 1.2 };

/** A point's label: to its right, `offset` ems off, and left out where it would collide. */
export const besidePoint = (offset: number): SymbolLayerSpecification['layout'] => ({
  'text-anchor': 'left',
  'text-offset': [offset, 0],
  'text-optional': true,
});

/** A line's label: along the line, just above it. */
export const ALONG_LINE: SymbolLayerSpecification['layout'] = {
  'symbol-placement': 'line',
  'text-offset': [0, -1],
};

/** A label in the page's font; `placement` adds the rest of its layout (where, how spaced). */
export function label(
  { id, source, metadata, filter }: LayerTarget,
  { text, size, colour, halo }: LabelLook,
  placement: SymbolLayerSpecification['layout'] = {},
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    metadata,
    filter,
    layout: { 'text-field': text, 'text-font': LABEL_FONT, 'text-size': size, ...placement },
    paint: {
      'text-color': colour,
      ...(halo ? { 'text-halo-color': halo.colour, 'text-halo-width': halo.width } : {}),
    },
  };
}
