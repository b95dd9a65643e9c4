/**
 * What is wrong with a citation the reader typed for a text, in words: a title is needed, a date
 * is ISO (as much of one as is known: 2024-05-03, 2024-05, 2024), an address is a web address.
 */
import type { TextCitation } from '../../texts/text-store.ts';

const PARTIAL_ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isPartialIsoDate(value: string): boolean {
  const match = PARTIAL_ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    (day === undefined || date.getUTCDate() === Number(day))
  );
}

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function citationProblems(citation: TextCitation): string[] {
  const problems: string[] = [];
  if (!citation.title) problems.push('The title cannot be empty.');
  if (citation.published !== undefined && !isPartialIsoDate(citation.published))
    problems.push(`“${citation.published}” is no date of the form 2024-05-03, 2024-05 or 2024.`);
  if (citation.url !== undefined && !isWebAddress(citation.url))
    problems.push(`“${citation.url}” is no web address (http:// or https://).`);
  return problems;
}
