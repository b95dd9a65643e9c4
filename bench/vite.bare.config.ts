/**
 * Vite config of the bench's bare MapLibre page (bench/bare): the yardstick the app's start-up is
 * measured against. Bundles maplibre-gl the way the app does; built by `npm run bench`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./bare', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The page reads ../../geodata and ../../node_modules: let Vite reach the repository.
  server: { host: '127.0.0.1', fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: fileURLToPath(new URL('./bare/dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
