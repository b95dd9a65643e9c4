/**
 * The whole life of a reader's layer, in one place: added (an id never given before, a name and
 * a colour no present layer has, a blob: URL for the map, a record in the browser's storage),
 * changed (shown or hidden, labelled, its coordinates swapped), restored after a reload in order
 * with how it was shown, and removed (every one of those freed). The map follows the model: a
 * layer's source lives as long as its entry (ImportedMapLayer.svelte).
 *
 * Keeping is best effort: where the browser keeps nothing (private mode, no IndexedDB, a full
 * quota) the reader is told, and the layer works until the page closes.
 */
import { clustersPoints } from '../map/style/interaction.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { ImportedData, ImportOptions } from './import-file.ts';
import {
  defaultLabelProperty,
  pickColour,
  uniqueLayerName,
  type ImportedLayerEntry,
} from './layer-model.ts';
import type { LayerStore, StoredLayer } from './layer-store.ts';

export const IMPORTED_ID_PREFIX = 'import-';
const UNTIL_CLOSED = 'It works until the page is closed.';

type ReadLayer = (data: Blob, options: ImportOptions) => Promise<ImportedData>;

/**
 * The storage (and `idb`) and the import load when first needed: after the map's first view,
 * which a page with large kept layers then draws as fast as one without.
 */
const openStoredLayers = () => import('./layer-store.ts').then((module) => module.openLayerStore());
const readLayer: ReadLayer = (data, options) =>
  import('./import-file.ts').then((module) => module.importFile(data, options));

/** How a layer was shown before (a kept layer), or nothing for a new one. */
type Shown = Partial<
  Pick<StoredLayer, 'name' | 'colour' | 'visible' | 'labelProperty' | 'swapSuggested'>
>;

export class ImportedLayers {
  /** What went wrong keeping the reader's layers, for the panel to show; null when all is well. */
  storageProblem = $state<string | null>(null);
  /** What went wrong with a layer on the map, by layer id, for its row in the panel. */
  problems = $state.raw<Readonly<Record<string, string>>>({});
  /** Resolves once the kept layers are back (never rejects: problems go to storageProblem). */
  readonly ready: Promise<void>;
  private begin: () => void = () => undefined;
  private store: LayerStore | null = null;
  /** The next id's number when the store cannot give one. */
  private nextNumber = 1;

  constructor(
    private readonly atlas: AtlasState,
    openStore: () => Promise<LayerStore> = openStoredLayers,
    private readonly read: ReadLayer = readLayer,
  ) {
    this.ready = new Promise<void>((resolve) => (this.begin = resolve)).then(() =>
      this.restore(openStore),
    );
  }

  /** Brings the kept layers back (once the page has drawn its first view); the first add too. */
  start(): Promise<void> {
    this.begin();
    return this.ready;
  }

  private problem(error: unknown, fallback: string): void {
    const message =
      error instanceof Error && error.name === 'StorageFailed'
        ? error.message
        : `${fallback}: ${String(error)}`;
    this.storageProblem = `${message}. ${UNTIL_CLOSED}`;
  }

