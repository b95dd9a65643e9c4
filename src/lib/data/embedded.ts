/**
 * The atlas's own data, embedded in the bundle at build time: the document, its layers and the
 * basemap. Nothing is fetched at run time, from anywhere.
 */
import documentText from '../../../geodata/source/mfa-azerbaijan-2023-08-lachin-road-statement.txt?raw';
import countries from '../../../geodata/basemap/countries.geojson?raw';
import countryLabels from '../../../geodata/basemap/country-labels.geojson?raw';
import sea from '../../../geodata/basemap/sea.geojson?raw';
import { LAYER_NAMES, type AtlasLayer } from '../geo/contract.ts';
import type { BasemapData } from '../map/style.ts';

const layerFiles = import.meta.glob<string>('../../../geodata/layers/*.geojson', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const DOCUMENT_TEXT: string = documentText;

export const BASEMAP: BasemapData = {
  countries: JSON.parse(countries),
  countryLabels: JSON.parse(countryLabels),
  sea: JSON.parse(sea),
};

/** The built layers, in the contract's stacking order. */
export const ATLAS_LAYERS: AtlasLayer[] = LAYER_NAMES.flatMap((name) => {
  const file = layerFiles[`../../../geodata/layers/${name}.geojson`];
  return file ? [JSON.parse(file) as AtlasLayer] : [];
});
