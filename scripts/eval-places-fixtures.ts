/**
 * npm run eval:places:fixtures: tests/fixtures/caucasus/texts.md → texts.jsonl, the evaluation's
 * format. In the Markdown, `# id` starts a text and {name|lat,lon} (or {name|XX}, a country at
 * its gazetteer point) marks a place; "X–Y road(s)/highway" between two marked places is a route
 * the finder must draw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalText, GoldSpan } from './eval-places-metrics.ts';
import { placeFinderData } from './place-finder-data.ts';

const DIRECTORY = join(import.meta.dirname, '..', 'tests', 'fixtures', 'caucasus');
const MARK = /\{([^|}]+)\|([^}]+)\}/g;
const ROUTE = /^\s*(?:(?:and|,)\s*)?$|^[-–—]$/;

const { gazetteer } = placeFinderData();
const countryPoint = (code: string): [number, number] => {
  for (const record of gazetteer.records()) {
    if (record.featureCode === 'PCLI' && record.country === code)
      return [record.latitude, record.longitude];
  }
  throw new Error(`texts.md: no country ${code} in the gazetteer`);
};

const markdown = readFileSync(join(DIRECTORY, 'texts.md'), 'utf8').replace(
  /<!--[\s\S]*?-->\s*/,
  '',
);
const texts: EvalText[] = markdown
  .split(/^# /m)
  .filter((block) => block.trim() !== '')
  .map((block) => {
    const [id, ...lines] = block.split('\n');
    const body = lines.join('\n').trim();
    const places: GoldSpan[] = [];
    let text = '';
    let from = 0;
    for (const match of body.matchAll(MARK)) {
      text += body.slice(from, match.index);
      const [name, where] = [match[1]!, match[2]!];
      const [lat, lon] = /^[A-Z]{2}$/.test(where)
        ? countryPoint(where)
        : where.split(',').map(Number);
      places.push({ name, start: text.length, end: text.length + name.length, lat, lon });
      text += name;
      from = match.index + match[0].length;
    }
    text += body.slice(from);
    const routes: GoldSpan[] = [];
    for (let index = 0; index + 1 < places.length; index++) {
      const [first, second] = [places[index]!, places[index + 1]!];
      if (!ROUTE.test(text.slice(first.end, second.start))) continue;
      if (!/^[-–—]$/.test(text.slice(first.end, second.start))) continue;
      // The pair's road word: right after it, or after the pairs it is listed with.
      if (!/^(?:\s+(?:and|,)\s+\S+[-–—]\S+)*\s+(?:roads?|highways?)\b/.test(text.slice(second.end)))
        continue;
      routes.push({ name: `${first.name}–${second.name}`, start: first.start, end: second.end });
    }
    return { id: id!.trim(), text, places, routes };
  });
writeFileSync(
  join(DIRECTORY, 'texts.jsonl'),
  texts.map((text) => JSON.stringify(text)).join('\n') + '\n',
);
console.log(
  `${texts.length} texts, ${texts.reduce((sum, text) => sum + text.places.length, 0)} places, ${texts.reduce((sum, text) => sum + text.routes!.length, 0)} routes`,
);
