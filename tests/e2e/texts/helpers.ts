/**
 * Helpers of the browser tests of the reader's texts: opening one as a reader would (paste,
 * choose, drop), what the model holds of it, and real clicks on its places at their pixels.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, clickAt, featurePopup } from '../fixtures.ts';

export const FIXTURES = 'tests/fixtures/texts';
export const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`);

/** Waits for the texts to be loaded (after the map's first view): "Your texts" is there. */
export async function textsReady(page: Page): Promise<void> {
  await expect(page.locator('#texts-heading')).toBeVisible();
}

/** Pastes a text and asks for its places; waits until it is opened. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await textsReady(page);
  await page.locator('#paste-text').fill(text);
  await page.getByRole('button', { name: 'Find its places' }).click();
  await expect(page.locator('.open-done')).toContainText('Opened');
  // Opened, the text is among the reader's texts; the box is ready for the next.
  await expect(page.locator('#paste-text')).toHaveValue('');
}

/** Chooses a file under "Open a text". */
export async function chooseText(page: Page, name: string, buffer: Buffer): Promise<void> {
  await textsReady(page);
  await page.setInputFiles('#open-text-file', {
    name,
    mimeType: 'application/octet-stream',
    buffer,
  });
}

/** Drops a file on the map, as a reader drags it from their desktop. */
export async function dropText(page: Page, name: string, buffer: Buffer): Promise<void> {
  await textsReady(page);
  const transfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name));
      return data;
    },
    { name, base64: buffer.toString('base64') },
  );
  await page.dispatchEvent('.map-area', 'drop', { dataTransfer: transfer });
}

export interface TextPlace {
  id: string;
  name: string;
  certainty: string;
  quality: string;
  coordinates: number[];
  mentions: number;
}

/** The places of the text layer `layerId` as the model holds them. */
export function textPlaces(page: Page, layerId = 'text-1'): Promise<TextPlace[]> {
  return page.evaluate((id) => {
    const layer = window.passageAtlas!.atlas.layer(id);
    if (layer?.origin !== 'text') return [];
    return layer.data.features.map((feature) => ({
      id: feature.id,
      name: feature.properties.name,
      certainty: feature.properties.certainty,
      quality: feature.properties.geometryQuality,
      coordinates: feature.geometry.coordinates.flat() as number[],
      mentions: feature.properties.mentions.length,
    }));
  }, layerId);
}

export async function placeNamed(page: Page, name: string, layerId = 'text-1') {
  const place = (await textPlaces(page, layerId)).find((candidate) => candidate.name === name);
  if (!place) throw new Error(`no place named ${name} in ${layerId}`);
  return place;
}

/** A real click on a place's marker, brought into view; waits for its popup. */
export async function clickPlace(page: Page, name: string, layerId = 'text-1'): Promise<void> {
  const place = await placeNamed(page, name, layerId);
  await clickAt(page, place.coordinates.slice(0, 2) as [number, number], 7);
  await expect(featurePopup(page).locator('h2')).toHaveText(name);
}

/** Drops a file of `bytes` letters, made in the page (a large file is slow to send it). */
export async function dropLargeText(page: Page, name: string, bytes: number): Promise<void> {
  await textsReady(page);
  const transfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes).fill(0x61)], name));
      return data;
    },
    { name, bytes },
  );
  await page.dispatchEvent('.map-area', 'drop', { dataTransfer: transfer });
}
