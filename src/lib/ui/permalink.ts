/**
 * The view and the open feature in the URL: `#map=<zoom>/<lat>/<lon>&feature=<id>`, as
 * OpenStreetMap writes its map view. A reader's feature is `<layer>/<number>` ("import-3/12").
 */
import type { MapView } from '../map/atlas-map.ts';

export interface Permalink {
  view: MapView | null;
  featureId: string | null;
}

export function formatPermalink({ view, featureId }: Permalink): string {
  const parts: string[] = [];
  if (view) {
    parts.push(
      `map=${view.zoom.toFixed(2)}/${view.latitude.toFixed(5)}/${view.longitude.toFixed(5)}`,
    );
  }
  // The slash of a reader's feature stays a slash: readable, and as valid in a fragment.
  if (featureId) parts.push(`feature=${encodeURIComponent(featureId).replaceAll('%2F', '/')}`);
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
  const featureId = parameters.get('feature');
  return { view: parseView(parameters.get('map')), featureId: featureId || null };
}
