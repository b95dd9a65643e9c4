/**
 * Saving what the reader asks for as a file: a layer, every layer, the visible ones, what is in
 * view, the selected feature, the map as a picture. The export loads when first asked for, and
 * runs in a worker: the page never waits on it.
 */
import { ALL_LAYERS } from '../geo/contract.ts';
import type { ImportedLayer } from '../geo/export.ts';
import type { ExportRequest } from '../geo/export-request.ts';
import type { AtlasLayer } from '../geo/contract.ts';
import type { AtlasMap } from '../map/atlas-map.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import { downloadBlob } from './download.ts';

const IMAGE_FILE = 'passage-atlas-map.png';

const loadExport = () => import('../geo/export-in-worker.ts');

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class Saver {
  /** What the last save did, for the panel to say. */
  message = $state('');
  /** True while a map image is being made: one at a time. */
  makingImage = $state(false);

  constructor(private readonly atlas: AtlasState) {}

  async save(
    request: ExportRequest,
    layers: (AtlasLayer | ImportedLayer)[] = this.atlas.exportableLayers(),
  ): Promise<void> {
    try {
      this.message = 'Exporting…';
      const { exportInWorker } = await loadExport();
      const result = await exportInWorker(layers, request);
      downloadBlob(result.file, result.fileName);
      this.message = `Saved ${result.fileName} (${result.featureCount} feature${result.featureCount === 1 ? '' : 's'}).`;
    } catch (error) {
      this.message = `Nothing was exported: ${describeError(error)}`;
    }
  }

  /** A layer of the model, by its id. */
  saveLayer(id: string): Promise<void> {
    const layer = this.atlas.layer(id);
    return layer ? this.save({ layer: layer.name }) : Promise.resolve();
  }

  /** Only the layers switched on in the panel, the document's and the reader's. */
  async saveVisible(): Promise<void> {
    const visible = this.atlas.exportableLayers({ visibleOnly: true });
    if (visible.length === 0) this.message = 'Nothing was exported: every layer is switched off.';
    else await this.save({ layer: ALL_LAYERS, visibleOnly: true }, visible);
  }

  async saveInView(map: AtlasMap): Promise<void> {
    const { clampBbox } = await import('../geo/export-request.ts');
    await this.save({ layer: ALL_LAYERS, bbox: clampBbox(map.visibleBounds()) });
  }

  async saveSelected(): Promise<void> {
    const entry = this.atlas.selectedEntry;
    if (!entry) return;
    if (entry.kind === 'atlas')
      return this.save({ layer: entry.layer.name, ids: [entry.feature.id] });
    // An imported feature may have no id of its own: export its layer narrowed to it.
    const layer = entry.layer.name;
    await this.save({ layer }, [{ type: 'FeatureCollection', layer, features: [entry.feature] }]);
  }

  /** The map as a PNG fit to publish (src/lib/map/map-image.ts). */
  async saveImage(map: AtlasMap): Promise<void> {
    if (this.makingImage) return;
    this.makingImage = true;
    try {
      this.message = 'Making the map image…';
      // Loaded when first asked for: the first load carries none of the image's code.
      const { publicationText } = await import('./publication.ts');
      const image = await map.image(publicationText(this.atlas));
      downloadBlob(image, IMAGE_FILE);
      this.message = `Saved ${IMAGE_FILE} (${Math.round(image.size / 1024)} KB).`;
    } catch (error) {
      this.message = `The map image could not be made: ${describeError(error)}`;
    } finally {
      this.makingImage = false;
    }
  }
}
