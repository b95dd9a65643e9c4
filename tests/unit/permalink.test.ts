import { describe, expect, it } from 'vitest';
import { formatPermalink, parsePermalink } from '../../src/lib/ui/permalink.ts';
import { describePeriod, describeQuality } from '../../src/lib/ui/describe.ts';

describe('the permalink', () => {
  it('writes the view as OpenStreetMap does, with the open feature', () => {
    expect(
      formatPermalink({
        view: { zoom: 7.256, latitude: 39.8153449, longitude: 46.7518751 },
        featureId: 'lachin-road',
      }),
    ).toBe('#map=7.26/39.81534/46.75188&feature=lachin-road');
    expect(formatPermalink({ view: null, featureId: null })).toBe('');
  });

  it('reads back what it writes', () => {
    const link = {
      view: { zoom: 9, latitude: 40.2, longitude: 47 },
      featureId: 'yevlakh',
      asOf: '2021-06-01',
    };
    expect(formatPermalink(link)).toBe(
      '#map=9.00/40.20000/47.00000&feature=yevlakh&asof=2021-06-01',
    );
    expect(parsePermalink(formatPermalink(link))).toEqual(link);
  });

  it('carries the as-of date, and ignores one that is no real day', () => {
    expect(parsePermalink('#asof=2023-08-01').asOf).toBe('2023-08-01');
    for (const bad of ['2023-02-30', '2023-8-1', '1 June 2021', '2023-13-01', ''])
      expect(parsePermalink(`#asof=${bad}`).asOf, bad).toBeNull();
  });

  it('names a reader’s feature by its layer and number, slash and all', () => {
    const link = { view: null, featureId: 'import-3/12', asOf: null };
    expect(formatPermalink(link)).toBe('#feature=import-3/12');
    expect(parsePermalink('#feature=import-3/12')).toEqual(link);
    expect(parsePermalink('#feature=import-3%2F12')).toEqual(link);
  });

  it('ignores a malformed or out-of-range view rather than trusting it', () => {
    expect(parsePermalink('#map=abc/1/2').view).toBeNull();
    expect(parsePermalink('#map=5/95/10').view).toBeNull();
    expect(parsePermalink('#map=5/40').view).toBeNull();
    expect(parsePermalink('').featureId).toBeNull();
  });
});

describe('the permalink of a reader’s text', () => {
  it('names the text and a place of it by its own id', () => {
    const link = {
      view: { zoom: 6, latitude: 41.6, longitude: 41.6 },
      featureId: 'text-2/batumi-615532',
      textId: 'text-2',
      asOf: '2021-06-01',
    };
    const hash = formatPermalink(link);
    expect(hash).toBe(
      '#map=6.00/41.60000/41.60000&text=text-2&feature=batumi-615532&asof=2021-06-01',
    );
    expect(parsePermalink(hash)).toEqual(link);
    expect(parsePermalink('#text=text-2')).toEqual({
      view: null,
      featureId: null,
      textId: 'text-2',
      asOf: null,
    });
  });

  it('keeps a feature of another layer whole beside a text', () => {
    const link = { view: null, featureId: 'import-3/12', textId: 'text-2', asOf: null };
    expect(parsePermalink(formatPermalink(link))).toEqual(link);
  });
});

describe('plain words for the popup', () => {
  it('says how geometry was drawn', () => {
    expect(describeQuality('schematic', 'drawn through the waypoints')).toBe(
      'schematic: drawn through the waypoints',
    );
  });

  it('says a period in words', () => {
    expect(describePeriod('2020-11-10', '2022-08-30')).toBe('10 November 2020 to 30 August 2022');
    expect(describePeriod('2022-08-30')).toBe('from 30 August 2022');
    expect(describePeriod()).toBeNull();
    expect(describePeriod(undefined, '2023-01-01')).toBe('until 1 January 2023');
  });

  it('leaves a date it cannot read as the data gives it', () => {
    expect(describePeriod('2022-02-30')).toBe('from 2022-02-30');
    expect(describePeriod('August 2022')).toBe('from August 2022');
  });
});
