/**
 * From the document and its gazetteer to the contract's layers. Pure: the caller reads the files,
 * hashes the document and resolves Natural Earth borders.
 */
import type { Geometry, MultiLineString, Position } from 'geojson';
import { length as turfLength } from '@turf/length';
import { findMentions } from '../text/document-mentions.ts';
import type { Mention } from '../text/mentions.ts';
import { collapseWhiteSpace } from '../text/sentences.ts';
import { documentCitation, documentMetadataProblems, documentReference } from './citation.ts';
import {
  LAYER_NAMES,
  type AtlasFeature,
  type AtlasLayer,
  type AtlasProperties,
  type LayerName,
} from './contract.ts';
import { entrySources, missingSources, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';
import { normalizeGeometry, roundCoordinate } from './layer-file.ts';

export type SharedBorderResolver = (countries: [string, string]) => MultiLineString;

export interface BuildInput {
  text: string;
  sha256: string;
  gazetteer: Gazetteer;
  resolveSharedBorder: SharedBorderResolver;
}

export class GazetteerError extends Error {
  constructor(readonly problems: string[]) {
    super(`The gazetteer has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'GazetteerError';
  }
}

function entryGeometry(entry: GazetteerEntry, resolveSharedBorder: SharedBorderResolver): Geometry {
  const geometry = entry.geometry;
  switch (geometry.type) {
    case 'point':
      return { type: 'Point', coordinates: geometry.coordinates };
    case 'route':
      return { type: 'LineString', coordinates: geometry.waypoints.map((w) => w.coordinates) };
    case 'naturalEarthSharedBorder':
      return resolveSharedBorder(geometry.countries);
  }
}

function coordinateProblems(entry: GazetteerEntry): string[] {
  const geometry = entry.geometry;
  const positions: [string, Position][] =
    geometry.type === 'point'
      ? [['its point', geometry.coordinates]]
      : geometry.type === 'route'
        ? geometry.waypoints.map((w, index) => [`waypoint ${index + 1} (${w.name})`, w.coordinates])
        : [];
  const problems: string[] = [];
  for (const [where, [longitude, latitude]] of positions) {
    if (!(typeof longitude === 'number' && longitude >= -180 && longitude <= 180))
      problems.push(`${entry.id}: ${where} has longitude ${longitude}, outside -180..180`);
    if (!(typeof latitude === 'number' && latitude >= -90 && latitude <= 90))
      problems.push(`${entry.id}: ${where} has latitude ${latitude}, outside -90..90`);
  }
  if (geometry.type === 'route' && geometry.waypoints.length < 2)
    problems.push(`${entry.id}: a route needs at least two waypoints`);
  return problems;
}

/** Every problem that makes the gazetteer unfit to build, so that one run names them all. */
export function gazetteerProblems(
  gazetteer: Gazetteer,
  mentionsById: Map<string, Mention[]>,
): string[] {
  const problems: string[] = documentMetadataProblems(gazetteer.document);
  const seenIds = new Set<string>();
  for (const entry of gazetteer.entries) {
    if (seenIds.has(entry.id)) problems.push(`${entry.id}: the id is used twice`);
    seenIds.add(entry.id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id))
      problems.push(`${entry.id}: an id must be a lowercase slug`);
    if (!(LAYER_NAMES as readonly string[]).includes(entry.layer))
      problems.push(`${entry.id}: layer "${entry.layer}" is not one of ${LAYER_NAMES.join(', ')}`);
    problems.push(...missingSources(entry), ...coordinateProblems(entry));
    const mentions = mentionsById.get(entry.id) ?? [];
    if (mentions.length === 0) {
      problems.push(
        `${entry.id}: the text never mentions it (aliases: ${entry.aliases.map((a) => `"${a}"`).join(', ')})`,
      );
    } else if (collapseWhiteSpace(mentions[0]!.text) !== entry.name) {
      problems.push(
        `${entry.id}: name "${entry.name}" is not how the text first writes it ("${collapseWhiteSpace(mentions[0]!.text)}")`,
      );
    }
  }
  return problems;
}

function featureProperties(
  entry: GazetteerEntry,
  geometry: Geometry,
  mentions: Mention[],
  citation: string,
): AtlasProperties {
  const routeFacts =
    entry.geometry.type === 'route'
      ? {
          waypoints: entry.geometry.waypoints.map((w) => w.name),
          lengthKm: roundCoordinate(
            turfLength({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }),
            1,
          ),
        }
      : {};
  // Key order here is the order in the files.
  return {
    name: entry.name,
    kind: entry.kind,
    variants: entry.variants.map((v) =>
      v.lang ? { name: v.name, lang: v.lang } : { name: v.name },
    ),
    geometryQuality: entry.geometryQuality,
    geometryNote: entry.geometryNote,
    ...routeFacts,
    ...(entry.validFrom ? { validFrom: entry.validFrom } : {}),
    ...(entry.validTo ? { validTo: entry.validTo } : {}),
    mentions,
    sources: entrySources(entry),
    citation,
  };
}

export function buildLayers(input: BuildInput): AtlasLayer[] {
  const { text, gazetteer } = input;
  const mentionsById = findMentions(text, gazetteer.entries);
  const problems = gazetteerProblems(gazetteer, mentionsById);
  if (problems.length > 0) throw new GazetteerError(problems);

  const document = documentReference(gazetteer.document, input.sha256);
  const citation = documentCitation(document);
  return LAYER_NAMES.map((layerName: LayerName): AtlasLayer => {
    const features = gazetteer.entries
      .filter((entry) => entry.layer === layerName)
      .map((entry): AtlasFeature => {
        const geometry = normalizeGeometry(entryGeometry(entry, input.resolveSharedBorder));
        return {
          type: 'Feature',
          id: entry.id,
          geometry,
          properties: featureProperties(entry, geometry, mentionsById.get(entry.id)!, citation),
        };
      });
    return { type: 'FeatureCollection', layer: layerName, document, features };
  });
}
