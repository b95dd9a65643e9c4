/** What a page load transferred: the gzip bytes of every built file it asked for. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PageLoad } from './page-load.ts';
import { round } from './util.ts';

/** The file of the build a same-origin URL was served from, or null. */
function builtFile(dist: string, origin: string, url: string): string | null {
  if (!url.startsWith(`${origin}/`)) return null;
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(dist, `.${path}`);
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

/** Already-compressed formats a server sends as they are. */
const PRECOMPRESSED = /\.(woff2?|png|jpe?g|webp|avif|gz|br)$/i;

export interface FirstLoad {
  kB: number;
  files: { path: string; rawBytes: number; gzipBytes: number }[];
  /** Requests the page made that are not files of the build (other origins, data:, blob:). */
  other: string[];
}

/** Gzip bytes of every built file the load requested (1 kB = 1000 bytes). */
export function firstLoad(load: PageLoad, dist: string, origin: string): FirstLoad {
  const files: FirstLoad['files'] = [];
  const other: string[] = [];
  const seen = new Set<string>();
  for (const request of load.requests) {
    const file = builtFile(dist, origin, request.url);
    if (!file) {
      if (!request.url.startsWith('data:')) other.push(request.url.slice(0, 120));
      continue;
    }
    if (seen.has(file)) continue;
    seen.add(file);
    const body = readFileSync(file);
    const gzipBytes = PRECOMPRESSED.test(file) ? body.length : gzipSync(body).length;
    files.push({ path: file.slice(dist.length + 1), rawBytes: body.length, gzipBytes });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (pick: (file: FirstLoad['files'][number]) => number) =>
    files.reduce((total, file) => total + pick(file), 0);
  return { kB: round(sum((file) => file.gzipBytes) / 1000), files, other };
}
