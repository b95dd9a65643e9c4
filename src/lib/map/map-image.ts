/**
 * The map as a PNG fit to publish: the view as the reader sees it, at twice the screen's pixels
 * and at least 2 000 px wide (map-snapshot.ts), under a band with the document's title and
 * date (and the "as of" date where the page has one), with a scale bar, and over a band with the
 * legend of what is shown and the credit: the document's citation and the data's sources.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { canvasFont, wrapText } from './canvas-text.ts';
import { drawLegend, layoutLegend, LEGEND_COLOURS, type LegendEntry } from './image-legend.ts';
import { nextTask } from '../next-task.ts';
import { imagePixelRatio, pixelSize, renderSnapshot, viewSize } from './map-snapshot.ts';

/** The sources of the map's data, as the README's Attribution names them. */
export const MAP_IMAGE_CREDIT =
  'Map: Passage Atlas · countries and the world: Natural Earth (public domain) · towns and villages: GeoNames (CC BY 4.0) · rivers and lakes: GSHHG/WDBII (LGPL) · places: the atlas gazetteer, each coordinate cited';

/** What the image says beside the map, each in words the page has made. */
export interface MapImageText {
  /** The document's title. */
  title: string;
  /** The publisher and the date. */
  subtitle: string;
  /** "As of 1 August 2023: …", where the page shows the map at a date; else null. */
  asOf: string | null;
  legend: readonly LegendEntry[];
  /** The lines of the credit, the document's citation first. */
  credits: readonly string[];
}

/** The bands' sizes in CSS pixels at the image's scale ("units"). */
const MARGIN = 16;
const BAND_WIDTH_CSS = 700;
const SCALE_MAX_CSS = 100;

/**
 * How many device pixels a unit of the bands is: the map's own ratio, so that their text reads
 * as large as the map's labels; but on a wide map no larger than a 700 px page would have it.
 */
export const bandUnit = (imageWidth: number, pixelRatio: number) =>
  Math.min(pixelRatio, imageWidth / BAND_WIDTH_CSS);

