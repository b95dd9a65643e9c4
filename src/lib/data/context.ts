/**
 * The map's context that its first view draws: the world beyond the basemap's box and its
 * countries' names, the region's lakes, rivers and cities, and the face of the letters their
 * names need beyond the page's Latin face. A chunk of its own, loaded beside the map
 * (src/lib/map/context.ts): it never holds up the document's places.
 */
import worldTopology from '../../../geodata/basemap/world.geojson?context';
import worldLabelsTopology from '../../../geodata/basemap/world-labels.geojson?context';
import riversTopology from '../../../geodata/basemap/rivers.geojson?context';
import lakesTopology from '../../../geodata/basemap/lakes.geojson?context';
import citiesTopology from '../../../geodata/basemap/cities.geojson?context';
import labelGlyphsUrl from '../../../geodata/basemap/label-glyphs.woff2?url&no-inline';
import labelGlyphs from '../../../geodata/basemap/label-glyphs.json';
import type { ContextData } from '../map/style/features.ts';
import { LABEL_FONT } from '../map/style/theme.ts';
import { collectionOf } from './embedded.ts';

/**
 * The labels' letters beyond the Latin face, from a face cut to just them (2 kB, where the whole
 * latin-ext face is 55). The map draws a letter once and keeps it: the face must be there before
 * any label that needs it is drawn, or the label keeps a fallback font's letter.
 */
async function loadLabelGlyphs(): Promise<void> {
  const face = new FontFace(LABEL_FONT[0]!, `url(${labelGlyphsUrl}) format('woff2')`, {
    weight: '400',
    unicodeRange: labelGlyphs.unicodeRange,
  });
  // Added after the stylesheet's faces, so it wins for its letters and the latin-ext face is
  // never fetched for them.
  document.fonts.add(face);
  await face.load();
}

export async function loadFirstContext(): Promise<ContextData> {
  await loadLabelGlyphs().catch(() => undefined);
  return {
    world: collectionOf(worldTopology),
    worldLabels: collectionOf(worldLabelsTopology),
    rivers: collectionOf(riversTopology),
    lakes: collectionOf(lakesTopology),
    towns: collectionOf(citiesTopology),
  };
}
