/**
 * What a reader takes out of the atlas as text: a quotation (the excerpt verbatim, the
 * document's citation, the link to the place) and the link to a place. Pure.
 */
import { formatPermalink, parsePermalink } from './permalink.ts';

/** The fragment's parameters the permalink reads and writes (permalink.ts). */
const PERMALINK_KEYS = ['map', 'feature', 'text', 'asof'];

/**
 * The page's address with `feature=<id>` in its fragment: the view it shows now, the text and
 * date it has, and any other parameter the fragment carries, kept as they are.
 */
export function placeLink(pageUrl: string, featureId: string): string {
  const url = new URL(pageUrl);
  const fragment = url.hash.replace(/^#/, '');
  const own = formatPermalink({ ...parsePermalink(fragment), featureId }).replace(/^#/, '');
  const others = fragment
    .split('&')
    .filter((part) => part !== '' && !PERMALINK_KEYS.includes(part.split('=')[0]!));
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
