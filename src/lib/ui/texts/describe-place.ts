/**
 * A gazetteer record in words, as the review lists it: "Alexandria, United States, 139,966
 * people". Country names from the browser's own (Intl.DisplayNames), not a table of ours.
 */
let regions: Intl.DisplayNames | undefined;

/** "United States" for "US"; the code itself where the browser has no name, '' for none. */
export function countryName(code: string): string {
  if (!code) return '';
  try {
    regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

export function describePlace(place: { name: string; country: string; population: number }) {
  const country = countryName(place.country);
  const people = place.population > 0 ? `${place.population.toLocaleString('en')} people` : '';
  return [place.name, country, people].filter(Boolean).join(', ');
}
