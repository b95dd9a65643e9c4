/**
 * Parts of countries that the news names as places of their own, which neither GeoNames'
 * cities500 (populated places only) nor the countries hold: England, Scotland, Wales, the West
 * Bank, the Gaza Strip, Sumatra, the Azores, Tasmania. From country-coder's borders
 * (@rapideditor/country-coder, ISC), each identified by its Wikidata item, at the label point of
 * its border. No other package the build can reach has such parts with a named source: GeoNames'
 * first-order divisions and Natural Earth's admin-1 are on neither npm nor Debian.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { nameKey } from '../src/lib/text/name-key.ts';
import { labelPoint } from './area-label-point.ts';
import type { SourceRecord } from './gazetteer-sources.ts';

const require = createRequire(import.meta.url);

interface TerritoryProperties {
  wikidata: string;
  nameEn: string;
  /** The ISO 3166-1 code of the country the part belongs to. */
  country?: string;
  /** A country's own code: such a feature is a country, which world-countries already holds. */
  iso1A2?: string;
  /** ISO 3166-2 codes among other codes ("GB-ENG"). */
  aliases?: string[];
  level?: string;
}

/**
 * Parts left out, by Wikidata item, and why:
 * - Q7835, Crimea: country-coder gives its country as Russia, where GeoNames and the UN give
 *   Ukraine. The atlas takes no side: the record is not drawn from a source that does.
 */
const LEFT_OUT = new Set(['Q7835']);
/** Groups of parts ("Mainland Australia", "Countries of the United Kingdom"), not places. */
const GROUP_LEVELS = new Set(['subcountryGroup']);

function borders(): Feature<Polygon | MultiPolygon | null, TerritoryProperties>[] {
  // The package exports only its code; its data file sits beside it (dist/ → src/data/).
  const root = dirname(dirname(require.resolve('@rapideditor/country-coder')));
  return JSON.parse(readFileSync(join(root, 'src', 'data', 'borders.json'), 'utf8')).features;
}

/**
 * The territories as gazetteer records: a first-order division where country-coder gives an ISO
 * 3166-2 code of its country ("GB-ENG"), else a region; the people of its cities500 places.
 * None whose name is already a country's or a US Census area's (US parts are the Census's).
 */
export function readTerritories(
  cities: readonly SourceRecord[],
  countries: readonly SourceRecord[],
): SourceRecord[] {
  const countryNames = new Set(countries.map((country) => nameKey(country.name)));
  const citiesOf = new Map<string, SourceRecord[]>();
  for (const city of cities) {
    const ofCountry = citiesOf.get(city.country);
    if (ofCountry) ofCountry.push(city);
    else citiesOf.set(city.country, [city]);
  }
  const records: SourceRecord[] = [];
  for (const territory of borders()) {
    const { wikidata, nameEn, country, iso1A2, aliases = [], level = '' } = territory.properties;
    const geometry = territory.geometry;
    if (!country || iso1A2 || !geometry || country === 'US') continue;
    if (LEFT_OUT.has(wikidata) || GROUP_LEVELS.has(level)) continue;
    if (countryNames.has(nameKey(nameEn))) continue;
    const division = aliases.some((alias) => alias.startsWith(`${country}-`));
    const [longitude, latitude] = labelPoint(geometry);
    const population = (citiesOf.get(country) ?? [])
      .filter((city) => booleanPointInPolygon([city.longitude, city.latitude], geometry))
      .reduce((sum, city) => sum + city.population, 0);
    records.push({
      source: 'country-coder',
      id: wikidata,
      name: nameEn,
      alternates: [],
      latitude: latitude!,
      longitude: longitude!,
      featureClass: division ? 'A' : 'L',
      featureCode: division ? 'ADM1' : 'RGN',
      country,
      admin1: '',
      admin2: '',
      population,
      url: '',
    });
  }
  return records.sort((first, second) => first.id.localeCompare(second.id));
}
