/**
 * Mentions on the real document: what the committed layers say about where the text names each
 * place, and that the build refuses a gazetteer it cannot stand behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';

import { GEODATA_DIRECTORY, readGazetteer } from '../../scripts/geodata-files.ts';
import { buildLayers, GazetteerError } from '../../src/lib/geo/build-layers.ts';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import type { Gazetteer, GazetteerEntry } from '../../src/lib/geo/gazetteer.ts';
import type { Mention } from '../../src/lib/text/mentions.ts';
import { findSentences } from '../../src/lib/text/sentences.ts';

const gazetteer = readGazetteer();
const documentText = readFileSync(
  join(GEODATA_DIRECTORY, 'source', gazetteer.document.file),
  'utf8',
);
const layersDirectory = join(GEODATA_DIRECTORY, 'layers');
const layers = readdirSync(layersDirectory)
  .filter((file) => file.endsWith('.geojson'))
  .map((file) => JSON.parse(readFileSync(join(layersDirectory, file), 'utf8')) as AtlasLayer);
const features: AtlasFeature[] = layers.flatMap((layer) => layer.features);

function feature(id: string): AtlasFeature {
  const found = features.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no feature "${id}" in the committed layers`);
  return found;
}
const mentionsOf = (id: string): Mention[] => feature(id).properties.mentions;

function entry(id: string): GazetteerEntry {
  const found = gazetteer.entries.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no gazetteer entry "${id}"`);
  return found;
}

/** The contract's excerpt: each run of white space as one space, trimmed. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A name as a form: every hyphen or dash alike, white space (also around dashes) alike. */
const form = (text: string) =>
  text
    .replace(/[\u2010-\u2015-]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** Where the page furniture starts: the line that reads "Related posts". */
const relatedPostsLine = documentText.search(/^Related posts[ \t\u00a0]*$/m);

/** Every start offset of `needle` in the document. */
function occurrences(needle: string): number[] {
  const found: number[] = [];
  for (let at = documentText.indexOf(needle); at !== -1; at = documentText.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

describe('every mention in the committed layers', () => {
  const all = features.flatMap((f) => f.properties.mentions.map((m) => ({ id: f.id, m })));

  it('covers every feature of every layer, each with at least one mention', () => {
    expect(layers.length).toBeGreaterThan(0);
    expect(new Set(features.map((f) => f.id))).toEqual(new Set(gazetteer.entries.map((e) => e.id)));
    for (const f of features) expect(f.properties.mentions.length, f.id).toBeGreaterThan(0);
  });

  it('is a stretch of the document that reads as one of its entry’s aliases', () => {
    for (const { id, m } of all) {
      const slice = documentText.slice(m.start, m.end);
      expect(slice, id).toBe(m.text);
      expect(entry(id).aliases.map(form), `${id} at ${m.start}`).toContain(form(slice));
    }
  });

  it('has an excerpt that is its range of the document, collapsed, around the mention', () => {
    for (const { id, m } of all) {
      expect(m.excerptStart, id).toBeLessThanOrEqual(m.start);
      expect(m.start, id).toBeLessThan(m.end);
      expect(m.end, id).toBeLessThanOrEqual(m.excerptEnd);
      expect(m.excerpt, `${id} at ${m.start}`).toBe(
        collapse(documentText.slice(m.excerptStart, m.excerptEnd)),
      );
    }
  });

  it('has for its excerpt exactly one sentence of the document, never across a boundary', () => {
    const sentences = findSentences(documentText);
    const key = (start: number, end: number) => `${start}-${end}`;
    const sentenceKeys = new Set(sentences.map((s) => key(s.start, s.end)));
    for (const { id, m } of all) {
      expect(sentenceKeys.has(key(m.excerptStart, m.excerptEnd)), `${id} at ${m.start}`).toBe(true);
    }
  });

  it('is in the "related" section exactly when it comes after the "Related posts" line', () => {
    expect(relatedPostsLine).toBeGreaterThan(0);
    const sections = new Set(all.map(({ m }) => m.section));
    expect(sections).toEqual(new Set(['article', 'related']));
    for (const { id, m } of all) {
      expect(m.section, `${id} at ${m.start}`).toBe(
        m.start >= relatedPostsLine ? 'related' : 'article',
      );
    }
  });
});

describe('what the text says, place by place', () => {
  it.each([
    ['lachin-road', 2],
    ['aghdam-khankendi-road', 2],
    ['yevlakh', 1],
    ['baku', 1],
    ['shusha', 2],
    ['garabagh-region', 4],
  ])('%s is mentioned %i time(s)', (id, count) => {
    expect(mentionsOf(id)).toHaveLength(count);
  });

  it('quotes for Yevlakh the sentence about the meeting planned there', () => {
    const [yevlakh] = mentionsOf('yevlakh');
    expect(yevlakh?.excerpt).toBe(
      'On the second, a meeting between Azerbaijan’s Special Representative and representatives of local Armenian residents agreed to take place in Yevlakh.',
    );
  });

  it('joins the sentence about the Lachin road that the page breaks with a blank line', () => {
    const second = mentionsOf('lachin-road')[1]!;
    expect(second.excerpt).toMatch(/^This should have been followed by the intensification /);
    expect(second.excerpt).toContain('the Lachin road by the ICRC within 24 hours.');
    // The range really does span the blank line that the excerpt joins over.
    expect(documentText.slice(second.excerptStart, second.excerptEnd)).toMatch(/by\n\s*\nthe/);
  });

  it('keeps the "4 Mins read" badge out of the Baku excerpt', () => {
    const [baku] = mentionsOf('baku');
    expect(baku?.excerpt).toMatch(/^Baku: Today, the efforts for durable peace/);
    expect(baku?.excerpt).not.toContain('Mins read');
  });

  it('keeps the "2 Mins read" badge out of the Islamabad excerpt', () => {
    const [islamabad] = mentionsOf('islamabad');
    expect(islamabad?.excerpt).toMatch(/^Islamabad: I had the wonderful opportunity/);
    expect(islamabad?.excerpt).not.toContain('Mins read');
  });

  it('never counts "Armenian" as Armenia or "Azerbaijani" as Azerbaijan', () => {
    const armenian = occurrences('Armenian');
    const azerbaijani = occurrences('Azerbaijani');
    expect(armenian.length).toBeGreaterThan(0);
    expect(azerbaijani.length).toBeGreaterThan(0);
    const armeniaStarts = new Set(mentionsOf('armenia').map((m) => m.start));
    const azerbaijanStarts = new Set(mentionsOf('azerbaijan').map((m) => m.start));
    for (const at of armenian) expect(armeniaStarts.has(at), `Armenian at ${at}`).toBe(false);
    for (const at of azerbaijani)
      expect(azerbaijanStarts.has(at), `Azerbaijani at ${at}`).toBe(false);
    // And every "Armenia" that is not part of a longer word is counted.
    const standalone = (name: string) =>
      occurrences(name).filter((at) => !/\p{L}/u.test(documentText[at + name.length] ?? ''));
    expect(mentionsOf('armenia').map((m) => m.start)).toEqual(standalone('Armenia'));
    expect(mentionsOf('azerbaijan').map((m) => m.start)).toEqual(standalone('Azerbaijan'));
  });

  it('gives Khankendi and Aghdam inside "Aghdam-Khankendi road" to all three features', () => {
    const roads = mentionsOf('aghdam-khankendi-road');
    const khankendi = mentionsOf('khankendi');
    const aghdam = mentionsOf('aghdam');
    expect(roads.length).toBeGreaterThan(0);
    for (const road of roads) {
      const inner = road.start + road.text.indexOf('Khankendi');
      expect(khankendi).toContainEqual(
        expect.objectContaining({ start: inner, end: inner + 'Khankendi'.length }),
      );
      expect(aghdam).toContainEqual(
        expect.objectContaining({ start: road.start, end: road.start + 'Aghdam'.length }),
      );
    }
  });

  it('finds the checkpoint first where "border check-point" is broken over a line', () => {
    const [first] = mentionsOf('lachin-checkpoint');
    expect(first?.text).toBe('border\ncheck-point');
    expect(first?.start).toBe(documentText.indexOf('border\ncheck-point'));
    expect(feature('lachin-checkpoint').properties.name).toBe('border check-point');
  });
});

describe('the build refuses a gazetteer it cannot stand behind', () => {
  const stubBorder = (): MultiLineString => ({
    type: 'MultiLineString',
    coordinates: [
      [
        [45.5, 39.5],
        [46, 39],
      ],
    ],
  });
  const build = (edited: Gazetteer) =>
    buildLayers({
      text: documentText,
      sha256: '0'.repeat(64),
      gazetteer: edited,
      resolveSharedBorder: stubBorder,
    });

  /** The GazetteerError the build throws for the gazetteer as `edit` leaves it. */
  function refusal(edit: (copy: Gazetteer) => void): GazetteerError {
    const copy = structuredClone(gazetteer);
    edit(copy);
    try {
      build(copy);
    } catch (error) {
      if (error instanceof GazetteerError) return error;
      throw error;
    }
    throw new Error('the build accepted the gazetteer');
  }
  const entryIn = (copy: Gazetteer, id: string) => copy.entries.find((e) => e.id === id)!;

  it('builds the committed gazetteer (so each refusal below comes from its one edit)', () => {
    expect(() => build(structuredClone(gazetteer))).not.toThrow();
  });

  it('names the entry and the waypoint when a waypoint has no source', () => {
    const error = refusal((copy) => {
      const route = entryIn(copy, 'lachin-road').geometry;
      if (route.type !== 'route') throw new Error('lachin-road is not a route');
      delete (route.waypoints[1] as { source?: unknown }).source;
    });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('lachin-road');
    expect(error.message).toContain('waypoint 2 (Hakari bridge)');
    expect(error.message).toMatch(/no source/);
  });

  it('names the entry when a point has a source without a URL', () => {
    const error = refusal((copy) => {
      const point = entryIn(copy, 'baku').geometry;
      if (point.type !== 'point') throw new Error('baku is not a point');
      point.source = { title: 'A title, but no link', url: '' };
    });
    expect(error.problems).toEqual([expect.stringMatching(/^baku: .*no source/)]);
  });

  it('names the entry whose aliases the text never mentions', () => {
    expect(documentText).not.toContain('Ganja');
    const error = refusal((copy) => {
      entryIn(copy, 'yevlakh').aliases = ['Ganja'];
    });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('yevlakh');
    expect(error.message).toContain('never mentions');
    expect(error.message).toContain('"Ganja"');
  });

  it('reports an entry with no aliases at all as never mentioned', () => {
    const error = refusal((copy) => {
      entryIn(copy, 'yevlakh').aliases = [];
    });
    expect(error.problems).toEqual([expect.stringMatching(/^yevlakh: the text never mentions/)]);
  });

  it('refuses a name that is not how the text first writes it, quoting the text’s form', () => {
    const error = refusal((copy) => {
      entryIn(copy, 'khankendi').name = 'Stepanakert';
    });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('khankendi');
    expect(error.message).toContain('"Stepanakert"');
    expect(error.message).toContain('("Khankendi")');
  });

  it('names every problem in one run', () => {
    const error = refusal((copy) => {
      entryIn(copy, 'khankendi').name = 'Stepanakert';
      entryIn(copy, 'yevlakh').aliases = ['Ganja'];
    });
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/khankendi[\s\S]*yevlakh|yevlakh[\s\S]*khankendi/);
  });
});
