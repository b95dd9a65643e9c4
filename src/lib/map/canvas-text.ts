/**
 * Text on a 2D canvas, which neither wraps nor knows the page's fonts by name: lines cut at
 * word breaks to a width, and the fonts the page ships.
 */

/** The page's own face (bundled Noto Sans), then the system's. */
export const CANVAS_FONT_FAMILY = '"Noto Sans", "DejaVu Sans", sans-serif';

export const canvasFont = (sizePx: number, weight = 400, style = 'normal') =>
  `${style} ${weight} ${Math.round(sizePx * 10) / 10}px ${CANVAS_FONT_FAMILY}`;

/**
 * The text cut into lines no wider than `maxWidth` in the context's current font, at spaces; a
 * word wider than a line (a web address) is cut where it must be.
 */
export function wrapText(
  context: Pick<CanvasRenderingContext2D, 'measureText'>,
  text: string,
  maxWidth: number,
): string[] {
  const fits = (line: string) => context.measureText(line).width <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word too long for a line: cut it by characters.
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
