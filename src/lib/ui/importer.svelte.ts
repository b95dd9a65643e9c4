/**
 * Importing the reader's files, one after another: progress while a worker reads each, the
 * problems of a file refused (nothing the reader had changes), and what was imported.
 */
import { CLUSTER_MAX_ZOOM } from '../map/style/interaction.ts';
import type { ImportOptions, ImportedData } from './import-file.ts';
import type { ImportedLayers } from './imported-layers.svelte.ts';

export interface ImportProgress {
  fileName: string;
  stage: 'reading' | 'checking';
  fraction: number;
}

export class Importer {
  progress = $state<ImportProgress | null>(null);
  problems = $state<string[]>([]);
  done = $state('');

  constructor(
    private readonly layers: ImportedLayers,
    // The import (its worker's page side) loads when the reader first imports.
    private readonly read: (file: Blob, options: ImportOptions) => Promise<ImportedData> = (
      file,
      options,
    ) => import('./import-file.ts').then((module) => module.importFile(file, options)),
  ) {}

  async importFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      this.problems = [];
      this.done = '';
      this.progress = { fileName: file.name, stage: 'reading', fraction: 0 };
      try {
        const data = await this.read(file, {
          fileName: file.name,
          checkSwap: true,
          swap: false,
          onProgress: (stage, fraction) =>
            (this.progress = { fileName: file.name, stage, fraction }),
        });
        const entry = await this.layers.add(data);
        const count = data.features.length;
        this.done = `Imported “${entry.name}”: ${count} feature${count === 1 ? '' : 's'}.`;
        if (entry.clustered)
          this.done += ` So many points are drawn in clusters until zoom ${CLUSTER_MAX_ZOOM + 1}.`;
        if (entry.swapSuggested)
          this.done += ' Its points lie far out at sea: see the question under the layer.';
      } catch (error) {
        this.problems =
          error instanceof Error && error.name === 'ImportFailed'
            ? (error as Error & { problems: string[] }).problems
            : [`${file.name}: ${error instanceof Error ? error.message : String(error)}`];
      } finally {
        this.progress = null;
      }
    }
  }
}
