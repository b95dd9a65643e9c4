/**
 * Putting text on the reader's clipboard, on this device only. The asynchronous Clipboard API is
 * the only way asked for: where it is missing (a page served over plain HTTP from another
 * machine) or refused (a browser's permission, a document without focus), the caller shows the
 * text for the reader to copy by hand, rather than falling back on the deprecated
 * `document.execCommand('copy')`.
 */
export type CopyOutcome = { copied: true } | { copied: false; reason: string };

export async function copyText(text: string): Promise<CopyOutcome> {
  const clipboard = globalThis.navigator?.clipboard;
  if (!clipboard?.writeText) {
    return { copied: false, reason: 'this browser offers the page no clipboard here' };
  }
  try {
    await clipboard.writeText(text);
    return { copied: true };
  } catch (error) {
    const refused = error instanceof DOMException && error.name === 'NotAllowedError';
    return {
      copied: false,
      reason: refused
        ? 'the browser did not allow the page to copy'
        : `copying failed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
