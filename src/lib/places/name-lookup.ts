/**
 * A name looked up in the world gazetteer, as a reader searching for where a place is: every
 * record of that name, largest first, each with all that a place put there needs (its point,
 * kind and citation). What the page's review asks the place finder's worker for: the record of
 * another candidate, or the place of a name the finder missed. Pure: runs in the worker.
 */
import type { Source } from '../geo/contract.ts';
import { nameKey } from '../text/name-key.ts';
import { otherNamesOf, recordKind } from './find-places.ts';
import type { FoundKind, GazetteerReference } from './found-feature.ts';
import type { WorldGazetteer } from './world-gazetteer.ts';

/** A gazetteer record with all that a place put there needs: its point, kind and citation. */
export interface GazetteerPlace {
  id: string;
  name: string;
  country: string;
  population: number;
  coordinates: [number, number];
  kind: FoundKind;
  gazetteer: GazetteerReference;
  source: Source;
  /** The record's other names (not its spellings), as the finder would list them. */
  otherNames: string[];
}

/** How many records of one name a search lists at most. */
export const LOOKUP_LIMIT = 25;

/** The records of a name, however its case, marks and dashes are written; largest first. */
export function lookupPlaces(
  gazetteer: WorldGazetteer,
  name: string,
  limit = LOOKUP_LIMIT,
): GazetteerPlace[] {
  const entry = gazetteer.lookup(nameKey(name));
  if (!entry) return [];
  return entry.records
    .map((index) => gazetteer.record(index))
    .sort((a, b) => b.population - a.population || a.index - b.index)
    .slice(0, limit)
    .map((record) => {
      const { gazetteer: reference, source } = gazetteer.citation(record);
      return {
        id: record.id,
        name: record.name,
        country: record.country,
        population: record.population,
        coordinates: [record.longitude, record.latitude],
        kind: recordKind(record),
        gazetteer: reference,
        source,
        otherNames: otherNamesOf(record, name),
      };
    });
}
