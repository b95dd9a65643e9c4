import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { withoutEmbeddedImages } from './scripts/maplibre-css.ts';
import { embeddedModule } from './scripts/embedded-data.ts';
import { gzippedAssets } from './scripts/gzipped-asset.ts';

/** MapLibre's stylesheet, less the control icons and logo the atlas never shows. */
const trimMapLibreCss: Plugin = {
  name: 'trim-maplibre-css',
  enforce: 'pre',
  transform: (code, id) =>
    /maplibre-gl\/dist\/maplibre-gl\.css$/.test(id) ? withoutEmbeddedImages(code) : undefined,
};

/** GeoJSON imported with `?embed`, `?topology` or `?context`: made at build time (scripts/embedded-data.ts). */
const embeddedGeoJson: Plugin = {
  name: 'embedded-geojson',
  enforce: 'pre',
  load(id) {
    const [file = '', query = ''] = id.split('?');
    if (!file.endsWith('.geojson') || !['embed', 'topology', 'context'].includes(query))
      return undefined;
    this.addWatchFile(file);
    return embeddedModule(file, query, readFileSync(file, 'utf8'));
  },
};

/** The policy as a meta tag in the built page (the dev server's injected scripts would break it). */
const contentSecurityPolicyMeta: Plugin = {
  name: 'content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

/**
 * Preloads the face the first view draws with, so that it loads beside the script instead of
 * after it (the map waits for its label font). Only the regular one: the semi-bold is for the
 * panels' headings, which come after the map's first view and load it then.
 */
const preloadFirstFonts: Plugin = {
  name: 'preload-first-fonts',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, context) =>
      Object.keys(context.bundle ?? {})
        .filter((fileName) => /noto-sans-latin-400-normal-[\w-]+\.woff2$/.test(fileName))
        .sort()
        .map((fileName) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `/${fileName}`,
            as: 'font',
            type: 'font/woff2',
            crossorigin: '',
          },
          injectTo: 'head' as const,
        })),
  },
};

export default defineConfig({
  plugins: [
    trimMapLibreCss,
    embeddedGeoJson,
    svelte(),
    contentSecurityPolicyMeta,
    preloadFirstFonts,
  ],
  // Every browser the atlas runs in preloads modules itself: no polyfill in the first load.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
    // MapLibre in a chunk of its own name (shared by the page's start and the app).
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
        // Chunks of packages built to dist/esm/index.js would all be named "esm": name them after
        // the packages they hold instead (turf-along, turf-helpers-turf-invariant…).
        chunkFileNames: (chunk) => {
          if (chunk.name !== 'esm') return 'assets/[name]-[hash].js';
          // The package the chunk is loaded for, or else every package in it.
          const ids = chunk.facadeModuleId ? [chunk.facadeModuleId] : chunk.moduleIds;
          const packages = new Set(
            ids.flatMap((id) => {
              const scoped = /node_modules[\\/]@([^\\/]+)[\\/]([^\\/]+)/.exec(id);
              return scoped ? [`${scoped[1]}-${scoped[2]}`] : [];
            }),
          );
          return `assets/${[...packages].sort().join('-') || '[name]'}-[hash].js`;
        },
      },
    },
  },
  // The place finder's worker fetches the world gazetteer compressed (scripts/gzipped-asset.ts).
  worker: { plugins: () => [gzippedAssets()] },
  server: { host: '127.0.0.1' },
  preview: {
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` },
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
