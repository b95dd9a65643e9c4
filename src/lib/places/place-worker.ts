/**
 * The place finder in a Web Worker: loads the world gazetteer (assets of the page's own origin,
 * fetched only when the worker is first asked) and answers "find the places in this text".
 */
import recordsUrl from '../../../geodata/world-gazetteer/records.tsv?gzip';
import namesUrl from '../../../geodata/world-gazetteer/names.tsv?gzip';
import sources from '../../../geodata/world-gazetteer/sources.json';
import usStates from '../../../geodata/world-gazetteer/us-states.json';
import { focusCountries } from '../../../geodata/world-gazetteer/regions.json';
import { stateAbbreviations } from './state-abbreviations.ts';
import { findPlaces, type PlaceFinderData } from './find-places.ts';
import { lookupPlaces } from './name-lookup.ts';
import type { FinderReply, FinderRequest } from './place-finder-protocol.ts';
import { WorldGazetteer, type GazetteerSources } from './world-gazetteer.ts';

const scope = self as unknown as {
  postMessage: (reply: FinderReply) => void;
  onmessage: ((event: MessageEvent<FinderRequest>) => void) | null;
};

/**
 * A gazetteer file's text. It is built gzip-compressed (scripts/gzipped-asset.ts); a server that
 * sends it with `Content-Encoding: gzip` (vite preview) has the browser unpack it, another sends
 * the bytes as they are, and the worker unpacks them; the development server sends the text.
 */
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the gazetteer file ${url} could not be loaded (HTTP ${response.status})`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1])
    return new TextDecoder().decode(bytes);
  const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(unpacked).text();
}

const GZIP_MAGIC = [0x1f, 0x8b];

let loading: Promise<PlaceFinderData> | undefined;
/** Milliseconds from the worker's start: files fetched and unpacked, gazetteer read. */
const loadTimes = { fetchedMs: 0, readMs: 0 };

function load(): Promise<PlaceFinderData> {
  loading ??= Promise.all([fetchText(recordsUrl), fetchText(namesUrl)]).then(([records, names]) => {
    loadTimes.fetchedMs = Math.round(performance.now());
    const gazetteer = new WorldGazetteer({ records, names, sources: sources as GazetteerSources });
    loadTimes.readMs = Math.round(performance.now());
    return {
      gazetteer,
      states: stateAbbreviations(usStates),
      focusCountries: new Set(focusCountries),
    };
  });
  return loading;
}

scope.onmessage = async ({ data: request }) => {
  const id = request.type === 'load' ? undefined : request.id;
  try {
    if (request.type === 'load') {
      const { gazetteer } = await load();
      scope.postMessage({
        type: 'ready',
        records: gazetteer.recordCount,
        names: gazetteer.nameCount,
        ...loadTimes,
      });
      return;
    }
    if (request.type === 'lookup') {
      const { gazetteer } = await load();
      scope.postMessage({
        type: 'places',
        id: request.id,
        places: lookupPlaces(gazetteer, request.name),
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
