/**
 * The map as a PNG for reports: what the map shows, labels included, with a credit line.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MAP_BACKGROUND } from './style/theme.ts';

export const MAP_IMAGE_CREDIT =
  'Passage Atlas · basemap: Natural Earth; towns: GeoNames (CC BY 4.0); rivers and lakes: GSHHG/WDBII (LGPL) · places: the atlas gazetteer, with cited sources';

/** Reads the WebGL canvas inside a render frame (its buffer is not kept between frames). */
function captureCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d')!;
      // The style has no background layer: the map's container shows the colour, the image
      // must paint it under the canvas's transparent pixels.
      context.fillStyle = MAP_BACKGROUND;
      context.fillRect(0, 0, copy.width, copy.height);
      context.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

export async function mapImage(map: MapLibreMap): Promise<Blob> {
  const canvas = await captureCanvas(map);
  const context = canvas.getContext('2d')!;
  const scale = canvas.width / map.getCanvas().clientWidth || 1;
  const fontSize = Math.round(12 * scale);
  const padding = Math.round(6 * scale);
  context.font = `${fontSize}px "Noto Sans", "DejaVu Sans", sans-serif`;
  const textWidth = context.measureText(MAP_IMAGE_CREDIT).width;
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(
    canvas.width - textWidth - 2 * padding,
    canvas.height - fontSize - 2 * padding,
    textWidth + 2 * padding,
    fontSize + 2 * padding,
  );
  context.fillStyle = '#333333';
  context.textBaseline = 'bottom';
  context.fillText(MAP_IMAGE_CREDIT, canvas.width - textWidth - padding, canvas.height - padding);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The map image is empty'))),
      'image/png',
    ),
  );
}
