/**
 * The popups' components, a chunk of their own (MapView.svelte loads it once the map has drawn
 * its first view, or at the first popup asked for before that): the first load carries none of
 * them, nor the placing of a popup beside its feature (atlas-map.ts loads feature-popup.ts).
 */
export { default as ImportedPopup } from './ImportedPopup.svelte';
export { default as MapPopup } from './MapPopup.svelte';
export { default as PopupContent } from './PopupContent.svelte';
export { default as PopupFrame } from './PopupFrame.svelte';
