/**
 * Files imported with `?gzip` (vite.config.ts): emitted gzip-compressed as assets of the page's
 * origin; the module gives their URL. The world gazetteer (7 MB
 * of text, 2.8 MB gzip) is fetched so: a server that compresses as it sends (vite preview does,
 * for text) spends half a second on it, and a static host may not compress at all. The browser
 * (or the worker, with DecompressionStream) unpacks it. In the development server the file is
 * served as it is.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const QUERY = '?gzip';

export function gzippedAssets(): Plugin {
  let serving = false;
  return {
    name: 'gzipped-assets',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    load(id) {
      if (!id.endsWith(QUERY)) return undefined;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      if (serving) {
        return `export default ${JSON.stringify(`/@fs${file}`)};\n`;
      }
      // Level 9 and no file name or time in the header: the same bytes on every build.
      const reference = this.emitFile({
        type: 'asset',
        name: `${basename(file)}.gz`,
        source: gzipSync(readFileSync(file), { level: 9 }),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};\n`;
    },
  };
}
