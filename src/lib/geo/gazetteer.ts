/**
 * The hand-curated gazetteer (geodata/document-gazetteer.json): one entry per place the text names.
 */
import type { Position } from 'geojson';
import type { DocumentMetadata } from './citation.ts';
import type { FeatureKind, GeometryQuality, LayerName, Source, VariantName } from './contract.ts';

export interface CitedPoint {
  type: 'point';
  coordinates: Position;
  source: Source;
}

export interface Waypoint {
  name: string;
  coordinates: Position;
  source: Source;
}

export interface CitedRoute {
  type: 'route';
  waypoints: Waypoint[];
}

/** The edge two countries share in Natural Earth, by ISO 3166-1 numeric id. */
export interface NaturalEarthSharedBorder {
  type: 'naturalEarthSharedBorder';
  countries: [string, string];
  source: Source;
}

export type GazetteerGeometry = CitedPoint | CitedRoute | NaturalEarthSharedBorder;

export interface GazetteerEntry {
  id: string;
  layer: LayerName;
  kind: FeatureKind;
  name: string;
  aliases: string[];
  variants: VariantName[];
  geometryQuality: GeometryQuality;
  geometryNote: string;
  geometry: GazetteerGeometry;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

export interface Gazetteer {
  document: DocumentMetadata;
  entries: GazetteerEntry[];
}

function isCompleteSource(source: Source | undefined): boolean {
  return Boolean(source && source.title?.trim() && /^https?:\/\/\S+$/.test(source.url ?? ''));
}

/** Every problem with the entry's sources, as messages naming the entry and the coordinate. */
export function missingSources(entry: GazetteerEntry): string[] {
  const problems: string[] = [];
  const geometry = entry.geometry;
  if (geometry.type === 'route') {
    geometry.waypoints.forEach((waypoint, index) => {
      if (!isCompleteSource(waypoint.source)) {
        problems.push(
          `${entry.id}: waypoint ${index + 1} (${waypoint.name}) has no source with a title and URL`,
        );
      }
    });
  } else if (!isCompleteSource(geometry.source)) {
    problems.push(`${entry.id}: its ${geometry.type} geometry has no source with a title and URL`);
  }
  return problems;
}

/** The sources of an entry's coordinates, each once, in the order first cited. */
export function entrySources(entry: GazetteerEntry): Source[] {
  const geometry = entry.geometry;
  const cited =
    geometry.type === 'route' ? geometry.waypoints.map((w) => w.source) : [geometry.source];
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const source of cited) {
    const key = `${source.title}\u0000${source.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ title: source.title, url: source.url });
  }
  return sources;
}
