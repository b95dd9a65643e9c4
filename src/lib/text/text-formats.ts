/**
 * The formats of the files the place finder reads, by their names' endings: what the page's
 * drop sends to the texts rather than to the layers' import, and what text-file.ts reads.
 */
export type TextFormat = 'text' | 'markdown' | 'html' | 'pdf';

export const TEXT_FORMATS: Readonly<Record<string, TextFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
};

/** Each format's media type, which a file chooser offers beside the endings. */
const MEDIA_TYPES: Readonly<Record<TextFormat, string>> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
};

/** What the page's file chooser offers (its `accept`): every ending read, every media type. */
export const TEXT_FILE_TYPES = [
  ...Object.keys(TEXT_FORMATS).map((extension) => `.${extension}`),
  ...Object.values(MEDIA_TYPES),
].join(',');

export function textFormat(fileName: string): TextFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : TEXT_FORMATS[extension];
}
