/**
 * A US state written after a town by its AP or postal abbreviation ("Alexandria, La.",
 * "Charleston, W.Va.", "Washington, D.C."): a mention of the state, and the qualifier that
 * places the town in it (choose.ts).
 */
import { nameKey } from '../text/name-key.ts';
import type { NameMatch } from './name-scan.ts';
import type { WorldGazetteer } from './world-gazetteer.ts';

export interface UsState {
  postal: string;
  name: string;
}

/** The AP ("La.") and postal ("LA") abbreviations of each state. */
export type StateAbbreviations = ReadonlyMap<string, UsState>;

/** The abbreviations of geodata/world-gazetteer/us-states.json. */
export function stateAbbreviations(file: {
  states: { postal: string; ap: string; name: string }[];
}): StateAbbreviations {
  const abbreviations = new Map<string, UsState>();
  for (const { postal, ap, name } of file.states) {
    abbreviations.set(ap, { postal, name }).set(postal, { postal, name });
  }
  return abbreviations;
}

/** After a town's name: a comma, then what may be an abbreviation ("W.Va.", "Calif."). */
const AFTER_TOWN = /^,[ \t]*([A-Z][A-Za-z.]{0,6})/;

/**
 * The matches with a match added for each state abbreviation written after a matched town, in
 * text order, each with its index. The abbreviation's match means the state's record alone.
 */
export function withStateAbbreviations(
  text: string,
  matches: readonly NameMatch[],
  gazetteer: WorldGazetteer,
  states: StateAbbreviations,
): NameMatch[] {
  const all: NameMatch[] = [];
  matches.forEach((match, index) => {
    all.push(match);
    const after = AFTER_TOWN.exec(text.slice(match.end, match.end + 12));
    if (!after) return;
    let written = after[1]!;
    while (written !== '' && !states.has(written)) written = written.slice(0, -1);
    const start = match.end + after[0].length - after[1]!.length;
    const end = start + written.length;
    // Whole: no letter right after it, and not the start of a name found already.
    if (written === '' || /\p{L}/u.test(text[end] ?? '') || matches[index + 1]?.start === start) {
      return;
    }
    const state = states.get(written)!;
    const record = gazetteer.lookup(nameKey(state.name))?.records.find((candidate) => {
      const stateRecord = gazetteer.record(candidate);
      return (
        stateRecord.featureCode === 'ADM1' &&
        stateRecord.country === 'US' &&
        stateRecord.admin1 === state.postal
      );
    });
    if (record === undefined) return;
    all.push({
      index: -1,
      start,
      end,
      key: `us-state ${state.postal.toLowerCase()}`,
      entry: { records: [record], commonWord: false },
      sentenceStart: false,
      dateline: match.dateline,
      allCaps: false,
    });
  });
  all.forEach((match, index) => (match.index = index));
  return all;
}
