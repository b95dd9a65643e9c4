/**
 * A text's layer worked out from what is kept of it: the reviewed places (the finder's output
 * with the reader's log applied), their box, the citation as the contract's `document` member,
 * and the layer its export writes. Pure: the page's texts (opened-texts.svelte.ts) and the unit
 * tests build the same layer from the same record.
 */
import type { DocumentReference } from '../geo/contract.ts';
import type { ImportedLayer } from '../geo/export.ts';
import { slugify } from '../geo/export-request.ts';
import { featureBounds, unionBounds } from '../geo/feature-place.ts';
import type { TextLayerData } from '../ui/layer-model.ts';
import { applyReview, type ReviewLog, type ReviewOperation } from './review.ts';
import type { StoredText, TextCitation } from './text-store.ts';

/**
 * The `layer` member of a text's own export: the layer of the places the text names, as the
 * command line (`npm run geoparse`) writes it, so that both write the same file.
 */
export const TEXT_EXPORT_LAYER = 'places';

/** The citation and the file as the contract's `document` member. */
export function textDocument(
  citation: TextCitation,
  file: string,
  sha256: string,
): DocumentReference {
  return {
    title: citation.title,
    ...(citation.publisher ? { publisher: citation.publisher } : {}),
    ...(citation.published ? { published: citation.published } : {}),
    ...(citation.url ? { url: citation.url } : {}),
    file,
    sha256,
  };
}

/** The layer's data with the review applied. */
export function reviewedData(
  kept: Pick<StoredText, 'text' | 'found' | 'citation' | 'file' | 'sha256'>,
  review: ReviewLog,
): TextLayerData {
  const { features, rejected } = applyReview(kept.text, kept.found, review.done);
  const boxes = features.map((feature) => featureBounds(feature.geometry));
  return {
    text: kept.text,
    document: textDocument(kept.citation, kept.file, kept.sha256),
    found: kept.found,
    review,
    features,
    rejected,
    bounds: boxes.length > 0 ? unionBounds(boxes) : null,
  };
}

export interface ReviewCounts {
  confirmed: number;
  suggested: number;
  rejected: number;
}

export function reviewCounts(data: TextLayerData): ReviewCounts {
  const confirmed = data.features.filter((f) => f.properties.certainty === 'confirmed').length;
  return {
    confirmed,
    suggested: data.features.length - confirmed,
    rejected: data.rejected.length,
  };
}

/**
 * What a text's export holds: the places the reader confirmed, or with `withSuggested` the
 * finder's suggestions too — before any review, exactly what `npm run geoparse` writes.
 */
export function textExportLayer(data: TextLayerData, withSuggested: boolean): ImportedLayer {
  const features = withSuggested
    ? data.features
    : data.features.filter((feature) => feature.properties.certainty === 'confirmed');
  return {
    type: 'FeatureCollection',
    layer: TEXT_EXPORT_LAYER,
    document: data.document,
    features: features as unknown as ImportedLayer['features'],
  };
}

/** passage-atlas-text-<title>.geojson */
export const textExportFileName = (title: string) =>
  `passage-atlas-text-${slugify(title, 'text')}.geojson`;

/** An operation in words, for the Undo and Redo buttons: "Rejected “Aras”". */
export function describeOperation(operation: ReviewOperation, data: TextLayerData): string {
  const name = (id: string) =>
    [...data.features, ...data.rejected, ...data.found].find((feature) => feature.id === id)
      ?.properties.name ?? id;
  switch (operation.type) {
    case 'confirm':
      return `confirmed “${name(operation.feature)}”`;
    case 'reject':
      return `rejected “${name(operation.feature)}”`;
    case 'restore':
      return `put back “${name(operation.feature)}”`;
    case 'place':
      return `placed “${name(operation.feature)}” ${operation.placement.by === 'hand' ? 'by hand' : `at ${operation.placement.place.name}`}`;
    case 'add':
      return `added “${operation.name}”`;
  }
}
