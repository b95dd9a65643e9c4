/**
 * The reader's texts, as one chunk the page loads after its first view (texts-holder.svelte.ts):
 * their life, and the components that show them on the map, in the panels and in popups.
 */
export { OpenedTexts } from './opened-texts.svelte.ts';
export { default as TextsPanel } from '../ui/texts/TextsPanel.svelte';
export { default as TextReadingPanel } from '../ui/texts/TextReadingPanel.svelte';
export { default as TextPopup } from '../ui/texts/TextPopup.svelte';
export { default as TextsOnMap } from '../ui/texts/TextsOnMap.svelte';
export { default as TextLegend } from '../ui/texts/TextLegend.svelte';
