/**
 * The view, the open feature and the as-of date in the URL:
 * `#map=<zoom>/<lat>/<lon>&feature=<id>&asof=<YYYY-MM-DD>`, as OpenStreetMap writes its map
 * view. A reader's feature is `<layer>/<number>` ("import-3/12"). A reader's text in the
 * reading panel is `&text=<id>`, and a place of it `&feature=<its id>`
 * ("#text=text-2&feature=batumi-615532"), which the page knows as "text-2/batumi-615532".
 */
import type { MapView } from '../map/atlas-map.ts';
import { parseIsoDate } from './as-of.ts';

export interface Permalink {
  view: MapView | null;
  featureId: string | null;
  /** The reader's text the reading panel shows; none for the atlas's document. */
  textId?: string | null;
  /** The as-of date (ISO), or null for the document's own. */
  asOf?: string | null;
}

export function formatPermalink({ view, featureId, textId, asOf }: Permalink): string {
  const parts: string[] = [];
  if (view) {
    parts.push(
      `map=${view.zoom.toFixed(2)}/${view.latitude.toFixed(5)}/${view.longitude.toFixed(5)}`,
    );
  }
  if (textId) parts.push(`text=${encodeURIComponent(textId)}`);
  const ownId =
    textId && featureId?.startsWith(`${textId}/`) ? featureId.slice(textId.length + 1) : featureId;
  // The slash of a reader's feature stays a slash: readable, and as valid in a fragment.
  if (ownId) parts.push(`feature=${encodeURIComponent(ownId).replaceAll('%2F', '/')}`);
  if (asOf) parts.push(`asof=${asOf}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

function parseView(value: string | null): MapView | null {
  if (!value) return null;
  const numbers = value.split('/').map(Number);
  if (numbers.length !== 3 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [zoom, latitude, longitude] = numbers as [number, number, number];
  if (zoom < 0 || zoom > 24 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { zoom, latitude, longitude };
}

/** Reads a location hash; anything malformed is ignored rather than trusted. */
export function parsePermalink(hash: string): Permalink {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  const textId = parameters.get('text') || null;
  const feature = parameters.get('feature') || null;
  // A place of the text is named by its own id; any other feature by its whole one.
  const featureId = textId && feature && !feature.includes('/') ? `${textId}/${feature}` : feature;
  return {
    view: parseView(parameters.get('map')),
    featureId,
    ...(textId ? { textId } : {}),
    asOf: parseIsoDate(parameters.get('asof')),
  };
}
