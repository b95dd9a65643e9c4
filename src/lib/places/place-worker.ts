/**
 * The place finder in a Web Worker: loads the world gazetteer (assets of the page's own origin,
 * fetched only when the worker is first asked) and answers "find the places in this text".
 */
import gazetteerUrl from '../../../geodata/world-gazetteer/gazetteer.bin?gzip';
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
 * The gazetteer file's bytes. It is built gzip-compressed (scripts/gzipped-asset.ts); a server
 * that sends it with `Content-Encoding: gzip` (vite preview, as sirv sends any `.gz` file) has
 * the browser's network process unpack it, beside the worker; another sends the compressed
 * bytes as they are, and the worker unpacks them; the development server sends the file itself.
 * Taken as a Blob first: Chromium then hands the response to its blob store without the worker
 * touching each piece, and reads it back into one buffer, at half the worker's CPU of
 * `response.arrayBuffer()` (measured: 80–130 against 210–240 ms, 3.7 MB, on a busy machine).
 */
async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the gazetteer file ${url} could not be loaded (HTTP ${response.status})`);
  }
  const blob = await response.blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const unpacked = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

const GZIP_MAGIC = [0x1f, 0x8b];

let loading: Promise<PlaceFinderData> | undefined;
/** Milliseconds from the worker's start: files fetched and unpacked, gazetteer read. */
const loadTimes = { fetchedMs: 0, readMs: 0 };

function load(): Promise<PlaceFinderData> {
  loading ??= fetchBytes(gazetteerUrl).then((bytes) => {
    loadTimes.fetchedMs = Math.round(performance.now());
    const gazetteer = new WorldGazetteer({ bytes, sources: sources as GazetteerSources });
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
