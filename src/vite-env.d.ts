/// <reference types="svelte" />
/// <reference types="vite/client" />

/** A GeoJSON file parsed at build time (scripts/embedded-data.ts). */
declare module '*.geojson?embed' {
  const data: unknown;
  export default data;
}

/** A GeoJSON FeatureCollection as TopoJSON, made at build time (scripts/embedded-data.ts). */
declare module '*.geojson?topology' {
  const topology: import('topojson-specification').Topology;
  export default topology;
}

/** The same, on the coarser grid of the map's context (scripts/embedded-data.ts). */
declare module '*.geojson?context' {
  const topology: import('topojson-specification').Topology;
  export default topology;
}
