/**
 * Plain words for the contract's codes, as the popup and the legend say them.
 */
import { formatDate } from '../geo/citation.ts';
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

/** "from 30 August 2022", "10 November 2020 to 30 August 2022", or null for an undated feature. */
export function describePeriod(validFrom?: string, validTo?: string): string | null {
  if (validFrom && validTo) return `${formatDate(validFrom)} to ${formatDate(validTo)}`;
  if (validFrom) return `from ${formatDate(validFrom)}`;
  if (validTo) return `until ${formatDate(validTo)}`;
  return null;
}
