/**
 * What a reader takes out of the atlas as text: a quotation (the excerpt verbatim, the
 * document's citation, the link to the place) and the link to a place. Pure.
 */
import { formatPermalink, parsePermalink } from './permalink.ts';

/**
 * The page's address with `feature=<id>` in its fragment: the view it shows now, and any other
 * parameter the fragment carries (a date, say), kept as they are.
 */
export function placeLink(pageUrl: string, featureId: string): string {
  const url = new URL(pageUrl);
  const fragment = url.hash.replace(/^#/, '');
  const { view } = parsePermalink(fragment);
  const others = fragment
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('map=') && !part.startsWith('feature='));
  const own = formatPermalink({ view, featureId }).replace(/^#/, '');
  url.hash = [own, ...others].join('&');
  return url.href;
}

/**
 * The excerpt in quotation marks exactly as the text has it (its own quotation marks too), then
 * the citation and the link, each on a line of its own: pasted into a document or a message, it
 * names where it comes from.
 */
export function quotationText(excerpt: string, citation: string, link: string): string {
  return `“${excerpt}”\n${citation}\n${link}`;
}
