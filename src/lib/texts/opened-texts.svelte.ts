/**
 * The whole life of a text the reader opens, in one place: read (pasted, dropped or chosen),
 * its places found in the place finder's worker with progress, added to the model as a layer of
 * its own (`origin: 'text'`, an id never given before, a colour no other layer has) and kept in
 * the browser; read in the reading panel; reviewed (each decision an operation of its log, kept
 * at once; undone and redone); cited as the reader says; exported; restored after a reload in
 * order; and removed, with its record. The map, the list and the panels follow the model.
 *
 * Keeping is best effort: where the browser keeps nothing the reader is told, and the text works
 * until the page closes. Nothing leaves the device.
 */
import type { PlaceFinderClient } from '../places/place-finder-client.ts';
import type { GazetteerPlace } from '../places/name-lookup.ts';
import { TextFileError } from '../text/text-file.ts';
import { nextTask } from '../next-task.ts';
import type { AtlasState } from '../ui/atlas-state.svelte.ts';
import { downloadBlob } from '../ui/download.ts';
import {
  pickColour,
  textFeatureId,
  uniqueLayerName,
  type TextLayerEntry,
} from '../ui/layer-model.ts';
import { pastedInput, readFileInput, type TextInput } from './read-text.ts';
import {
  addedFeatureId,
  EMPTY_LOG,
  redo,
  undo,
  withOperation,
  type Placement,
  type ReviewLog,
  type ReviewOperation,
} from './review.ts';
import {
  reviewedData,
  textExportFileName,
  textExportLayer,
  TEXT_EXPORT_LAYER,
} from './text-layer.ts';
import type { StoredText, TextCitation, TextStore } from './text-store.ts';

export const TEXT_ID_PREFIX = 'text-';
const UNTIL_CLOSED = 'It works until the page is closed.';

/** What the reader is placing with a click on the map: a found place, or a name it missed. */
export type Placing =
  | { layerId: string; featureId: string; name: string }
  | { layerId: string; newName: string; name: string };

export interface OpenProgress {
  /** The file's name, or "the pasted text". */
  what: string;
  step: string;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The store and the finder load when first needed: never in the page's first load. */
const openStoredTexts = () => import('./text-store.ts').then((module) => module.openTextStore());
const startFinder = () =>
  import('../places/place-finder-client.ts').then((module) => new module.PlaceFinderClient());

export class OpenedTexts {
  /** The text the reading panel shows, by its layer's id; null for the atlas's own document. */
  reading = $state<string | null>(null);
  progress = $state<OpenProgress | null>(null);
  /** Why what the reader gave was not opened, each naming it; nothing they had is changed. */
  problems = $state<string[]>([]);
  /** What was opened last, for the panel to say. */
  done = $state('');
  /** What went wrong keeping the reader's texts; null when all is well. */
  storageProblem = $state<string | null>(null);
  /** A place waiting for a click on the map (or "here" at the map's centre). */
  placing = $state<Placing | null>(null);
  /** Resolves once the kept texts are back (never rejects: problems go to storageProblem). */
  readonly ready: Promise<void>;
  #begin: () => void = () => undefined;
  #store: TextStore | null = null;
  #finder: Promise<PlaceFinderClient> | null = null;
  #nextNumber = 1;
  /** What each text keeps beside its layer: its record, as stored (the layer is what is shown). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing is drawn from it
  readonly #kept = new Map<string, StoredText>();

  constructor(
    private readonly atlas: AtlasState,
    openStore: () => Promise<TextStore> = openStoredTexts,
    private readonly createFinder: () => Promise<PlaceFinderClient> = startFinder,
  ) {
    this.ready = new Promise<void>((resolve) => (this.#begin = resolve)).then(() =>
      this.#restore(openStore),
    );
  }

  /** Brings the kept texts back (once the page has drawn its first view); the first open too. */
  start(): Promise<void> {
    this.#begin();
    return this.ready;
  }

  get finder(): Promise<PlaceFinderClient> {
    this.#finder ??= this.createFinder();
    return this.#finder;
  }

  #problem(error: unknown, fallback: string): void {
    const message =
      error instanceof Error && error.name === 'StorageFailed'
        ? error.message
        : `${fallback}: ${describe(error)}`;
    this.storageProblem = `${message}. ${UNTIL_CLOSED}`;
  }

  async #restore(openStore: () => Promise<TextStore>): Promise<void> {
    try {
      this.#store = await openStore();
    } catch (error) {
      return this.#problem(error, 'Your texts cannot be kept in this browser');
    }
    let kept: StoredText[];
    try {
      kept = await this.#store.load();
    } catch (error) {
      return this.#problem(error, 'Your kept texts could not be read');
    }
    for (const record of kept) {
      this.#nextNumber = Math.max(this.#nextNumber, numberOf(record.id) + 1);
      this.#kept.set(record.id, record);
      this.atlas.addLayer(this.#entry(record));
    }
  }

