/**
 * The region the offline basemap covers (the Caucasus), as a GeoJSON bbox:
 * [west, south, east, north] in degrees (WGS 84).
 *
 * Shared by the basemap build script (which clips to it) and the app (which
 * keeps the map view inside it). Pure data: safe to import anywhere.
 */
export const BASEMAP_BOUNDS = [43, 38, 51, 42.5] as const;
