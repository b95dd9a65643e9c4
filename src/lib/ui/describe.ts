/**
 * Plain words for the contract's codes, as the popup and the legend say them.
 */
import type { FeatureKind, GeometryQuality } from '../geo/contract.ts';

const KIND_WORDS: Record<FeatureKind, string> = {
  route: 'Route',
  settlement: 'Settlement',
  checkpoint: 'Checkpoint',
  region: 'Region',
  country: 'Country',
  border: 'Border',
};

export function describeKind(kind: string): string {
  return KIND_WORDS[kind as FeatureKind] ?? kind;
}

const QUALITY_WORDS: Record<GeometryQuality, string> = {
  surveyed: 'surveyed',
  schematic: 'schematic',
  approximate: 'approximate',
};

/** "schematic: drawn as straight segments through ..." */
export function describeQuality(quality: string, note: string | undefined): string {
  const word = QUALITY_WORDS[quality as GeometryQuality] ?? quality;
  return note ? `${word}: ${note}` : word;
}

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

/**
 * "30 August 2022". Written out by hand rather than with toLocaleDateString: the first call of
 * that loads the ICU date data (about 60 ms on the first view), for words that never change.
 */
function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!match || !date || date.getUTCMonth() !== +match[2]! - 1 || date.getUTCDate() !== +match[3]!)
    return isoDate;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "from 30 August 2022", "10 November 2020 to 30 August 2022", or null for an undated feature. */
export function describePeriod(validFrom?: string, validTo?: string): string | null {
  if (validFrom && validTo) return `${formatDate(validFrom)} to ${formatDate(validTo)}`;
  if (validFrom) return `from ${formatDate(validFrom)}`;
  if (validTo) return `until ${formatDate(validTo)}`;
  return null;
}
