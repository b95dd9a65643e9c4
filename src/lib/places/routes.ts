/**
 * Routes a text names by their ends: "the Aghdam–Khankendi road", "the Goris-Lachin and
 * Lachin-Khankendi roads", "the road from Goris to Lachin"; and "the Lachin corridor", a route
 * named for one place. A dash between two places is no road by itself ("the Paris-Dakar rally").
 */
import { ROUTE_WORDS } from './context-words.ts';
import type { NameMatch } from './name-scan.ts';

export interface RouteMention {
  start: number;
  end: number;
  /** The match of each end, in the text's order: one for a route named for a place. */
  ends: [NameMatch] | [NameMatch, NameMatch];
}

const DASH_BETWEEN = /^[ \t]*[-\u2010-\u2015][ \t]*$/;
/** The word after a pair (or a place), and the white space before it: route words are ASCII. */
const NEXT_WORD = /^[ \t]*\r?\n?[ \t]*([A-Za-z]+)/;
const AND_BETWEEN = /^[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]*)?$/;
/** "the road from X to Y", "the highway between X and Y": the words before X. */
const ROUTE_FROM = /\b(road|highway|route|corridor|railway|motorway)[ \t]+(?:from|between)[ \t]+$/i;
const TO_BETWEEN = /^[ \t]+(?:to|and)[ \t]+$/;

function wordAfter(text: string, end: number): { word: string; end: number } | undefined {
  const match = NEXT_WORD.exec(text.slice(end, end + 40));
  return match ? { word: match[1]!.toLowerCase(), end: end + match[0].length } : undefined;
}

/**
 * The routes among the matches, given in text order. `placed(match)` says whether the match's
 * name was placed: a route needs both ends placed.
 */
export function findRoutes(
  text: string,
  matches: readonly NameMatch[],
  placed: (match: NameMatch) => boolean,
): RouteMention[] {
  const routes: RouteMention[] = [];
  const inRoute = new Set<NameMatch>();
  // Pairs joined by a dash: "Aghdam–Khankendi".
  const pairs: [NameMatch, NameMatch][] = [];
  for (let index = 0; index + 1 < matches.length; index++) {
    const [first, second] = [matches[index]!, matches[index + 1]!];
    if (DASH_BETWEEN.test(text.slice(first.end, second.start))) pairs.push([first, second]);
  }
  pairs.forEach(([first, second], index) => {
    let after = wordAfter(text, second.end);
    // "X-Y and Z-W roads": the pairs before the last share its road word.
    let chained = index;
    while (after && !ROUTE_WORDS.has(after.word) && chained + 1 < pairs.length) {
      const next = pairs[chained + 1]!;
      if (!AND_BETWEEN.test(text.slice(pairs[chained]![1].end, next[0].start))) break;
      chained++;
      after = wordAfter(text, next[1].end);
    }
    if (!after || !ROUTE_WORDS.has(after.word) || !placed(first) || !placed(second)) return;
    const end = chained === index ? after.end : second.end;
    routes.push({ start: first.start, end, ends: [first, second] });
    inRoute.add(first).add(second);
  });
  // "the road from X to Y".
  for (let index = 0; index + 1 < matches.length; index++) {
    const [first, second] = [matches[index]!, matches[index + 1]!];
    if (inRoute.has(first) || !TO_BETWEEN.test(text.slice(first.end, second.start))) continue;
    const before = ROUTE_FROM.exec(text.slice(Math.max(0, first.start - 40), first.start));
    if (!before || !placed(first) || !placed(second)) continue;
    routes.push({ start: first.start - before[0].length, end: second.end, ends: [first, second] });
    inRoute.add(first).add(second);
  }
  // "the Lachin corridor": a route named for one place.
  for (const match of matches) {
    if (inRoute.has(match) || !placed(match)) continue;
    const after = wordAfter(text, match.end);
    if (!after || !['corridor', 'road', 'highway'].includes(after.word)) continue;
    if (!/\bthe[ \t]+$/i.test(text.slice(Math.max(0, match.start - 5), match.start))) continue;
    routes.push({ start: match.start, end: after.end, ends: [match] });
  }
  return routes.sort((a, b) => a.start - b.start);
}
