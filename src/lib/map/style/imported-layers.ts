/**
 * A reader's own layer on the map: its source (read by MapLibre's worker), its style layers by
 * geometry type in one colour of its own, labels from the property the reader chose, and
 * clusters for many points. Loaded with the first imported layer (the first view needs none of
 * it); the highlight of imported features, which the first style holds, is in
 * imported-highlight.ts.
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { geometryIs, IMPORTED_LAYERS_BEFORE } from './imported-highlight.ts';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, groupMetadata, PICK_ORDER } from './interaction.ts';
import * as build from './layer-builders.ts';
import { COLOURS } from './theme.ts';

const group = groupMetadata;
export { IMPORTED_LAYERS_BEFORE };

/**
 * The map source of an imported layer: its geometries, read by MapLibre's worker from `dataUrl`
 * (imported-layer-url.ts), numbered by their position (the popup reads the properties from the
 * layer itself).
 */
export function importedSource(dataUrl: string, clustered: boolean): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: dataUrl,
    generateId: true,
    ...(clustered
      ? { cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: CLUSTER_MAX_ZOOM }
      : {}),
  };
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];

export interface ImportedStyleOptions {
  clustered: boolean;
  /** The property whose value labels each feature; null for no labels. */
  labelProperty: string | null;
}

/** What a label shows: the chosen property's value as text, or nothing. */
export const labelText = (property: string | null): ExpressionSpecification | string =>
  property === null ? '' : ['to-string', ['get', property]];

/** The ids of an imported layer's label layers (points and polygons, lines). */
export const importedLabelLayerIds = (sourceId: string) => [
  `${sourceId}-label`,
  `${sourceId}-label-line`,
];

/** An imported layer's labels: beside points, at the heart of polygons, along lines. */
function labelLayers(
  sourceId: string,
  colour: string,
  { clustered, labelProperty }: ImportedStyleOptions,
): LayerSpecification[] {
  const [pointLabels, lineLabels] = importedLabelLayerIds(sourceId);
  const look = { text: labelText(labelProperty), size: 12, colour, halo: build.labelHalo(1.5) };
  const pointsAndAreas = geometryIs('Point', 'MultiPoint', 'Polygon', 'MultiPolygon');
  const target = build.inSource(sourceId, group(sourceId));
  return [
    build.label(
      target(pointLabels!, clustered ? ['all', pointsAndAreas, ['!', isCluster]] : pointsAndAreas),
      look,
      build.besidePoint(0.6),
    ),
    build.label(
      target(lineLabels!, geometryIs('LineString', 'MultiLineString')),
      look,
      build.ALONG_LINE,
    ),
  ];
}

/** An imported layer's style layers, by geometry type, drawn with one colour of its own. */
export function importedLayerStyle(
  sourceId: string,
  colour: string,
  options: ImportedStyleOptions = { clustered: false, labelProperty: null },
): LayerSpecification[] {
  const { clustered } = options;
  const picked = build.inSource(sourceId, group(sourceId, PICK_ORDER.imported));
  const unpicked = build.inSource(sourceId, group(sourceId));
  const points = geometryIs('Point', 'MultiPoint');
  const linesAndOutlines = geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon');
  const clusters: LayerSpecification[] = [
    build.marker(picked(`${sourceId}-cluster`, isCluster), { colour, opacity: 0.85, radius: 13 }),
    build.label(
      unpicked(`${sourceId}-cluster-count`, isCluster),
      {
        text: ['get', 'point_count_abbreviated'],
        size: 11,
        colour: COLOURS.markerInner,
        halo: null,
      },
      { 'text-allow-overlap': true, 'text-ignore-placement': true },
    ),
  ];
  return [
    // Outlined by the line layer below, so the fill needs no antialiasing of its own.
    build.fill(picked(`${sourceId}-fill`, geometryIs('Polygon', 'MultiPolygon')), {
      colour,
      opacity: 0.25,
    }),
    build.line(picked(`${sourceId}-line`, linesAndOutlines), {
      colour,
      width: 2.5,
      round: 'joins',
    }),
    build.marker(
      picked(`${sourceId}-circle`, clustered ? ['all', points, ['!', isCluster]] : points),
      { colour, radius: 4, ring: { colour: COLOURS.markerOutline, width: 1 } },
    ),
    ...(clustered ? clusters : []),
    ...labelLayers(sourceId, colour, options),
  ];
}
