/**
 * The committed layers (geodata/layers/*.geojson): what a fresh build writes, byte for byte, and
 * valid GeoJSON that keeps the data contract (shared/design/data-contract.md).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { getIssues } from '@placemarkio/check-geojson';
import { booleanClockwise } from '@turf/boolean-clockwise';
import { length as turfLength } from '@turf/length';
import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';

import { GEODATA_DIRECTORY, readBuildInput, readGazetteer } from '../../scripts/geodata-files.ts';
import { buildLayers } from '../../src/lib/geo/build-layers.ts';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import { linesOf } from '../../src/lib/geo/geometry-lines.ts';
import { formatJson } from '../../src/lib/geo/layer-file.ts';

/** The contract's lists, restated here so that a change to either side is noticed. */
const ALLOWED_KINDS = ['route', 'settlement', 'checkpoint', 'region', 'country', 'border'];
const ALLOWED_QUALITIES = ['surveyed', 'schematic', 'approximate'];

const LAYERS_DIRECTORY = join(GEODATA_DIRECTORY, 'layers');
const layerFiles = readdirSync(LAYERS_DIRECTORY)
  .filter((file) => file.endsWith('.geojson'))
  .sort();
const layerText = new Map(
  layerFiles.map((file) => [file, readFileSync(join(LAYERS_DIRECTORY, file), 'utf8')]),
);
const layers = layerFiles.map((file) => ({
  file,
  layer: JSON.parse(layerText.get(file)!) as AtlasLayer,
}));
const features: AtlasFeature[] = layers.flatMap(({ layer }) => layer.features);
const featureById = (id: string) => features.find((feature) => feature.id === id);

const positionsOf = (geometry: Geometry): Position[] => linesOf(geometry).flat();

/** Polygons as lists of rings, exterior ring first. */
function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function decimalPlaces(value: number): number {
  const written = String(value);
  if (/e/i.test(written)) return Infinity; // 1e-7 and the like: more than six decimals
  return written.split('.')[1]?.length ?? 0;
}

describe('the committed layers', () => {
  it('are exactly what a fresh build writes, byte for byte, with no stale file', () => {
    const built = buildLayers(readBuildInput());
    expect(layerFiles).toEqual(built.map((layer) => `${layer.layer}.geojson`).sort());
    for (const layer of built) {
      expect(layerText.get(`${layer.layer}.geojson`), layer.layer).toBe(formatJson(layer));
    }
  });

  it('pass the check-geojson validator', () => {
    for (const [file, text] of layerText) expect(getIssues(text), file).toEqual([]);
  });

  it('are FeatureCollections named for their file, without a crs member', () => {
    for (const { file, layer } of layers) {
      expect(layer.type, file).toBe('FeatureCollection');
      expect(`${layer.layer}.geojson`).toBe(file);
      expect(layer, file).not.toHaveProperty('crs');
      for (const feature of layer.features) expect(feature, feature.id).not.toHaveProperty('crs');
    }
  });

  it('record the document as the contract says, with the SHA-256 of the source as on disk', () => {
    const { document } = readGazetteer();
    const bytes = readFileSync(join(GEODATA_DIRECTORY, 'source', document.file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (const { file, layer } of layers) {
      // In the contract's order; the address, which could not be established, left out.
      expect(Object.keys(layer.document), file).toEqual([
        'title',
        'publisher',
        'published',
        'file',
        'sha256',
      ]);
      expect(layer.document, file).toEqual({
        title:
          'It is important to ensure that the historic opportunity for durable peace is not missed',
        publisher: 'Ministry of Foreign Affairs of the Republic of Azerbaijan',
        published: '2023-08-14',
        file: document.file,
        sha256,
      });
    }
  });

  it('cite the document on every feature, in one line a tool reading only features keeps', () => {
    for (const feature of features) {
      expect(feature.properties.citation, feature.id).toBe(
        'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure ' +
          'that the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
          'web address not established',
      );
      expect(Object.keys(feature.properties).at(-1), feature.id).toBe('citation');
    }
  });
});

describe('the geometry of every feature', () => {
  it('has longitude in -180..180, latitude in -90..90, at most six decimals', () => {
    for (const feature of features) {
      const positions = positionsOf(feature.geometry);
      expect(positions.length, feature.id).toBeGreaterThan(0);
      for (const position of positions) {
        const [longitude = NaN, latitude = NaN] = position;
        expect(position.length, feature.id).toBe(2);
        expect(Math.abs(longitude), feature.id).toBeLessThanOrEqual(180);
        expect(Math.abs(latitude), feature.id).toBeLessThanOrEqual(90);
        expect(decimalPlaces(longitude), `${feature.id}: ${longitude}`).toBeLessThanOrEqual(6);
        expect(decimalPlaces(latitude), `${feature.id}: ${latitude}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('winds polygon exteriors counter-clockwise and holes clockwise', () => {
    for (const feature of features) {
      for (const [exterior, ...holes] of polygonsOf(feature.geometry)) {
        expect(booleanClockwise(exterior!), feature.id).toBe(false);
        for (const hole of holes) expect(booleanClockwise(hole), feature.id).toBe(true);
      }
    }
  });

  it('gives routes their turf length in kilometres, to 0.1 km', () => {
    const routes = features.filter((feature) => feature.properties.kind === 'route');
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const kilometres = turfLength(
        { type: 'Feature', geometry: route.geometry, properties: {} },
        { units: 'kilometers' },
      );
      expect(route.properties.lengthKm, route.id).toBe(Math.round(kilometres * 10) / 10);
    }
  });
});

describe('the properties of every feature', () => {
  it('have ids that are lowercase slugs, unique across all layers', () => {
    const ids = features.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('cite at least one source, each with a title and an http(s) URL', () => {
    for (const feature of features) {
      const { sources } = feature.properties;
      expect(sources.length, feature.id).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.title.trim(), feature.id).not.toBe('');
        expect(new URL(source.url).protocol, feature.id).toMatch(/^https?:$/);
      }
    }
  });

  it('use only the contract’s kinds and geometry qualities', () => {
    for (const feature of features) {
      expect(ALLOWED_KINDS, feature.id).toContain(feature.properties.kind);
      expect(ALLOWED_QUALITIES, feature.id).toContain(feature.properties.geometryQuality);
    }
  });

  it('are named as the text first writes them, other names kept as variants', () => {
    for (const feature of features) {
      const [first] = feature.properties.mentions;
      expect(first, feature.id).toBeDefined();
      expect(feature.properties.name, feature.id).toBe(first!.text.replace(/\s+/g, ' '));
    }
    expect(featureById('khankendi')?.properties.name).toBe('Khankendi');
    expect(featureById('khankendi')?.properties.variants.map((v) => v.name)).toContain(
      'Stepanakert',
    );
    expect(featureById('aghdam-khankendi-road')?.properties.name).toBe('Aghdam-Khankendi road');
  });
});