  #entry(record: StoredText): TextLayerEntry {
    const others = this.atlas.layers.filter((layer) => layer.id !== record.id);
    return {
      id: record.id,
      origin: 'text',
      name: uniqueLayerName(record.citation.title, others),
      colour: pickColour(others, record.colour),
      visible: record.visible,
      clustered: false,
      data: reviewedData(record, record.review),
    };
  }

  text(id: string): TextLayerEntry | undefined {
    const layer = this.atlas.layer(id);
    return layer?.origin === 'text' ? layer : undefined;
  }

  async #takeNumber(): Promise<number> {
    let number = this.#nextNumber;
    if (this.#store) {
      try {
        number = Math.max(number, await this.#store.takeNumber());
      } catch (error) {
        this.#problem(error, 'The text could not be numbered');
      }
    }
    this.#nextNumber = number + 1;
    return number;
  }

  /**
   * Keeps a change to a text: the whole record, from the page's copy, in one write asked for in
   * the task of the change (a read before the write left a window in which a reload dropped it).
   */
  async #keep(id: string, changes: Partial<Omit<StoredText, 'id'>>): Promise<void> {
    const record = this.#kept.get(id);
    if (!record) return;
    const changed = { ...record, ...changes };
    this.#kept.set(id, changed);
    try {
      await this.#store?.put(changed);
    } catch (error) {
      this.#problem(error, 'The change could not be kept');
    }
  }

  /** Reads what the reader gave, finds its places and opens it; problems name what was given. */
  async open(what: string, read: () => Promise<TextInput>): Promise<TextLayerEntry | null> {
    this.problems = [];
    this.done = '';
    this.progress = { what, step: 'Reading' };
    try {
      const input = await read();
      this.progress = { what, step: 'Finding places' };
      const finder = await this.finder;
      const found = await finder.find(input.text, (phase) => {
        if (phase !== 'done')
          this.progress = {
            what,
            step: phase === 'loading gazetteer' ? 'Loading the gazetteer' : 'Finding places',
          };
      });
      await this.start();
      const id = `${TEXT_ID_PREFIX}${await this.#takeNumber()}`;
      const record: StoredText = {
        id,
        order: numberOf(id),
        citation: { title: input.title },
        file: input.file,
        sha256: input.sha256,
        text: input.text,
        found,
        review: EMPTY_LOG,
        visible: true,
        colour: '',
      };
      const entry = this.#entry(record);
      record.colour = entry.colour;
      this.#kept.set(id, record);
      this.atlas.addLayer(entry);
      if (entry.data.bounds) this.atlas.showBounds(entry.data.bounds);
      // The map and the lists take the text in one task, the reading panel in the next: a long
      // text's both at once held the page for longer than a frame.
      await nextTask();
      this.show(id);
      const count = entry.data.features.length;
      this.done = `Opened “${entry.name}”: ${count === 0 ? 'no place found' : `${count} place${count === 1 ? '' : 's'} found, each a suggestion to review`}.`;
      try {
        // Kept in a task of its own too: the browser copies the whole text as it stores it.
        await nextTask();
        await this.#store?.put(record);
      } catch (error) {
        this.#problem(error, `“${entry.name}” could not be kept`);
      }
      return entry;
    } catch (error) {
      this.problems = [
        error instanceof TextFileError ? error.message : `${what}: ${describe(error)}`,
      ];
      return null;
    } finally {
      this.progress = null;
    }
  }

  /** Opens each file as a text, one after another. */
  async openFiles(files: Iterable<File>): Promise<void> {
    for (const file of files)
      await this.open(file.name, () =>
        readFileInput(file, (page, pages) => {
          this.progress = { what: file.name, step: `Reading page ${page} of ${pages}` };
        }),
      );
  }

  openPasted(text: string): Promise<TextLayerEntry | null> {
    return this.open('The pasted text', () => pastedInput(text));
  }

  /** Shows a text in the reading panel (null: the atlas's document); the map stays. */
  show(id: string | null): void {
    if (this.placing && this.placing.layerId !== id) this.placing = null;
    this.reading = id !== null && this.text(id) ? id : null;
  }

  /** Shows a text in the reading panel and its places on the map. */
  read(id: string | null): void {
    this.show(id);
    const entry = id === null ? undefined : this.text(id);
    if (!entry) return;
    if (!entry.visible) this.setVisible(entry.id, true);
    if (entry.data.bounds) this.atlas.showBounds(entry.data.bounds);
  }

  setVisible(id: string, visible: boolean): void {
    this.atlas.setVisible(id, visible);
    void this.#keep(id, { visible });
  }

  /** Replaces a text's review log; the layer, the selection and the record follow. */
  #review(id: string, review: ReviewLog): void {
    const entry = this.text(id);
    const record = this.#kept.get(id);
    if (!entry || !record) return;
    this.atlas.replaceLayer({ ...entry, data: reviewedData(record, review) });
    // A place that is gone (rejected, or its adding undone) has no popup to show.
    const selected = this.atlas.selection?.featureId;
    if (selected && !this.atlas.resolve(selected)) this.atlas.clearSelection();
    void this.#keep(id, { review });
  }

  #do(id: string, operation: ReviewOperation): void {
    const entry = this.text(id);
    if (entry) this.#review(id, withOperation(entry.data.review, operation));
  }

  confirm(id: string, featureId: string): void {
    this.#do(id, { type: 'confirm', feature: featureId });
  }

  reject(id: string, featureId: string): void {
    this.#do(id, { type: 'reject', feature: featureId });
  }

  /** Puts a rejected place back as it was. */
  restore(id: string, featureId: string): void {
    this.#do(id, { type: 'restore', feature: featureId });
  }

  /** Puts a found place where the reader says, and shows it there. */
  place(id: string, featureId: string, placement: Placement): void {
    this.#do(id, { type: 'place', feature: featureId, placement });
    this.atlas.select({ featureId: textFeatureId(id, featureId), origin: 'list' });
  }

  /** Adds a place for a name the finder missed (every unmarked occurrence of it), and shows it. */
  addName(id: string, name: string, placement: Placement): void {
    const entry = this.text(id);
    if (!entry) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, read once
    const taken = new Set([
      ...entry.data.found.map((feature) => feature.id),
      ...entry.data.features.map((feature) => feature.id),
    ]);
    const featureId = addedFeatureId(name, taken);
    this.#do(id, { type: 'add', feature: featureId, name, placement });
    if (this.text(id)?.data.features.some((feature) => feature.id === featureId))
      this.atlas.select({ featureId: textFeatureId(id, featureId), origin: 'list' });
  }

  undo(id: string): void {
    const entry = this.text(id);
    if (entry) this.#review(id, undo(entry.data.review));
  }

  redo(id: string): void {
    const entry = this.text(id);
    if (entry) this.#review(id, redo(entry.data.review));
  }

  /** Waits for a click on the map (placeAt) to put a place; another call replaces the wait. */
  startPlacing(placing: Placing): void {
    this.placing = placing;
  }

  /** Puts the place the reader is placing at a point of the map. */
  placeAt(coordinates: [number, number]): void {
    const placing = this.placing;
    this.placing = null;
    if (!placing) return;
    const placement: Placement = { by: 'hand', coordinates };
    if ('featureId' in placing) this.place(placing.layerId, placing.featureId, placement);
    else this.addName(placing.layerId, placing.newName, placement);
  }

  /** Every record of a name in the gazetteer (the finder's worker looks it up). */
  async lookup(name: string): Promise<GazetteerPlace[]> {
    return (await this.finder).lookup(name);
  }

  /** What the reader says to cite the text by; its layer is named after its title. */
  setCitation(id: string, citation: TextCitation): void {
    const entry = this.text(id);
    const record = this.#kept.get(id);
    if (!entry || !record) return;
    const updated = { ...record, citation };
    this.#kept.set(id, updated);
    const others = this.atlas.layers.filter((layer) => layer.id !== id);
    this.atlas.replaceLayer({
      ...entry,
      name: uniqueLayerName(citation.title, others),
      data: reviewedData(updated, entry.data.review),
    });
    void this.#keep(id, { citation });
  }

  /** Saves a text's places as GeoJSON (confirmed only, unless asked); says what it saved. */
  async export(id: string, withSuggested: boolean): Promise<string> {
    const entry = this.text(id);
    if (!entry) return '';
    try {
      const { exportInWorker } = await import('../geo/export-in-worker.ts');
      const layer = textExportLayer(entry.data, withSuggested);
      const result = await exportInWorker([layer], { layer: TEXT_EXPORT_LAYER });
      const fileName = textExportFileName(entry.data.document.title);
      downloadBlob(result.file, fileName);
      return `Saved ${fileName} (${result.featureCount} place${result.featureCount === 1 ? '' : 's'}${withSuggested ? ', suggestions included' : ' confirmed'}).`;
    } catch (error) {
      return `Nothing was exported: ${describe(error)}`;
    }
  }

  /** Takes a text away, and everything it held: its layer, its record, its selection. */
  async remove(id: string): Promise<void> {
    if (!this.text(id)) return;
    if (this.reading === id) this.reading = null;
    if (this.placing?.layerId === id) this.placing = null;
    this.atlas.removeLayer(id);
    this.#kept.delete(id);
    try {
      await this.#store?.delete(id);
    } catch (error) {
      this.#problem(error, 'The text could not be forgotten');
    }
  }

  /** Ends the finder's worker and lets go of the store (the page is going). */
  destroy(): void {
    void this.#finder?.then((finder) => finder.dispose());
    this.#store?.close();
  }
}

const numberOf = (id: string) => Number(id.slice(TEXT_ID_PREFIX.length)) || 0;
