import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  embeddedModule,
  TOPOLOGY_OBJECT,
  TOPOLOGY_QUANTIZATION,
} from '../../scripts/embedded-data.ts';
import { BASEMAP_BOUNDS } from '../../src/lib/geo/basemap-bounds.ts';
import type { AtlasLayer } from '../../src/lib/geo/contract.ts';
import { embedLayer } from '../../src/lib/geo/embedded-layer.ts';

/** What a generated module exports: it is `export default JSON.parse("...")`. */
function exported(module: string | undefined): unknown {
  const match = /^export default JSON\.parse\((".*")\);$/s.exec(module ?? '');
  expect(match, module?.slice(0, 80)).not.toBeNull();
  return JSON.parse(JSON.parse(match![1]!));
}

const countriesFile = 'geodata/basemap/countries.geojson';
const countriesText = readFileSync(countriesFile, 'utf8');

describe('the data modules the page is built with', () => {
  it('?embed: a built layer without its mentions’ words, anything else as it is', () => {
    const routesFile = `${process.cwd()}/geodata/layers/routes.geojson`;
    const routes = readFileSync(routesFile, 'utf8');
    expect(exported(embeddedModule(routesFile, 'embed', routes))).toEqual(
      embedLayer(JSON.parse(routes) as AtlasLayer),
    );
    const labels = readFileSync('geodata/basemap/country-labels.geojson', 'utf8');
    expect(exported(embeddedModule('/x/country-labels.geojson', 'embed', labels))).toEqual(
      JSON.parse(labels),
    );
  });

  it('?topology: the basemap’s countries come back from TopoJSON with their names, within one step', () => {
    const original = JSON.parse(countriesText) as FeatureCollection<Polygon | MultiPolygon>;
    const topology = exported(embeddedModule(countriesFile, 'topology', countriesText)) as Topology;
    const decoded = feature(
      topology,
      topology.objects[TOPOLOGY_OBJECT]!,
    ) as unknown as FeatureCollection<Polygon | MultiPolygon>;
    expect(decoded.features.map((country) => country.properties)).toEqual(
      original.features.map((country) => country.properties),
    );
    const [west, south, east, north] = BASEMAP_BOUNDS;
    const step = Math.max(east - west, north - south) / (TOPOLOGY_QUANTIZATION - 1);
    const near = (a: Position, b: Position) =>
      Math.abs(a[0]! - b[0]!) <= step && Math.abs(a[1]! - b[1]!) <= step;
    const rings = (collection: FeatureCollection<Polygon | MultiPolygon>): Position[][] =>
      collection.features.flatMap((country) =>
        country.geometry.type === 'Polygon'
          ? country.geometry.coordinates
          : country.geometry.coordinates.flat(),
      );
    const before = rings(original);
    const after = rings(decoded);
    expect(after).toHaveLength(before.length);
    // The same rings, vertex for vertex; the topology may start a ring at another vertex.
    before.forEach((ring, index) => {
      const open = ring.slice(0, -1);
      const decodedOpen = after[index]!.slice(0, -1);
      expect(decodedOpen).toHaveLength(open.length);
      const shift = decodedOpen.findIndex((position) => near(position, open[0]!));
      expect(shift).toBeGreaterThanOrEqual(0);
      open.forEach((position, offset) =>
        expect(near(decodedOpen[(shift + offset) % open.length]!, position)).toBe(true),
      );
    });
    // Much smaller: shared borders once, small integers.
    expect(JSON.stringify(topology).length).toBeLessThan(countriesText.length / 2);
  });

  it('leaves other files and queries to Vite', () => {
    expect(embeddedModule('/x/countries.geojson', 'raw', countriesText)).toBeUndefined();
    expect(embeddedModule('/x/notes.txt', 'embed', 'text')).toBeUndefined();
  });
});
