/**
 * The URL an imported layer's map source reads (see imported-layer-protocol.ts): its blob: URL
 * behind a protocol of the atlas's own, which MapLibre's workers serve themselves.
 */
export const IMPORTED_LAYER_PROTOCOL = 'atlas-import';

export const importedLayerUrl = (blobUrl: string) =>
  `${IMPORTED_LAYER_PROTOCOL}://${encodeURIComponent(blobUrl)}`;
