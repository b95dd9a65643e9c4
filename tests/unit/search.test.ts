/**
 * Finding a place by any of its names, as a reader types it.
 */
import { describe, expect, it } from 'vitest';

import { readGazetteer } from '../../scripts/geodata-files.ts';
import { foldForSearch, searchByName } from '../../src/lib/text/search.ts';

const places = readGazetteer().entries;
const variantsOf = (id: string) =>
  places.find((place) => place.id === id)!.variants.map((variant) => variant.name);
const ids = (query: string) => searchByName(places, query).map((hit) => hit.item.id);

describe('searchByName over the gazetteer', () => {
  it('finds Khankendi by its Armenian name "Stepanakert", and says which name matched', () => {
    expect(variantsOf('khankendi')).toContain('Stepanakert');
    const hits = searchByName(places, 'Stepanakert');
    const khankendi = hits.find((hit) => hit.item.id === 'khankendi');
    expect(khankendi?.matchedName).toBe('Stepanakert');
  });

  it('finds the Garabagh region as "qarabag" and as "karabakh"', () => {
    expect(variantsOf('garabagh-region')).toEqual(expect.arrayContaining(['Qarabağ', 'Karabakh']));
    expect(ids('qarabag')).toEqual(['garabagh-region']);
    expect(ids('karabakh')).toEqual(['garabagh-region']);
    expect(ids('Garabagh')).toEqual(['garabagh-region']);
  });

  it('ignores case and diacritics, in the query and in the names', () => {
    expect(ids('SUSA')).toContain('shusha'); // Şuşa
    expect(ids('şuşa')).toContain('shusha');
    expect(ids('AGDAM')).toEqual(expect.arrayContaining(['aghdam', 'aghdam-khankendi-road']));
    expect(ids('Azerbaycan')).toContain('azerbaijan'); // Azərbaycan
  });

  it('reads Azerbaijani ı and ə as the i and e a reader types', () => {
    expect(ids('Baki')).toContain('baku'); // Bakı
    expect(ids('Xankendi')).toEqual(expect.arrayContaining(['khankendi', 'aghdam-khankendi-road']));
    expect(ids('Lacin')).toContain('lachin-road'); // Laçın dəhlizi
  });

  it('treats dashes and spaces alike', () => {
    expect(ids('Aghdam Khankendi')).toContain('aghdam-khankendi-road');
    expect(ids('agdam–stepanakert')).toContain('aghdam-khankendi-road');
    expect(ids('check point')).toContain('lachin-checkpoint');
  });

  it('lists the names that start with the query before those that only contain it', () => {
    const order = ids('khankendi');
    expect(order).toEqual(expect.arrayContaining(['khankendi', 'aghdam-khankendi-road']));
    expect(order.indexOf('khankendi')).toBeLessThan(order.indexOf('aghdam-khankendi-road'));
  });

  it('returns every place, under its own name, for an empty or blank query', () => {
    for (const query of ['', '   ', '\u00a0']) {
      const hits = searchByName(places, query);
      expect(hits.map((hit) => hit.item)).toEqual(places);
      expect(hits.map((hit) => hit.matchedName)).toEqual(places.map((place) => place.name));
    }
  });

  it('finds nothing for a name no place has', () => {
    expect(ids('Ganja')).toEqual([]);
  });
});

describe('foldForSearch', () => {
  it('lower-cases, drops marks, reads dashes as spaces and collapses white space', () => {
    expect(foldForSearch('  Ağdam–Xankəndi\u00a0 yolu ')).toBe('agdam xankendi yolu');
    expect(foldForSearch('Laçın dəhlizi')).toBe('lacin dehlizi');
  });
});
