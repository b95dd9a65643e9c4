/**
 * The bench's news text: about 100 KB of wire-style reports, written for the bench (never taken
 * from the evaluation's articles), made of sentences of our own about trade, weather, transport
 * and diplomacy, naming towns and countries near and far, with datelines. From a seeded PRNG:
 * the same text on every run and every machine.
 */
import { mulberry32 } from './points.ts';

export const NEWS_TEXT_BYTES = 100_000;

const PLACES = [
  'Tbilisi',
  'Batumi',
  'Kutaisi',
  'Yerevan',
  'Gyumri',
  'Baku',
  'Ganja',
  'Sumqayit',
  'Goris',
  'Shusha',
  'Lankaran',
  'Nakhchivan',
  'Trabzon',
  'Istanbul',
  'Ankara',
  'Tehran',
  'Tabriz',
  'Moscow',
  'Rostov-on-Don',
  'Sochi',
  'Kyiv',
  'Odesa',
  'Warsaw',
  'Berlin',
  'Vienna',
  'Rome',
  'Paris',
  'Madrid',
  'Lisbon',
  'London',
  'Dublin',
  'Brussels',
  'Geneva',
  'Athens',
  'Sofia',
  'Bucharest',
  'Cairo',
  'Amman',
  'Beirut',
  'Dubai',
  'Doha',
  'Karachi',
  'Delhi',
  'Mumbai',
  'Dhaka',
  'Beijing',
  'Shanghai',
  'Tokyo',
  'Seoul',
  'Jakarta',
  'Manila',
  'Sydney',
  'Auckland',
  'Nairobi',
  'Lagos',
  'Accra',
  'Johannesburg',
  'Toronto',
  'Chicago',
  'Denver',
  'Houston',
  'Atlanta',
  'Boston',
  'Seattle',
  'Mexico City',
  'Bogota',
  'Lima',
  'Santiago',
  'Buenos Aires',
];
const COUNTRIES = [
  'Georgia',
  'Armenia',
  'Azerbaijan',
  'Turkey',
  'Iran',
  'Kazakhstan',
  'Ukraine',
  'Poland',
  'Germany',
  'France',
  'Italy',
  'Spain',
  'Egypt',
  'Jordan',
  'India',
  'China',
  'Japan',
  'Kenya',
  'Nigeria',
  'Canada',
  'Mexico',
  'Brazil',
  'Chile',
  'Australia',
];
const MONTHS = ['March', 'April', 'May', 'June', 'July', 'September', 'October', 'November'];

const SENTENCES = [
  'Officials from {country} met their counterparts in {place} on {weekday} to settle the terms of a new trade agreement.',
  'The talks in {place} ran late into the evening, a spokesman said, and will resume next week.',
  'Freight trains between {place} and {place2} were delayed for a second day after heavy rain washed out a bridge.',
  'Farmers near {place} said the harvest was the best in a decade, although prices have fallen since spring.',
  'A delegation from {country} is expected in {place} later this month to discuss energy supplies.',
  'Flights from {place} to {place2} were cancelled on {weekday} as fog closed the airport for several hours.',
  'The mayor of {place} opened a new library, the third in the city since the start of the year.',
  'Hauliers complained that the border crossing on the road to {place} now takes up to six hours.',
  'Students in {place} marched through the old town to demand cheaper public transport.',
  'The central bank of {country} left its main interest rate unchanged, citing slower growth.',
  'A new ferry will link {place} with {place2} from the summer, the port authority announced.',
  'Engineers in {place} are testing buses that run on hydrogen, the first of their kind in {country}.',
  'Thousands of visitors came to {place} for the wine festival, hotels reported.',
  'The foreign minister of {country} said the meeting in {place} had been useful but difficult.',
  'Power was restored to most homes in {place} by Thursday after a storm brought down lines.',
  'Exports from {country} to markets in {place2} rose by a fifth in the first quarter.',
  'A court in {place} ordered the company to pay compensation to its former workers.',
  'Doctors in {place} warned of a busy flu season and urged older residents to be vaccinated.',
  'The river rose above its banks near {place}, and emergency teams moved families to higher ground.',
  'Builders in {place} say the cost of cement has doubled in two years.',
  'A museum in {place} returned two manuscripts to a monastery outside {place2}.',
  'The national team of {country} trained in {place} ahead of the qualifier.',
  'Tourism officials in {place} hope that the new rail line from {place2} will bring more visitors.',
  'Prices at the market in {place} were steady, traders said, though fruit was scarce.',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** About `bytes` bytes of news, paragraphs a blank line apart, each report under a dateline. */
export function newsText(bytes = NEWS_TEXT_BYTES, seed = 2_024_0503): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const place = pick(PLACES);
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      pick(SENTENCES)
        .replace('{place}', place)
        .replace('{place2}', pick(PLACES))
        .replace('{country}', pick(COUNTRIES))
        .replace('{weekday}', pick(WEEKDAYS)),
    );
    const day = 1 + Math.floor(random() * 28);
    const paragraph = `${place.toUpperCase()}, ${pick(MONTHS)} ${day} - ${sentences.join(' ')}`;
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}
