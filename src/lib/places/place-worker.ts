/**
 * The place finder in a Web Worker: loads the world gazetteer (assets of the page's own origin,
 * fetched only when the worker is first asked) and answers "find the places in this text".
 */
import recordsUrl from '../../../geodata/world-gazetteer/records.tsv?url';
import namesUrl from '../../../geodata/world-gazetteer/names.tsv?url';
import sources from '../../../geodata/world-gazetteer/sources.json';
import usStates from '../../../geodata/world-gazetteer/us-states.json';
import { focusCountries } from '../../../geodata/world-gazetteer/regions.json';
import { stateAbbreviations } from './choose.ts';
import { findPlaces, type PlaceFinderData } from './find-places.ts';
import type { FinderReply, FinderRequest } from './place-finder-protocol.ts';
import { WorldGazetteer, type GazetteerSources } from './world-gazetteer.ts';

const scope = self as unknown as {
  postMessage: (reply: FinderReply) => void;
  onmessage: ((event: MessageEvent<FinderRequest>) => void) | null;
};

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`the gazetteer file ${url} could not be loaded (HTTP ${response.status})`);
  return response.text();
}

let loading: Promise<PlaceFinderData> | undefined;

function load(): Promise<PlaceFinderData> {
  loading ??= Promise.all([fetchText(recordsUrl), fetchText(namesUrl)]).then(([records, names]) => {
    const gazetteer = new WorldGazetteer({ records, names, sources: sources as GazetteerSources });
    return {
      gazetteer,
      states: stateAbbreviations(usStates),
      focusCountries: new Set(focusCountries),
    };
  });
  return loading;
}

scope.onmessage = async ({ data: request }) => {
  const id = request.type === 'find' ? request.id : undefined;
  try {
    if (request.type === 'load') {
      const { gazetteer } = await load();
      scope.postMessage({
        type: 'ready',
        records: gazetteer.recordCount,
        names: gazetteer.nameCount,
      });
      return;
    }
    scope.postMessage({ type: 'progress', id: request.id, phase: 'loading gazetteer' });
    const data = await load();
    scope.postMessage({ type: 'progress', id: request.id, phase: 'finding names' });
    const features = findPlaces(request.text, data);
    scope.postMessage({ type: 'progress', id: request.id, phase: 'done' });
    scope.postMessage({ type: 'result', id: request.id, features });
  } catch (error) {
    if (request.type === 'load') loading = undefined;
    scope.postMessage({
      type: 'error',
      id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
