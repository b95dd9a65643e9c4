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
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS_PX,
  groupMetadata,
  PICK_ORDER,
  type AtlasLayerMetadata,
} from './interaction.ts';
import { COLOURS, LABEL_FONT } from './theme.ts';

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
  const paint = {
    'text-color': colour,
    'text-halo-color': COLOURS.labelHalo,
    'text-halo-width': 1.5,
  };
  const common = {
    'text-field': labelText(labelProperty),
    'text-font': LABEL_FONT,
    'text-size': 12,
  };
  const pointsAndAreas = geometryIs('Point', 'MultiPoint', 'Polygon', 'MultiPolygon');
  return [
    {
      id: pointLabels!,
      type: 'symbol',
      source: sourceId,
      metadata: group(sourceId),
      filter: clustered ? ['all', pointsAndAreas, ['!', isCluster]] : pointsAndAreas,
      layout: {
        ...common,
        'text-anchor': 'left',
        'text-offset': [0.6, 0],
        'text-optional': true,
      },
      paint,
    },
    {
      id: lineLabels!,
      type: 'symbol',
      source: sourceId,
      metadata: group(sourceId),
      filter: geometryIs('LineString', 'MultiLineString'),
      layout: { ...common, 'symbol-placement': 'line', 'text-offset': [0, -1] },
      paint,
    },
  ];
}

/** An imported layer's style layers, by geometry type, drawn with one colour of its own. */
export function importedLayerStyle(
  sourceId: string,
  colour: string,
  options: ImportedStyleOptions = { clustered: false, labelProperty: null },
): LayerSpecification[] {
  const { clustered } = options;
  const metadata: AtlasLayerMetadata = {
    'atlas:group': sourceId,
    'atlas:pick': PICK_ORDER.imported,
  };
  const clusters: LayerSpecification[] = [
    {
      id: `${sourceId}-cluster`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: isCluster,
      paint: {
        'circle-color': colour,
        'circle-opacity': 0.85,
        'circle-radius': 13,
        'circle-stroke-color': COLOURS.markerOutline,
        'circle-stroke-width': 2,
      },
    },
    {
      id: `${sourceId}-cluster-count`,
      type: 'symbol',
      source: sourceId,
      metadata: { 'atlas:group': sourceId },
      filter: isCluster,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': COLOURS.markerInner },
    },
  ];
  return [
    {
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      metadata,
      filter: geometryIs('Polygon', 'MultiPolygon'),
      // Outlined by the line layer below, so the fill needs no antialiasing of its own.
      paint: { 'fill-color': colour, 'fill-opacity': 0.25, 'fill-antialias': false },
    },
    {
      id: `${sourceId}-line`,
      type: 'line',
      source: sourceId,
      metadata,
      filter: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': 2.5 },
    },
    {
      id: `${sourceId}-circle`,
      type: 'circle',
      source: sourceId,
      metadata,
      filter: clustered
        ? ['all', geometryIs('Point', 'MultiPoint'), ['!', isCluster]]
        : geometryIs('Point', 'MultiPoint'),
      paint: {
        'circle-color': colour,
        'circle-radius': 4,
        'circle-stroke-color': COLOURS.markerOutline,
        'circle-stroke-width': 1,
      },
    },
    ...(clustered ? clusters : []),
    ...labelLayers(sourceId, colour, options),
  ];
}
