import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtlasState } from '../../src/lib/ui/atlas-state.svelte.ts';

afterEach(() => vi.restoreAllMocks());

describe('the page state of imported layers', () => {
  it('lets go of a removed layer’s data, and only of its own', () => {
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const atlas = new AtlasState([]);
    for (const id of ['import-1', 'import-2'])
      atlas.addImported({
        id,
        layer: { type: 'FeatureCollection', layer: id, features: [] },
        geometryTypes: ['Point'],
        bounds: [46, 39, 47, 40],
        mapDataUrl: `blob:http://127.0.0.1/${id}`,
      });
    atlas.removeImported('import-1');
    expect(atlas.imported.map((entry) => entry.id)).toEqual(['import-2']);
    expect(revoked.mock.calls).toEqual([['blob:http://127.0.0.1/import-1']]);
    atlas.removeImported('import-9');
    expect(revoked).toHaveBeenCalledTimes(1);
  });
});
