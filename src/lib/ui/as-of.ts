/**
 * The "as of" date: which of the document's features held on a given day, the range a reader
 * may choose from, and the dates that matter in it — all read from the data (each feature's
 * `validFrom`/`validTo` and the document's date), none written here.
 */
import { formatDate } from '../geo/citation.ts';
import type { AtlasFeature } from '../geo/contract.ts';
import { describePeriod } from './describe.ts';

/** A feature's period: `validFrom` is its first day, `validTo` the day it stopped holding. */
export interface Period {
  validFrom?: string | undefined;
  validTo?: string | undefined;
}

/**
 * Whether a feature held on `date` (ISO dates compare as text). `validTo` is the day another
 * geometry took over (the Lachin road's 2023 line from 30 August 2022, its earlier line "to 30
 * August 2022"): on that day the later one holds, never both.
 */
export function inForce({ validFrom, validTo }: Period, date: string): boolean {
  return (!validFrom || validFrom <= date) && (!validTo || date < validTo);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, or null: "2023-02-30" and "2023-8-1" are not. */
export function parseIsoDate(value: string | null | undefined): string | null {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value! : null;
}

/** The ISO date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A date the features change on: who begins and who ends. */
export interface TimeStep {
  date: string;
  begins: AtlasFeature[];
  ends: AtlasFeature[];
  /** The document's own date. */
  documentDate: boolean;
}

export interface TimeRange {
  /** The earliest day any feature's period starts (or the document's date, if none does). */
  start: string;
  /** The document's date: nothing after it is the document's to say. */
  end: string;
  /** Every date in the range a feature begins or ends on, and the document's, in order. */
  steps: TimeStep[];
}

export function timeRange(features: readonly AtlasFeature[], documentDate: string): TimeRange {
  const dates = new Set<string>([documentDate]);
  for (const { properties } of features) {
    for (const date of [properties.validFrom, properties.validTo]) {
      if (date && date <= documentDate) dates.add(date);
    }
  }
  const sorted = [...dates].sort();
  return {
    start: sorted[0]!,
    end: documentDate,
    steps: sorted.map((date) => ({
      date,
      begins: features.filter((feature) => feature.properties.validFrom === date),
      ends: features.filter((feature) => feature.properties.validTo === date),
      documentDate: date === documentDate,
    })),
  };
}

/** A date inside the range: before it, its start; after it, its end. */
export function clampDate(date: string, range: Pick<TimeRange, 'start' | 'end'>): string {
  if (date < range.start) return range.start;
  return date > range.end ? range.end : date;
}

/**
 * The day nearest to `date` on which a feature held (its first day, or the last before its
 * `validTo`): where the as-of date moves when the reader opens a feature of another time.
 */
export function nearestDateInForce(period: Period, date: string): string {
  if (inForce(period, date)) return date;
  if (period.validFrom && date < period.validFrom) return period.validFrom;
  return addDays(period.validTo!, -1);
}

/** A feature's name, with its period where it has one: how two lines of one road differ. */
export function datedName(feature: AtlasFeature): string {
  const period = describePeriod(feature.properties.validFrom, feature.properties.validTo);
  return period ? `${feature.properties.name} (${period})` : feature.properties.name;
}

/**
 * What happens on a step's date, in words: "Begins: Lachin road (to 30 August 2022)". Each
 * feature is told apart from others of its name by its other end.
 */
export function describeStep(step: TimeStep): string {
  const otherEnd = (feature: AtlasFeature, end: string | undefined, word: string) =>
    end ? `${feature.properties.name} (${word} ${formatDate(end)})` : feature.properties.name;
  const begins = step.begins.map((f) => otherEnd(f, f.properties.validTo, 'to'));
  const ends = step.ends.map((f) => otherEnd(f, f.properties.validFrom, 'from'));
  return [
    ...(begins.length > 0 ? [`Begins: ${begins.join(', ')}.`] : []),
    ...(ends.length > 0 ? [`Ends: ${ends.join(', ')}.`] : []),
    ...(step.documentDate ? ['The document’s date.'] : []),
  ].join(' ');
}
