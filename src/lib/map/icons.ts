/**
 * Map icons drawn as pixels, so the style needs no sprite server.
 */
import { COLOURS } from './style.ts';

export interface IconImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * The checkpoint: a diamond (a road sign's shape) in the checkpoint colour, outlined in white,
 * with a white bar across it, the barrier. 32×32 pixels, for a pixel ratio of 2.
 */
export function checkpointIcon(size = 32): IconImage {
  const data = new Uint8Array(size * size * 4);
  const [red, green, blue] = hexToRgb(COLOURS.checkpoint);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.abs(x - centre) + Math.abs(y - centre);
      const offset = (y * size + x) * 4;
      if (distance > radius) continue;
      const outline = distance > radius - 3;
      const bar = Math.abs(y - centre) <= size / 14 && Math.abs(x - centre) <= radius / 2;
      const white = outline || bar;
      data[offset] = white ? 255 : red;
      data[offset + 1] = white ? 255 : green;
      data[offset + 2] = white ? 255 : blue;
      data[offset + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
