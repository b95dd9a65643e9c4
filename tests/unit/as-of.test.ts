import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasFeature, AtlasLayer } from '../../src/lib/geo/contract.ts';
import {
  addDays,
  clampDate,
  describeStep,
  inForce,
  nearestDateInForce,
  parseIsoDate,
  timeRange,
} from '../../src/lib/ui/as-of.ts';

const features: AtlasFeature[] = ['areas', 'borders', 'routes', 'places'].flatMap(
  (layer) =>
    (JSON.parse(readFileSync(`geodata/layers/${layer}.geojson`, 'utf8')) as AtlasLayer).features,
);
const byId = (id: string) => features.find((feature) => feature.id === id)!.properties;

describe('which features held on a day', () => {
  it('shows the Lachin road’s earlier line until the day the 2023 line took over, never both', () => {
    const earlier = byId('lachin-road-2020-2022');
    const later = byId('lachin-road');
    expect(inForce(earlier, '2021-06-01')).toBe(true);
    expect(inForce(later, '2021-06-01')).toBe(false);
    expect(inForce(earlier, '2022-08-29')).toBe(true);
    expect(inForce(earlier, '2022-08-30')).toBe(false);
    expect(inForce(later, '2022-08-30')).toBe(true);
    expect(inForce(earlier, '2023-08-01')).toBe(false);
    expect(inForce(earlier, '2020-11-09')).toBe(false);
    // Undated features hold on every day.
    expect(inForce(byId('yevlakh'), '1900-01-01')).toBe(true);
  });

  it('reads only real days written YYYY-MM-DD', () => {
    expect(parseIsoDate('2021-06-01')).toBe('2021-06-01');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2021-6-1', '2021-06-01T00:00', '', null, undefined])
      expect(parseIsoDate(bad), String(bad)).toBeNull();
  });

  it('counts days across months and years', () => {
    expect(addDays('2022-08-30', -1)).toBe('2022-08-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('the range and the dates that matter, from the data', () => {
  const range = timeRange(features, '2023-08-14');

  it('runs from the first period’s start to the document’s date', () => {
    expect([range.start, range.end]).toEqual(['2020-11-10', '2023-08-14']);
    expect(range.steps.map((step) => step.date)).toEqual([
      '2020-11-10',
      '2022-08-30',
      '2023-04-23',
      '2023-08-14',
    ]);
    expect(clampDate('2019-01-01', range)).toBe('2020-11-10');
    expect(clampDate('2024-01-01', range)).toBe('2023-08-14');
    expect(clampDate('2022-01-01', range)).toBe('2022-01-01');
  });

  it('says what begins and ends on each, telling the two lines apart', () => {
    expect(range.steps.map(describeStep)).toEqual([
      'Begins: Lachin road (to 30 August 2022).',
      'Begins: Lachin road. Ends: Lachin road (from 10 November 2020).',
      'Begins: border check-point.',
      'The document’s date.',
    ]);
  });

  it('moves a date to the nearest day a feature held', () => {
    expect(nearestDateInForce(byId('lachin-road-2020-2022'), '2023-08-14')).toBe('2022-08-29');
    expect(nearestDateInForce(byId('lachin-checkpoint'), '2021-01-01')).toBe('2023-04-23');
    expect(nearestDateInForce(byId('lachin-road'), '2022-09-01')).toBe('2022-09-01');
  });
});
