/**
 * The shapes of the map's style layers (src/lib/map/style/layer-builders.ts): what each builder
 * adds of its own (the marker's light ring, round joins, no antialiasing, the label font and
 * halo) and that it leaves out a property it is not given, rather than setting it to undefined.
 */
import {
  validateStyleMin,
  type FilterSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import * as build from '../../src/lib/map/style/layer-builders.ts';
import { COLOURS, LABEL_FONT } from '../../src/lib/map/style/theme.ts';

const target = build.inSource('points', { 'atlas:group': 'points', 'atlas:pick': 0 });
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];

describe('the style layers’ builders', () => {
  it('aim a layer at its source, group and filter', () => {
    expect(target('points-circle', isPoint)).toEqual({
      id: 'points-circle',
      source: 'points',
      metadata: { 'atlas:group': 'points', 'atlas:pick': 0 },
      filter: isPoint,
    });
  });

  it('ring a marker in the light outline unless told otherwise, or not at all', () => {
    const paintOf = (look: build.MarkerLook) => build.marker(target('m', true), look).paint;
    expect(paintOf({ colour: '#123456', radius: 5 })).toEqual({
      'circle-color': '#123456',
      'circle-radius': 5,
      'circle-stroke-color': COLOURS.markerOutline,
      'circle-stroke-width': 2,
    });
    expect(paintOf({ colour: '#fff', radius: 5, ring: { colour: '#123456', width: 2.5 } })).toEqual(
      {
        'circle-color': '#fff',
        'circle-radius': 5,
        'circle-stroke-color': '#123456',
        'circle-stroke-width': 2.5,
      },
    );
    expect(paintOf({ colour: '#fff', radius: 2, ring: null })).toEqual({
      'circle-color': '#fff',
      'circle-radius': 2,
    });
    expect(paintOf({ colour: '#fff', radius: 13, opacity: 0.9 })).toHaveProperty(
      'circle-opacity',
      0.9,
    );
  });

  it('round a line’s joins (and caps) only when asked, and dash it only when given dashes', () => {
    const plain = build.line(target('l', true), { colour: '#111', width: 1 });
    expect(plain).not.toHaveProperty('layout');
    expect(plain.paint).toEqual({ 'line-color': '#111', 'line-width': 1 });
    const dashes = [3, 1.5] as const;
    const rounded = build.line(target('l', true), {
      colour: '#111',
      width: 3,
      dashes,
      opacity: 0.5,
      round: 'joins',
    });
    expect(rounded.layout).toEqual({ 'line-join': 'round' });
    expect(rounded.paint).toEqual({
      'line-color': '#111',
      'line-width': 3,
      'line-opacity': 0.5,
      'line-dasharray': [3, 1.5],
    });
    // A copy: the style never holds the theme's frozen array.
    expect(rounded.paint!['line-dasharray']).not.toBe(dashes);
    const casing = build.line(target('l', true), {
      colour: '#fff',
      width: 6,
      round: 'joins and caps',
    });
    expect(casing.layout).toEqual({ 'line-join': 'round', 'line-cap': 'round' });
  });

  it('fill without antialiasing', () => {
    expect(build.fill(target('f', true), { colour: '#abc', opacity: 0.25 }).paint).toEqual({
      'fill-color': '#abc',
      'fill-opacity': 0.25,
      'fill-antialias': false,
    });
  });

  it('label in the page’s font, on a halo or none, placed as asked', () => {
    const label = build.label(
      target('t', true),
      { text: ['get', 'name'], size: 12, colour: '#222', halo: build.labelHalo(1.5) },
      build.besidePoint(0.8),
    );
    expect(label.layout).toEqual({
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT,
      'text-size': 12,
      'text-anchor': 'left',
      'text-offset': [0.8, 0],
      'text-optional': true,
    });
    expect(label.paint).toEqual({
      'text-color': '#222',
      'text-halo-color': COLOURS.labelHalo,
      'text-halo-width': 1.5,
    });
    const count = build.label(target('c', true), {
      text: ['get', 'point_count_abbreviated'],
      size: 11,
      colour: '#fff',
      halo: null,
    });
    expect(count.paint).toEqual({ 'text-color': '#fff' });
  });

  it('build layers valid by the style spec', () => {
    const style: StyleSpecification = {
      version: 8,
      sources: { points: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [
        build.fill(target('f', true), { colour: '#abc' }),
        build.line(target('l', true), { colour: '#111', width: 2, dashes: [1, 2], round: 'joins' }),
        build.marker(target('m', true), { colour: '#123', radius: 4 }),
        build.label(
          target('t', true),
          { text: ['get', 'name'], size: 12, colour: '#222', halo: build.GROUND_HALO },
          build.ALONG_LINE,
        ),
      ],
    };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
