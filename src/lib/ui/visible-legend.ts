/**
 * The legend of what the map shows now: only the layers switched on, and of the document's
 * features only those the page shows (the as-of date and the statement-only switch decide:
 * AtlasState.isShown). One list for the map image and the printed page, in the map's own
 * colours, widths and dashes (src/lib/map/style/).
 */
import type { AtlasFeature } from '../geo/contract.ts';
import type { LegendEntry } from '../map/image-legend.ts';
import { namedOnlyInRelatedPosts } from '../map/style/features.ts';
import { COLOURS, DASHES, routeColour, routeDashes } from '../map/style/theme.ts';
import { describePeriod } from './describe.ts';
import { drawnShapes, type LayerEntry } from './layer-model.ts';

/** The widths and radii the style draws with (style/atlas-layers.ts; a unit test checks). */
export const DRAWN = {
  routeWidth: 3.5,
  borderWidth: 1.8,
  settlementRadius: 5,
  checkpointRadius: 6,
  checkpointCentreRadius: 2,
  markerOutlineWidth: 2,
} as const;

/** Whether the page shows one of the document's features (every one, by default). */
export type ShownFeature = (featureId: string) => boolean;
const everyFeature: ShownFeature = () => true;

function routeEntries(routes: readonly AtlasFeature[], isShown: ShownFeature) {
  const entries: LegendEntry[] = [];
  // The colour is the route's place among all routes, as the style gives it (atlas-layers.ts).
  const shown = routes
    .map((route, index) => ({ route, index }))
    .filter(({ route }) => isShown(route.id));
  for (const { route, index } of shown) {
    const { geometryQuality, validFrom, validTo, name } = route.properties;
    entries.push({
      symbol: {
        type: 'line',
        colour: namedOnlyInRelatedPosts(route.properties)
          ? COLOURS.relatedOnly
          : routeColour(index),
        width: DRAWN.routeWidth,
        dashes: routeDashes(geometryQuality, Boolean(validTo)),
      },
      label: name,
      detail: describePeriod(validFrom, validTo) ?? undefined,
    });
  }
  const grey = (dashes: readonly number[]) =>
    ({ type: 'line', colour: '#555555', width: 3, dashes }) as const;
  if (
    shown.some(
      ({ route }) => route.properties.geometryQuality === 'schematic' && !route.properties.validTo,
    )
  ) {
    entries.push({
      symbol: grey(DASHES.schematic),
      label: 'Dashed: schematic, straight segments through cited waypoints, not the surveyed road',
    });
  }
  if (shown.some(({ route }) => route.properties.validTo)) {
    entries.push({
      symbol: grey(DASHES.dated),
      label: 'Dotted: an earlier line of a route, for the period named',
    });
  }
  return entries;
}

function placeEntries(places: readonly AtlasFeature[]): LegendEntry[] {
  const inStatement = places.filter((place) => !namedOnlyInRelatedPosts(place.properties));
  const kinds = new Set(inStatement.map((place) => place.properties.kind));
  const marker = { outline: COLOURS.markerOutline, outlineWidth: DRAWN.markerOutlineWidth };
  return [
    ...(kinds.has('settlement')
      ? [
          {
            symbol: {
              type: 'circle',
              colour: COLOURS.settlement,
              radius: DRAWN.settlementRadius,
              ...marker,
            },
            label: 'Settlement',
          } satisfies LegendEntry,
        ]
      : []),
    ...(kinds.has('checkpoint')
      ? [
          {
            symbol: {
              type: 'circle',
              colour: COLOURS.checkpoint,
              radius: DRAWN.checkpointRadius,
              ...marker,
              centre: { colour: COLOURS.markerInner, radius: DRAWN.checkpointCentreRadius },
            },
            label: 'Checkpoint',
          } satisfies LegendEntry,
        ]
      : []),
    ...(inStatement.length < places.length
      ? [
          {
            symbol: {
              type: 'circle',
              colour: COLOURS.relatedOnlyFill,
              radius: DRAWN.settlementRadius,
              outline: COLOURS.relatedOnly,
              outlineWidth: DRAWN.markerOutlineWidth,
            },
            label: 'Hollow, grey: named only in the page’s related posts, not in the statement',
          } satisfies LegendEntry,
        ]
      : []),
  ];
}

/** The order the page's legend lists the document's layers in; the reader's follow. */
const LEGEND_ORDER = ['routes', 'places', 'borders', 'areas'];
const legendRank = (layer: LayerEntry) =>
  layer.origin === 'document' ? LEGEND_ORDER.indexOf(layer.id) : LEGEND_ORDER.length;

/** The legend of the layers switched on, in the order of the page's legend. */
export function visibleLegend(
  layers: readonly LayerEntry[],
  isShown: ShownFeature = everyFeature,
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const ordered = layers
    .map((layer, index) => ({ layer, index }))
    .sort((a, b) => legendRank(a.layer) - legendRank(b.layer) || a.index - b.index)
    .map(({ layer }) => layer);
  for (const layer of ordered) {
    if (!layer.visible) continue;
    if (layer.origin === 'imported') {
      entries.push({
        symbol: { type: 'layer', colour: layer.colour, ...drawnShapes(layer.data.geometryTypes) },
        label: `Your layer “${layer.name}”`,
      });
      continue;
    }
    if (layer.origin === 'text') {
      const marker = { type: 'circle', radius: DRAWN.settlementRadius, outlineWidth: 2.5 } as const;
      entries.push(
        {
          symbol: { ...marker, colour: COLOURS.relatedOnlyFill, outline: layer.colour },
          label: `“${layer.name}”: a place the finder suggests (not yet checked)`,
        },
        {
          symbol: { ...marker, colour: layer.colour, outline: COLOURS.markerOutline },
          label: `“${layer.name}”: a place the reader confirmed`,
        },
      );
      continue;
    }
    const features = layer.data.features.filter((feature) => isShown(feature.id));
    if (features.length === 0) continue;
    if (layer.id === 'routes') entries.push(...routeEntries(layer.data.features, isShown));
    else if (layer.id === 'places') entries.push(...placeEntries(features));
    else if (layer.id === 'borders')
      entries.push({
        symbol: {
          type: 'line',
          colour: COLOURS.border,
          width: DRAWN.borderWidth,
          dashes: DASHES.border,
        },
        label: "State border (Natural Earth's line; undelimited)",
      });
    else if (layer.id === 'areas')
      entries.push({
        symbol: { type: 'label', colour: COLOURS.region },
        label: 'Region or country: an approximate label point, no boundary drawn',
      });
  }
  return entries;
}
