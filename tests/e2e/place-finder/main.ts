/** A bare page with the place finder's client, for its browser test and its benchmark. */
import { PlaceFinderClient } from '../../../src/lib/places/place-finder-client.ts';

declare global {
  interface Window {
    placeFinder: PlaceFinderClient;
  }
}

window.placeFinder = new PlaceFinderClient();
document.body.dataset.ready = 'true';
