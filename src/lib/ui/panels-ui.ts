/**
 * The page's panels and its printed page, a chunk of their own loaded once the map has drawn
 * its first view (App.svelte): the first load carries the map and the document's places only,
 * and stays within its budget (README, Performance: `firstLoadKB`).
 */
export { default as LayerPanel } from './LayerPanel.svelte';
export { default as ReadingPanel } from './ReadingPanel.svelte';
export { default as PrintView } from './PrintView.svelte';
