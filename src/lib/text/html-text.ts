/**
 * The visible text of an HTML page, for finding places in it: what a reader sees, in order,
 * with a blank line between blocks (paragraphs, headings, list items, table cells), and the
 * page's first heading as its title. Works on any DOM Document (the page's DOMParser, jsdom in
 * Node), so the command line and the page read a file alike; offsets of the places found are
 * into this text.
 *
 * Runs in the page (a reader's HTML file) and in the command line.
 */

/** Elements whose content a reader never sees. */
const HIDDEN = new Set([
  'HEAD',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
]);
/** Elements that stand on lines of their own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export interface VisibleText {
  text: string;
  /** The first heading's text, else the page's <title>; '' without either. */
  title: string;
}

export function visibleText(document: Document): VisibleText {
  const parts: string[] = [];
  let pendingBreak = false;
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (text.trim() === '') {
        if (parts.length > 0 && !pendingBreak && text !== '') parts.push(' ');
        return;
      }
      if (pendingBreak && parts.length > 0) parts.push('\n\n');
      pendingBreak = false;
      parts.push(
        parts.length === 0 || parts[parts.length - 1] === '\n\n' ? text.trimStart() : text,
      );
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (HIDDEN.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden')) return;
    const block = BLOCKS.has(element.tagName.toUpperCase());
    if (block) pendingBreak = true;
    for (const child of element.childNodes) walk(child);
    if (block) pendingBreak = true;
  };
  if (document.body) walk(document.body);
  const text = parts
    .join('')
    .replace(/ +\n/g, '\n')
    .replace(/\n\n +/g, '\n\n')
    .trim();
  const heading = document.querySelector('h1, h2, h3');
  const title = (heading?.textContent ?? document.title ?? '').replace(/\s+/g, ' ').trim();
  return { text, title };
}
