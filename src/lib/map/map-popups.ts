/**
 * The map's one feature popup: opened beside its feature, or on a narrow screen as a sheet with
 * the feature shown above it, and closed. At most one is open; opening one closes the other.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeaturePopupOptions } from './feature-popup.ts';
import { loadOnce } from '../load-once.ts';
import { FIT_LIMITS } from './map-defaults.ts';

/** A feature's popup: what the page gives; the map adds how far it may zoom to fit. */
export type PopupOptions = Omit<FeaturePopupOptions, 'fitPadding' | 'maxZoom' | 'pointZoom'>;

/** Popups' placing: loaded with the first popup (the first load carries none of it). */
const featurePopup = loadOnce(() => import('./feature-popup.ts'));

export class MapPopups {
  /** Closes the open popup (or gives up opening it, while the map moves to show its feature). */
  private closer: (() => void) | null = null;

  /** `ended()` tells when the map is gone: nothing is placed on it after. */
  constructor(
    private readonly map: MapLibreMap,
    private readonly ended: () => boolean,
  ) {}

  /**
   * Opens a feature's popup beside it, closing any other (feature-popup.ts); `onOpen` is told
   * once it is on the map. The returned function closes this one, if still open.
   */
  open(options: PopupOptions, onOpen?: () => void): () => void {
    this.close();
    let closed = false;
    let closeOpened: (() => void) | null = null;
    const close = () => {
      closed = true;
      closeOpened?.();
      if (this.closer === close) this.closer = null;
    };
    this.closer = close;
    void featurePopup()
      .then(({ openFeaturePopup }) =>
        this.ended()
          ? null
          : openFeaturePopup(this.map, { ...options, ...FIT_LIMITS }, () => closed),
      )
      .then((closeIt) => {
        if (!closeIt) return;
        if (closed) return closeIt();
        closeOpened = closeIt;
        onOpen?.();
      });
    return close;
  }

  /**
   * The page shows a popup as a sheet over the bottom of the map: the feature shows above it.
   * Resolves once the map has begun its move, so that the sheet shows with the move, not before.
   */
  async showAboveSheet(
    options: Omit<PopupOptions, 'content' | 'avoid'>,
    sheetHeight: number,
  ): Promise<void> {
    this.close();
    const { showAboveSheet } = await featurePopup();
    if (!this.ended()) showAboveSheet(this.map, { ...options, ...FIT_LIMITS, sheetHeight });
  }

  close(): void {
    this.closer?.();
  }
}
