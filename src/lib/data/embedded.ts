/**
 * The atlas's own data, embedded in the bundle at build time: the document, its layers and the
 * basemap. Nothing is fetched at run time, from anywhere.
 */
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import documentText from '../../../geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt?raw';
import countriesTopology from '../../../geodata/basemap/countries.geojson?topology';
import countryLabels from '../../../geodata/basemap/country-labels.geojson?embed';
import { BASEMAP_BOUNDS } from '../geo/basemap-bounds.ts';
import { LAYER_NAMES, type AtlasLayer } from '../geo/contract.ts';
import { restoreLayer, type EmbeddedLayer } from '../geo/embedded-layer.ts';
import type { BasemapData } from '../map/style/features.ts';

const layerFiles = import.meta.glob<EmbeddedLayer>('../../../geodata/layers/*.geojson', {
  query: '?embed',
  import: 'default',
  eager: true,
});

export const DOCUMENT_TEXT: string = documentText;

/** An embedded topology's one object (scripts/embedded-data.ts), back as GeoJSON. */
export const collectionOf = (topology: Topology) =>
  feature(topology, Object.values(topology.objects)[0]!) as unknown as FeatureCollection;

const countries = collectionOf(countriesTopology);

export const BASEMAP = { countries, countryLabels, bounds: BASEMAP_BOUNDS } as BasemapData;

/** The built layers, in the contract's stacking order, each mention's words cut from the text. */
export const ATLAS_LAYERS: AtlasLayer[] = LAYER_NAMES.flatMap((name) => {
  const file = layerFiles[`../../../geodata/layers/${name}.geojson`];
  return file ? [restoreLayer(file, DOCUMENT_TEXT)] : [];
});
