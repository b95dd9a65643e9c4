/**
 * The legend of a map image: what each symbol the map draws means, drawn on a canvas with the
 * map's own colours, widths and dash patterns. The entries come from the page (the layers the
 * reader has switched on, src/lib/ui/visible-legend.ts); this module only lays them out.
 */
import { canvasFont, wrapText } from './canvas-text.ts';

export type LegendSymbol =
  /** A line; `dashes` in line widths, as the style's `line-dasharray` (second 0: solid). */
  | { type: 'line'; colour: string; width: number; dashes: readonly number[] }
  /** A marker: a filled circle in a ring, with a dot of another colour at its centre or not. */
  | {
      type: 'circle';
      colour: string;
      radius: number;
      outline: string;
      outlineWidth: number;
      centre?: { colour: string; radius: number };
    }
  /** A label with no geometry drawn (an approximate place of an area). */
  | { type: 'label'; colour: string }
  /** A reader's layer: its colour, in the shapes its geometries are drawn as. */
  | { type: 'layer'; colour: string; point: boolean; line: boolean; area: boolean };

export interface LegendEntry {
  symbol: LegendSymbol;
  label: string;
  /** Said after the label, muted: a period, a note. */
  detail?: string | undefined;
}

/** Sizes in the legend's own units (CSS pixels at the image's scale): a symbol's swatch. */
export const SWATCH = { width: 36, height: 16 } as const;
/** The rest of the legend's layout, in the same units. */
const LAYOUT = {
  /** Between a swatch and its words. */
  gap: 8,
  fontSize: 12,
  lineHeight: 16,
  /** Between one row of entries and the next. */
  rowGap: 6,
  /** The narrowest a column of entries may be: as many columns as fit. */
  columnWidth: 250,
  columnGap: 18,
} as const;

export const LEGEND_COLOURS = { text: '#1f1f1f', muted: '#5c5c5c' } as const;

interface PlacedEntry {
  entry: LegendEntry;
  lines: string[];
  x: number;
  y: number;
}

/**
 * Where each entry goes in a box `width` wide (in device pixels, `unit` of them to a legend
 * unit): in as many columns as fit, row by row; and the height the legend takes.
 */
export function layoutLegend(
  context: CanvasRenderingContext2D,
  entries: readonly LegendEntry[],
  width: number,
  unit: number,
): { placed: PlacedEntry[]; height: number } {
  const columns = Math.max(
    1,
    Math.floor(
      (width + LAYOUT.columnGap * unit) / ((LAYOUT.columnWidth + LAYOUT.columnGap) * unit),
    ),
  );
  const columnWidth = (width - (columns - 1) * LAYOUT.columnGap * unit) / columns;
  const textWidth = columnWidth - (SWATCH.width + LAYOUT.gap) * unit;
  context.font = canvasFont(LAYOUT.fontSize * unit);
  const placed: PlacedEntry[] = [];
  let y = 0;
  for (let start = 0; start < entries.length; start += columns) {
    let rowHeight = SWATCH.height * unit;
    entries.slice(start, start + columns).forEach((entry, column) => {
      const text = entry.detail ? `${entry.label} (${entry.detail})` : entry.label;
      const lines = wrapText(context, text, textWidth);
      rowHeight = Math.max(rowHeight, lines.length * LAYOUT.lineHeight * unit);
      placed.push({ entry, lines, x: column * (columnWidth + LAYOUT.columnGap * unit), y });
    });
    y += rowHeight + LAYOUT.rowGap * unit;
  }
  return { placed, height: Math.max(0, y - LAYOUT.rowGap * unit) };
}

/** Draws a laid-out legend with its top left at (left, top). */
export function drawLegend(
  context: CanvasRenderingContext2D,
  placed: readonly PlacedEntry[],
  left: number,
  top: number,
  unit: number,
): void {
  for (const { entry, lines, x, y } of placed) {
    const swatchTop = top + y + Math.max(0, (LAYOUT.lineHeight - SWATCH.height) / 2) * unit;
    drawSymbol(context, entry.symbol, left + x, swatchTop, unit);
    context.font = canvasFont(LAYOUT.fontSize * unit);
    context.fillStyle = LEGEND_COLOURS.text;
    context.textBaseline = 'middle';
    lines.forEach((line, index) =>
      context.fillText(
        line,
        left + x + (SWATCH.width + LAYOUT.gap) * unit,
        top + y + (index + 0.5) * LAYOUT.lineHeight * unit,
      ),
    );
  }
}

/** One symbol in a swatch of SWATCH's size (times `unit`) with its top left at (left, top). */
export function drawSymbol(
  context: CanvasRenderingContext2D,
  symbol: LegendSymbol,
  left: number,
  top: number,
  unit: number,
): void {
  const middle = top + (SWATCH.height / 2) * unit;
  context.save();
  switch (symbol.type) {
    case 'line': {
      const width = symbol.width * unit;
      context.strokeStyle = symbol.colour;
      context.lineWidth = width;
      // The map's dashes are in line widths; a solid line has a gap of 0.
      context.setLineDash(symbol.dashes[1] === 0 ? [] : symbol.dashes.map((dash) => dash * width));
      context.beginPath();
      context.moveTo(left + 2 * unit, middle);
      context.lineTo(left + (SWATCH.width - 2) * unit, middle);
      context.stroke();
      break;
    }
    case 'circle': {
      const centreX = left + (SWATCH.width / 2) * unit;
      context.beginPath();
      context.arc(
        centreX,
        middle,
        (symbol.radius + symbol.outlineWidth / 2) * unit,
        0,
        2 * Math.PI,
      );
      context.fillStyle = symbol.colour;
      context.fill();
      context.lineWidth = symbol.outlineWidth * unit;
      context.strokeStyle = symbol.outline;
      context.stroke();
      if (symbol.centre) {
        context.beginPath();
        context.arc(centreX, middle, symbol.centre.radius * unit, 0, 2 * Math.PI);
        context.fillStyle = symbol.centre.colour;
        context.fill();
      }
      break;
    }
    case 'label':
      context.font = canvasFont(11 * unit, 400, 'italic');
      context.fillStyle = symbol.colour;
      context.textBaseline = 'middle';
      context.fillText('Abc', left + 4 * unit, middle);
      break;
    case 'layer':
      context.fillStyle = symbol.colour;
      context.strokeStyle = symbol.colour;
      if (symbol.area) {
        context.globalAlpha = 0.25;
        context.fillRect(left + 3 * unit, top + 3 * unit, 14 * unit, 10 * unit);
        context.globalAlpha = 1;
        context.lineWidth = 2 * unit;
        context.strokeRect(left + 3 * unit, top + 3 * unit, 14 * unit, 10 * unit);
      }
      if (symbol.line) {
        context.lineWidth = 2.5 * unit;
        context.beginPath();
        context.moveTo(left + 6 * unit, top + 12 * unit);
        context.lineTo(left + 30 * unit, top + 4 * unit);
        context.stroke();
      }
      if (symbol.point) {
        context.beginPath();
        context.arc(left + 28 * unit, middle, 4 * unit, 0, 2 * Math.PI);
        context.fill();
      }
      break;
  }
  context.restore();
}