/** A scale bar's length, rounded as maps round it (1, 2, 3, 5 × 10ⁿ), and its label. */
export function scaleBar(
  metresPerCssPixel: number,
  maxCssWidth: number,
): { cssWidth: number; label: string } {
  const maxMetres = metresPerCssPixel * maxCssWidth;
  const magnitude = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 3, 2, 1].find((candidate) => candidate * magnitude <= maxMetres) ?? 1;
  const metres = step * magnitude;
  return {
    cssWidth: metres / metresPerCssPixel,
    label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`,
  };
}

interface TextBlock {
  lines: string[];
  font: string;
  colour: string;
  lineHeight: number;
}

function block(
  context: CanvasRenderingContext2D,
  text: string,
  font: string,
  colour: string,
  lineHeight: number,
  width: number,
): TextBlock {
  context.font = font;
  return { lines: wrapText(context, text, width), font, colour, lineHeight };
}

const blockHeight = (blocks: readonly TextBlock[]) =>
  blocks.reduce((sum, each) => sum + each.lines.length * each.lineHeight, 0);

function drawBlocks(
  context: CanvasRenderingContext2D,
  blocks: readonly TextBlock[],
  left: number,
  top: number,
): number {
  let y = top;
  context.textBaseline = 'middle';
  for (const each of blocks) {
    context.font = each.font;
    context.fillStyle = each.colour;
    for (const line of each.lines) {
      context.fillText(line, left, y + each.lineHeight / 2);
      y += each.lineHeight;
    }
  }
  return y;
}

/** The scale bar of the map's view now, measured across its middle as MapLibre's own is. */
function viewScaleBar(map: MapLibreMap) {
  const { height } = viewSize(map);
  const left = map.unproject([0, height / 2]);
  const right = map.unproject([SCALE_MAX_CSS, height / 2]);
  return scaleBar(left.distanceTo(right) / SCALE_MAX_CSS, SCALE_MAX_CSS);
}

function drawScaleBar(
  context: CanvasRenderingContext2D,
  bar: { cssWidth: number; label: string },
  mapTop: number,
  mapHeight: number,
  pixelRatio: number,
): void {
  const x = 10 * pixelRatio;
  const bottom = mapTop + mapHeight - 10 * pixelRatio;
  const barHeight = 18 * pixelRatio;
  const width = bar.cssWidth * pixelRatio;
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(x, bottom - barHeight, width, barHeight);
  context.strokeStyle = '#333333';
  context.lineWidth = 1.5 * pixelRatio;
  context.beginPath();
  context.moveTo(x, bottom - barHeight);
  context.lineTo(x, bottom);
  context.lineTo(x + width, bottom);
  context.lineTo(x + width, bottom - barHeight);
  context.stroke();
  context.fillStyle = '#333333';
  context.font = canvasFont(11 * pixelRatio);
  context.textBaseline = 'middle';
  context.fillText(bar.label, x + 4 * pixelRatio, bottom - barHeight / 2);
}

/** The image: the title band, the map with its scale bar, the legend and the credit. */
export async function mapImage(map: MapLibreMap, text: MapImageText): Promise<Blob> {
  // The page first shows that it is at work.
  await nextTask();
  const css = viewSize(map);
  const ratio = imagePixelRatio(css.width, css.height, globalThis.devicePixelRatio || 1);
  const mapSize = pixelSize(css, ratio);
  const unit = bandUnit(mapSize.width, ratio);
  const margin = MARGIN * unit;
  const textWidth = mapSize.width - 2 * margin;

  const canvas = document.createElement('canvas');
  canvas.width = mapSize.width;
  // Drawn on by the CPU: the map comes in as pixels, and the PNG is encoded from them. A canvas
  // on the GPU would take each strip there and read it all back (in software WebGL, 2–3 times
  // slower, measured).
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const heading = [
    block(
      context,
      'Passage Atlas',
      canvasFont(11 * unit, 600),
      LEGEND_COLOURS.muted,
      16 * unit,
      textWidth,
    ),
    block(
      context,
      text.title,
      canvasFont(20 * unit, 600),
      LEGEND_COLOURS.text,
      27 * unit,
      textWidth,
    ),
    block(context, text.subtitle, canvasFont(13 * unit), LEGEND_COLOURS.text, 19 * unit, textWidth),
    ...(text.asOf
      ? [
          block(
            context,
            text.asOf,
            canvasFont(13 * unit, 600),
            LEGEND_COLOURS.text,
            19 * unit,
            textWidth,
          ),
        ]
      : []),
  ];
  const legend = layoutLegend(context, text.legend, textWidth, unit);
  const legendHeading = block(
    context,
    'Legend',
    canvasFont(12 * unit, 600),
    LEGEND_COLOURS.text,
    20 * unit,
    textWidth,
  );
  const credits = text.credits.map((line) =>
    block(context, line, canvasFont(11 * unit), LEGEND_COLOURS.muted, 15 * unit, textWidth),
  );
  const titleBand = blockHeight(heading) + 2 * margin;
  const legendBand =
    text.legend.length > 0 ? blockHeight([legendHeading]) + legend.height + margin : 0;
  const footBand = margin + legendBand + blockHeight(credits) + margin;
  // Setting the height clears the canvas: set before drawing, and every state with it.
  canvas.height = titleBand + mapSize.height + footBand;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  drawBlocks(context, heading, margin, margin);

  // Both of the view as it is now: the reader may move the map while the image is made.
  const bar = viewScaleBar(map);
  await renderSnapshot(map, ratio, context, titleBand);
  drawScaleBar(context, bar, titleBand, mapSize.height, ratio);

  let y = titleBand + mapSize.height + margin;
  if (text.legend.length > 0) {
    y = drawBlocks(context, [legendHeading], margin, y);
    drawLegend(context, legend.placed, margin, y, unit);
    y += legend.height + margin;
  }
  drawBlocks(context, credits, margin, y);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
      'image/png',
    ),
  );
}
