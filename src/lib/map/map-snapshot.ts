/**
 * The map's current view drawn at another pixel ratio, for an image or a printout.
 *
 * `renderSnapshot` keeps the page answering: it draws the view on a second map off-screen (the
 * reader's map is left as it is), lets the GPU finish in its own time, and reads the pixels back
 * through a pixel buffer in strips, yielding between them. Measured in software WebGL on this
 * project's machine (2 000 × 2 700 px): reading the reader's own map at that ratio froze the page
 * for 1–1.2 s twice (the frame, then the copy); reading one buffer of the off-screen map at once,
 * for 0.5–0.8 s.
 *
 * `captureNow` is for the browser's print, whose `beforeprint` waits on nothing asynchronous:
 * the reader's map, redrawn at the ratio and copied in one task.
 */
import { Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { MAP_BACKGROUND } from './style/theme.ts';
import { nextTask } from '../next-task.ts';

/** An image is at least this many pixels wide. */
export const IMAGE_MIN_WIDTH_PX = 2000;
/** ... and has this many times the screen's pixels. */
export const IMAGE_SCREEN_FACTOR = 2;
/** MapLibre's largest canvas by default, within every GPU's limit: a side is never longer. */
export const IMAGE_MAX_SIDE_PX = 4096;
/** How long the off-screen map may take to draw everything before the image is given up. */
export const SNAPSHOT_TIMEOUT_MS = 60_000;
/** Bytes read back per task: about 25 ms each in software WebGL. */
const STRIP_BYTES = 2_000_000;

/** The ratio a map of this CSS size is drawn at for an image: see the constants above. */
export function imagePixelRatio(cssWidth: number, cssHeight: number, screenRatio: number): number {
  const wanted = Math.max(IMAGE_SCREEN_FACTOR * screenRatio, IMAGE_MIN_WIDTH_PX / cssWidth);
  return Math.min(wanted, IMAGE_MAX_SIDE_PX / cssWidth, IMAGE_MAX_SIDE_PX / cssHeight);
}

/** The pixel size a map of this CSS size has at a ratio (as MapLibre rounds its canvas). */
export const pixelSize = (css: { width: number; height: number }, ratio: number) => ({
  width: Math.round(css.width * ratio),
  height: Math.round(css.height * ratio),
});

/** The CSS size of the map's view. */
export function viewSize(map: MapLibreMap): { width: number; height: number } {
  const container = map.getContainer();
  return { width: container.clientWidth, height: container.clientHeight };
}

/**
 * The live map's style for a picture: with a background of the sea's colour (the live style
 * leaves it to the page, which a picture has not), and without the highlight of the hovered
 * or chosen feature.
 */
function pictureStyle(map: MapLibreMap): StyleSpecification {
  const style = map.getStyle();
  const layers = style.layers.map((layer) =>
    (layer.metadata as Record<string, unknown> | undefined)?.['atlas:group'] === 'highlight'
      ? { ...layer, layout: { ...layer.layout, visibility: 'none' as const } }
      : layer,
  );
  return {
    ...style,
    layers: [
      {
        id: 'picture-background',
        type: 'background',
        paint: { 'background-color': MAP_BACKGROUND },
      },
      ...layers,
    ],
  } as StyleSpecification;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 16));

function whenIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the map did not finish drawing in time')),
      SNAPSHOT_TIMEOUT_MS,
    );
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Draws the live map's view at `pixelRatio` into `target` with its top left at (0, top): a
 * second map off-screen, of the same size, view and style.
 */
export async function renderSnapshot(
  live: MapLibreMap,
  pixelRatio: number,
  target: CanvasRenderingContext2D,
  top: number,
): Promise<void> {
  const css = viewSize(live);
  const view = {
    center: live.getCenter(),
    zoom: live.getZoom(),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
  };
  const style = pictureStyle(live);
  // The caller's work (laying out the image's text) and the new map's each take a task.
  await nextTask();
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.inert = true;
  holder.style.cssText = `position:fixed;left:-${css.width + 100}px;top:0;width:${css.width}px;height:${css.height}px;pointer-events:none`;
  document.body.append(holder);
  let map: MapLibreMap | null = null;
  try {
    map = new MapLibreMap({
      container: holder,
      style,
      ...view,
      pixelRatio,
      maxCanvasSize: [IMAGE_MAX_SIDE_PX, IMAGE_MAX_SIDE_PX],
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      validateStyle: false,
      // Kept so that the pixels can be read in a later task, once the GPU has drawn them.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    await whenIdle(map);
    await readBack(map.getCanvas(), target, top);
  } finally {
    map?.remove();
    holder.remove();
  }
}

/** Copies a WebGL canvas into `target` without waiting on the GPU in any one task. */
async function readBack(
  canvas: HTMLCanvasElement,
  target: CanvasRenderingContext2D,
  top: number,
): Promise<void> {
  const gl = canvas.getContext('webgl2');
  if (!gl) {
    target.drawImage(canvas, 0, top);
    return;
  }
  const { width, height } = canvas;
  const rowBytes = width * 4;
  const buffer = gl.createBuffer();
  try {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
    gl.bufferData(gl.PIXEL_PACK_BUFFER, rowBytes * height, gl.STREAM_READ);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
    gl.flush();
    const deadline = performance.now() + SNAPSHOT_TIMEOUT_MS;
    while (gl.clientWaitSync(fence, 0, 0) === gl.TIMEOUT_EXPIRED) {
      if (performance.now() > deadline) throw new Error('the GPU did not finish the image in time');
      await nextFrame();
    }
    gl.deleteSync(fence);
    // WebGL's rows run from the bottom up: each strip is read, then turned the right way.
    const rowsPerStrip = Math.max(1, Math.floor(STRIP_BYTES / rowBytes));
    for (let stripTop = 0; stripTop < height; stripTop += rowsPerStrip) {
      const rows = Math.min(rowsPerStrip, height - stripTop);
      const bottomUp = new Uint8Array(rows * rowBytes);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
      gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, (height - stripTop - rows) * rowBytes, bottomUp);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      const strip = target.createImageData(width, rows);
      for (let row = 0; row < rows; row++) {
        strip.data.set(
          bottomUp.subarray((rows - 1 - row) * rowBytes, (rows - row) * rowBytes),
          row * rowBytes,
        );
      }
      target.putImageData(strip, 0, top + stripTop);
      await nextTask();
    }
  } finally {
    gl.deleteBuffer(buffer);
  }
}

/**
 * The reader's map drawn at `pixelRatio` into `target` (resized to it), in this task: the
 * browser shows no frame in between, so nothing flickers. The map's own ratio is given back.
 */
export function captureNow(map: MapLibreMap, pixelRatio: number, target: HTMLCanvasElement): void {
  try {
    map.setPixelRatio(pixelRatio);
    map.redraw();
    const source = map.getCanvas();
    target.width = source.width;
    target.height = source.height;
    const context = target.getContext('2d')!;
    // The style has no background: the container's colour shows through, the copy paints it.
    context.fillStyle = MAP_BACKGROUND;
    context.fillRect(0, 0, target.width, target.height);
    context.drawImage(source, 0, 0);
  } finally {
    // Documented: null gives the map back to the screen's own ratio (the type says number).
    map.setPixelRatio(null as unknown as number);
    map.redraw();
  }
}