  private async restore(openStore: () => Promise<LayerStore>): Promise<void> {
    try {
      this.store = await openStore();
    } catch (error) {
      return this.problem(error, 'Your layers cannot be kept in this browser');
    }
    let kept: StoredLayer[];
    try {
      kept = await this.store.load();
    } catch (error) {
      return this.problem(error, 'Your kept layers could not be read');
    }
    for (const record of kept) {
      this.nextNumber = Math.max(this.nextNumber, numberOf(record.id) + 1);
      try {
        const data = await this.read(record.data, {
          fileName: record.name,
          checkSwap: false,
          swap: false,
        });
        this.atlas.addLayer(this.entry(record.id, data, record));
      } catch (error) {
        // The record stays: what the reader kept is never thrown away for a failed read.
        this.storageProblem = `“${record.name}” could not be read back: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }

  private entry(id: string, data: ImportedData, shown: Shown): ImportedLayerEntry {
    const others = this.atlas.layers;
    return {
      id,
      origin: 'imported',
      name: uniqueLayerName(shown.name ?? data.name, others),
      colour: pickColour(others, shown.colour),
      visible: shown.visible ?? true,
      clustered: clustersPoints(data.geometryTypes, data.features.length),
      labelProperty:
        shown.labelProperty === undefined
          ? defaultLabelProperty(data.propertyNames)
          : shown.labelProperty,
      swapSuggested: shown.swapSuggested ?? data.swapSuggested,
      data: {
        features: data.features,
        geometryTypes: data.geometryTypes,
        bounds: data.bounds,
        propertyNames: data.propertyNames,
        mapDataUrl: URL.createObjectURL(data.mapData),
        layerData: data.layerData,
      },
    };
  }

  private async takeNumber(): Promise<number> {
    let number = this.nextNumber;
    if (this.store) {
      try {
        number = Math.max(number, await this.store.takeNumber());
      } catch (error) {
        this.problem(error, 'The layer could not be numbered');
      }
    }
    this.nextNumber = number + 1;
    return number;
  }

  private async keep(entry: ImportedLayerEntry): Promise<void> {
    try {
      await this.store?.put({
        id: entry.id,
        name: entry.name,
        order: numberOf(entry.id),
        visible: entry.visible,
        colour: entry.colour,
        labelProperty: entry.labelProperty,
        swapSuggested: entry.swapSuggested,
        data: entry.data.layerData,
      });
    } catch (error) {
      this.problem(error, `“${entry.name}” could not be kept`);
    }
  }

  /**
   * Keeps a layer as the page now shows it, whole: one write, asked for in the task of the change.
   * A read of the kept record before the write (as it was) left a window in which a reload
   * dropped the change: the page went before the read came back.
   */
  private async keepAsShown(id: string): Promise<void> {
    const layer = this.imported(id);
    if (layer) await this.keep(layer);
  }

  private imported(id: string): ImportedLayerEntry | undefined {
    const layer = this.atlas.layer(id);
    return layer?.origin === 'imported' ? layer : undefined;
  }

  /** Adds what an import read as a new layer on top of the others, kept, and shows it. */
  async add(data: ImportedData): Promise<ImportedLayerEntry> {
    await this.start();
    const entry = this.entry(`${IMPORTED_ID_PREFIX}${await this.takeNumber()}`, data, {});
    this.atlas.addLayer(entry);
    this.atlas.showBounds(entry.data.bounds);
    await this.keep(entry);
    return entry;
  }

  /** Takes a layer away, and everything it held: its map data, its record, its selection. */
  async remove(id: string): Promise<void> {
    const removed = this.imported(id);
    if (!removed) return;
    this.atlas.removeLayer(id);
    URL.revokeObjectURL(removed.data.mapDataUrl);
    if (id in this.problems)
      this.problems = Object.fromEntries(
        Object.entries(this.problems).filter(([layerId]) => layerId !== id),
      );
    try {
      await this.store?.delete(id);
    } catch (error) {
      this.problem(error, 'The layer could not be forgotten');
    }
  }

  /** Shows or hides any layer; a reader's layer is kept so. */
  async setVisible(id: string, visible: boolean): Promise<void> {
    this.atlas.setVisible(id, visible);
    await this.keepAsShown(id);
  }

  async setLabelProperty(id: string, labelProperty: string | null): Promise<void> {
    const layer = this.imported(id);
    if (!layer || layer.labelProperty === labelProperty) return;
    this.atlas.replaceLayer({ ...layer, labelProperty });
    await this.keepAsShown(id);
  }

  /** Swaps longitude and latitude in every position of a layer, as the reader asked. */
  async swapCoordinates(id: string): Promise<void> {
    const layer = this.imported(id);
    if (!layer) return;
    const data = await this.read(layer.data.layerData, {
      fileName: layer.name,
      checkSwap: false,
      swap: true,
    });
    const current = this.imported(id);
    // Removed meanwhile: nothing to swap.
    if (!current) return;
    const swapped = this.entry(id, data, { ...current, swapSuggested: false });
    URL.revokeObjectURL(current.data.mapDataUrl);
    // The new entry keeps its name and colour: the layer is the same, its positions corrected.
    this.atlas.replaceLayer({ ...swapped, name: current.name, colour: current.colour });
    this.atlas.showBounds(swapped.data.bounds);
    await this.keepAsShown(id);
  }

  async dismissSwap(id: string): Promise<void> {
    const layer = this.imported(id);
    if (!layer) return;
    this.atlas.replaceLayer({ ...layer, swapSuggested: false });
    await this.keepAsShown(id);
  }

  reportProblem(id: string, message: string): void {
    if (this.atlas.layer(id)) this.problems = { ...this.problems, [id]: message };
  }

  /** Lets go of every layer's map data and of the store (the page is going). */
  destroy(): void {
    for (const layer of this.atlas.importedLayers) URL.revokeObjectURL(layer.data.mapDataUrl);
    this.store?.close();
  }
}

const numberOf = (id: string) => Number(id.slice(IMPORTED_ID_PREFIX.length)) || 0;
