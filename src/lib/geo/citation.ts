/**
 * The document's citation: the facts the gazetteer records about it (each with where it was
 * found, or why it could not be), checked; the `document` member a layer carries; and the one
 * line of text every feature carries, so that the attribution survives any tool.
 */
import type { DocumentReference } from './contract.ts';

/** A place a fact about the document was found: a page, or the text itself (no URL). */
export interface EvidenceSource {
  title: string;
  url?: string;
}

/** What was found about one fact of the citation, and where; or why it is not known. */
export interface DocumentFact {
  finding: string;
  sources: EvidenceSource[];
}

/** The facts every citation states, each of which the gazetteer must account for. */
export const CITED_FACTS = ['title', 'publisher', 'published', 'url'] as const;

/** The document as geodata/document-gazetteer.json records it. */
export interface DocumentMetadata {
  /** The file in geodata/source. */
  file: string;
  title: string;
  publisher: string | null;
  /** An ISO date, or as much of one as is known: "2023-08-14", "2023-08", "2023". */
  published: string | null;
  /** The document's own public address; null where it could not be established. */
  url: string | null;
  /** For each cited fact (and any other worth keeping, such as where the copy came from). */
  facts: Record<(typeof CITED_FACTS)[number], DocumentFact> & Record<string, DocumentFact>;
}

const PARTIAL_ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The parts of an ISO date (or of as much of one as is known), or null if it is not one. */
function dateParts(isoDate: string): { year: number; month?: number; day?: number } | null {
  const match = PARTIAL_ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? { year, month, day }
    : null;
}

/**
 * "14 August 2023", "August 2023" or "2023": as much as the ISO date says; anything else as it
 * is. Written out by hand rather than with toLocaleDateString, whose first call loads the ICU
 * date data (about 60 ms on the page's first view) for words that never change.
 */
export function formatDate(isoDate: string): string {
  const parts = dateParts(isoDate);
  if (!parts) return isoDate;
  const month = parts.month === undefined ? '' : `${MONTHS[parts.month - 1]} `;
  const day = parts.day === undefined ? '' : `${parts.day} `;
  return `${day}${month}${parts.year}`;
}

/**
 * The citation as one line: publisher, title in quotation marks, date, address; an unknown
 * date or address is said to be unknown rather than left out, so that nobody takes its absence
 * for an oversight.
 */
export function documentCitation(document: DocumentReference): string {
  return [
    document.publisher,
    `“${document.title}”`,
    document.published ? formatDate(document.published) : 'date of publication not established',
    document.url ?? 'web address not established',
  ]
    .filter((part): part is string => Boolean(part))
    .join(', ');
}

/** The `document` member a built layer carries, in the contract's key order. */
export function documentReference(metadata: DocumentMetadata, sha256: string): DocumentReference {
  return {
    title: metadata.title,
    ...(metadata.publisher ? { publisher: metadata.publisher } : {}),
    ...(metadata.published ? { published: metadata.published } : {}),
    ...(metadata.url ? { url: metadata.url } : {}),
    file: metadata.file,
    sha256,
  };
}

function sourceProblems(fact: string, sources: readonly EvidenceSource[]): string[] {
  return sources.flatMap((source, index) =>
    !source.title?.trim()
      ? [`document: source ${index + 1} of "${fact}" has no title`]
      : source.url !== undefined && !WEB_ADDRESS.test(source.url)
        ? [`document: source ${index + 1} of "${fact}" has a URL that is not a web address`]
        : [],
  );
}

/**
 * Every problem with the document's metadata: a fact stated without a source on the web, or
 * not known without a finding that says why, a date that is not ISO, an address that is not a
 * web address.
 */
export function documentMetadataProblems(metadata: DocumentMetadata): string[] {
  const problems: string[] = [];
  if (!metadata.file?.trim()) problems.push('document: no file');
  if (!metadata.title?.trim()) problems.push('document: no title');
  if (metadata.published !== null && dateParts(metadata.published) === null) {
    problems.push(
      `document: published "${metadata.published}" is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)`,
    );
  }
  if (metadata.url !== null && !WEB_ADDRESS.test(metadata.url)) {
    problems.push(`document: url "${metadata.url}" is not a web address`);
  }
  for (const [name, fact] of Object.entries(metadata.facts ?? {})) {
    if (!fact.finding?.trim()) problems.push(`document: the fact "${name}" has no finding`);
    problems.push(...sourceProblems(name, fact.sources ?? []));
  }
  for (const name of CITED_FACTS) {
    const fact = metadata.facts?.[name];
    if (!fact) {
      problems.push(`document: no finding for "${name}", known or not`);
    } else if (metadata[name] !== null && (fact.sources ?? []).length === 0) {
      problems.push(`document: "${name}" is stated without a source`);
    } else if (
      name !== 'title' &&
      metadata[name] !== null &&
      !fact.sources.some((source) => source.url)
    ) {
      // The title is the text's own; what the text does not say needs a page that does.
      problems.push(`document: "${name}" is stated without a source on the web`);
    }
  }
  return problems;
}
