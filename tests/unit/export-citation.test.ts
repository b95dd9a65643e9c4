/**
 * What every export says about where its features come from: the contract's `document` member,
 * and on every feature of the document the flat `citation` that GDAL, QGIS and any tool reading
 * only the features keep; nothing invented for a layer the reader brought. And the page's
 * "Visible layers": a file that says it holds only the layers switched on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { documentCitation } from '../../src/lib/geo/citation.ts';
import { LAYER_NAMES, type AtlasLayer } from '../../src/lib/geo/contract.ts';
import {
  exportLayers,
  type ExportableLayer,
  type ExportRequest,
  type ImportedLayer,
} from '../../src/lib/geo/export.ts';
import { citationsSeenByOgrinfo } from './ogrinfo.ts';

const LAYERS = fileURLToPath(new URL('../../geodata/layers/', import.meta.url));
const committed: AtlasLayer[] = LAYER_NAMES.map((name) =>
  JSON.parse(readFileSync(join(LAYERS, `${name}.geojson`), 'utf8')),
);
const document = committed[0]!.document;
const citation = documentCitation(document);

const survey: ImportedLayer = {
  type: 'FeatureCollection',
  layer: 'survey',
  features: [
    {
      type: 'Feature',
      id: 1,
      geometry: { type: 'Point', coordinates: [46.7, 39.8] },
      properties: { name: 'Well' },
    },
    {
      type: 'Feature',
      id: 2,
      geometry: { type: 'Point', coordinates: [46.8, 39.9] },
      // A reader's own citation, of their own source: theirs to keep.
      properties: { name: 'Spring', citation: 'Field notes, 2024' },
    },
  ],
};

interface Exported {
  layer: string;
  document?: Record<string, string>;
  layers?: { layer: string; document?: Record<string, string>; ids: unknown[] }[];
  features: { id?: unknown; properties: Record<string, unknown> | null }[];
}

function exported(layers: readonly ExportableLayer[], request: ExportRequest): Exported {
  return JSON.parse(exportLayers(layers, request).text) as Exported;
}

describe('an export of the atlas’s layers', () => {
  const requests: ExportRequest[] = [
    ...LAYER_NAMES.map((layer) => ({ layer })),
    { layer: 'all' },
    { layer: 'all', bbox: [46.3, 39.4, 47.0, 40.1] },
    { layer: 'places', ids: ['yevlakh', 'baku'] },
  ];

  it.each(requests)('cites the document on every feature: %j', (request) => {
    const file = exported(committed, request);
    expect(file.features.length).toBeGreaterThan(0);
    for (const feature of file.features) {
      expect(feature.properties!.citation, String(feature.id)).toBe(citation);
      expect(Object.keys(feature.properties!).at(-1)).toBe('citation');
    }
  });

  it('carries the contract’s document member: title, publisher, date, file, checksum', () => {
    for (const request of requests) {
      const file = exported(committed, request);
      expect(file.document).toEqual({
        title:
          'It is important to ensure that the historic opportunity for durable peace is not missed',
        publisher: 'Ministry of Foreign Affairs of the Republic of Azerbaijan',
        published: '2023-08-14',
        file: 'mfa-azerbaijan-2023-08-lachin-road-statement.txt',
        sha256: document.sha256,
      });
    }
  });

  it('cites from the layer’s document, whatever its features say', () => {
    // A layer of the document whose features carry no citation, or an old one.
    const places = committed[3]!;
    const [first, second, ...rest] = places.features;
    const uncited = { ...first!.properties };
    delete uncited.citation;
    const layer: AtlasLayer = {
      ...places,
      features: [
        { ...first!, properties: uncited },
        { ...second!, properties: { ...second!.properties, citation: 'an old citation' } },
        ...rest,
      ],
    };
    for (const feature of exported([layer], { layer: 'places' }).features) {
      expect(feature.properties!.citation).toBe(citation);
    }
    // A document with its address known cites the address.
    const withAddress = { ...layer, document: { ...document, url: 'https://example.org/a' } };
    const file = exported([withAddress], { layer: 'places' });
    expect(file.document!.url).toBe('https://example.org/a');
    expect(Object.keys(file.document!)).toEqual([
      'title',
      'publisher',
      'published',
      'url',
      'file',
      'sha256',
    ]);
    expect(file.features[0]!.properties!.citation).toMatch(
      /, 14 August 2023, https:\/\/example\.org\/a$/,
    );
  });
});

describe('an export of a layer the reader brought', () => {
  it('invents no citation and no document; the reader’s own properties stay as they were', () => {
    const file = exported([survey], { layer: 'survey' });
    expect(file.document).toBeUndefined();
    expect(file.features.map((feature) => feature.properties)).toEqual([
      { name: 'Well' },
      { name: 'Spring', citation: 'Field notes, 2024' },
    ]);
  });

  it('beside the atlas’s layers: each layer’s document in the index, citations only on ours', () => {
    const file = exported([...committed, survey], { layer: 'all' });
    expect(file.document).toBeUndefined();
    expect(file.layers!.at(-1)).toEqual({ layer: 'survey', ids: [1, 2] });
    for (const entry of file.layers!.slice(0, -1)) expect(entry.document).toEqual(document);
    const theirs = file.features.slice(-2).map((feature) => feature.properties!.citation);
    expect(theirs).toEqual([undefined, 'Field notes, 2024']);
    for (const feature of file.features.slice(0, -2)) {
      expect(feature.properties!.citation).toBe(citation);
    }
  });
});

describe('the visible layers', () => {
  it('say so in the file’s layer member and name, and hold only the layers given', () => {
    const visible = [committed[2]!, survey];
    const result = exportLayers(visible, { layer: 'all', visibleOnly: true });
    expect(result.fileName).toBe('passage-atlas-visible-layers.geojson');
    const file = JSON.parse(result.text) as Exported;
    expect(file.layer).toBe('visible');
    expect(file.layers!.map((entry) => entry.layer)).toEqual(['routes', 'survey']);
    expect(result.featureCount).toBe(committed[2]!.features.length + survey.features.length);
  });
});

describe('what GDAL reads (ogrinfo -al), as QGIS would', () => {
  it('finds the citation on every feature of the document, and only there', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'passage-atlas-ogrinfo-'));
    try {
      const file = join(directory, 'mixed.geojson');
      const result = exportLayers([...committed, survey], { layer: 'all' });
      writeFileSync(file, result.text);
      const seen = await citationsSeenByOgrinfo(file);
      expect(seen.featureCount).toBe(result.featureCount);
      const ours = result.featureCount - survey.features.length;
      expect(seen.citations).toEqual([...Array(ours).fill(citation), 'Field notes, 2024']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 30_000);
});
