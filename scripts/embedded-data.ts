/**
 * How the page embeds its data (vite.config.ts): a GeoJSON file imported with a query is read
 * at build time and becomes a module whose JSON is parsed once at start (JSON.parse of one
 * string: quicker to start than an object literal).
 *
 * - `?embed`: the file as it is, compact. A built layer (geodata/layers) leaves out its mentions'
 *   text and excerpts, which the page cuts from the document (src/lib/geo/embedded-layer.ts).
 * - `?topology`: a FeatureCollection as TopoJSON (topojson-server), quantized to a grid of
 *   TOPOLOGY_QUANTIZATION steps across its extent: each border shared by two countries is
 *   stored once, as small integer steps. For the basemap that is 4.6 kB gzip instead of
 *   10.6 kB; the page turns it back into GeoJSON with topojson-client.
 * - `?context`: the same, on a coarser grid of CONTEXT_QUANTIZATION steps, for the map's context
 *   (the world, towns, rivers and lakes: geodata/basemap), whose files keep fewer decimals.
 */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { AtlasLayer } from '../src/lib/geo/contract.ts';
import { embedLayer } from '../src/lib/geo/embedded-layer.ts';

/** Steps across the extent: for the basemap's 8° × 4.5° about 8 m, finer than its 1:10m source. */
export const TOPOLOGY_QUANTIZATION = 100_000;

/**
 * Steps across the extent of a context file: for the world about 4 km (it is drawn at 1:110m),
 * for the region's towns and water about 80 m, finer than the 3 decimals they keep.
 */
export const CONTEXT_QUANTIZATION = 10_000;

/** The name of the one object in an embedded topology. */
export const TOPOLOGY_OBJECT = 'features';

const asModule = (data: unknown) =>
  `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;

/** The module for `file` imported with `query`, or undefined when the query is not ours. */
export function embeddedModule(file: string, query: string, text: string): string | undefined {
  if (!file.endsWith('.geojson')) return undefined;
  if (query === 'embed') {
    const data = JSON.parse(text);
    return asModule(
      /[\\/]geodata[\\/]layers[\\/]/.test(file) ? embedLayer(data as AtlasLayer) : data,
    );
  }
  if (query === 'topology' || query === 'context') {
    const collection = JSON.parse(text) as FeatureCollection;
    const steps = query === 'topology' ? TOPOLOGY_QUANTIZATION : CONTEXT_QUANTIZATION;
    return asModule(topology({ [TOPOLOGY_OBJECT]: collection }, steps));
  }
  return undefined;
}
