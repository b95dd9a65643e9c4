/**
 * The document's citation (src/lib/geo/citation.ts): the date in words, the line every feature
 * carries, and the checks that keep every fact of it sourced, or said to be unknown.
 */
import { describe, expect, it } from 'vitest';

import { readBuildInput, readGazetteer } from '../../scripts/geodata-files.ts';
import { buildLayers, GazetteerError } from '../../src/lib/geo/build-layers.ts';
import {
  documentCitation,
  documentMetadataProblems,
  documentReference,
  formatDate,
  type DocumentMetadata,
} from '../../src/lib/geo/citation.ts';

const committed = readGazetteer().document;

/** The committed metadata, changed as `change` says (a deep copy: the original stays). */
function changed(change: (metadata: DocumentMetadata) => void): DocumentMetadata {
  const copy = structuredClone(committed);
  change(copy);
  return copy;
}

describe('formatDate', () => {
  it('writes as much of the date as the ISO text gives, in words', () => {
    expect(formatDate('2023-08-14')).toBe('14 August 2023');
    expect(formatDate('2023-08')).toBe('August 2023');
    expect(formatDate('2023')).toBe('2023');
    expect(formatDate('2020-11-10')).toBe('10 November 2020');
  });

  it('leaves anything that is not an ISO date as it is', () => {
    for (const text of ['2023-02-30', '2023-13', '14 August 2023', '', '2023-8-14']) {
      expect(formatDate(text)).toBe(text);
    }
  });
});

describe('documentCitation', () => {
  const document = {
    title: 'A title',
    publisher: 'A ministry',
    published: '2023-08',
    url: 'https://example.org/statement',
    file: 'a.txt',
    sha256: '0'.repeat(64),
  };

  it('is publisher, title in quotation marks, date and address, in that order', () => {
    expect(documentCitation(document)).toBe(
      'A ministry, “A title”, August 2023, https://example.org/statement',
    );
  });

  it('says what is not known rather than leaving it out; an unknown publisher is left out', () => {
    expect(documentCitation({ title: 'A title', file: 'a.txt', sha256: document.sha256 })).toBe(
      '“A title”, date of publication not established, web address not established',
    );
  });

  it('cites the atlas’s document by its publisher, title and day, its address unknown', () => {
    const reference = documentReference(committed, '0'.repeat(64));
    expect(reference).toEqual({
      title:
        'It is important to ensure that the historic opportunity for durable peace is not missed',
      publisher: 'Ministry of Foreign Affairs of the Republic of Azerbaijan',
      published: '2023-08-14',
      file: committed.file,
      sha256: '0'.repeat(64),
    });
    expect(documentCitation(reference)).toBe(
      'Ministry of Foreign Affairs of the Republic of Azerbaijan, “It is important to ensure ' +
        'that the historic opportunity for durable peace is not missed”, 14 August 2023, ' +
        'web address not established',
    );
  });
});

describe('the document’s metadata in the gazetteer', () => {
  it('accounts for every fact of the citation, each stated one with a source', () => {
    expect(documentMetadataProblems(committed)).toEqual([]);
    for (const fact of ['publisher', 'published'] as const) {
      expect(committed.facts[fact].sources.some((source) => source.url)).toBe(true);
    }
    // The address could not be established, and the finding says so.
    expect(committed.url).toBeNull();
    expect(committed.facts.url.finding).toMatch(/^Not established/);
  });

  it.each<[string, (metadata: DocumentMetadata) => void, string]>([
    [
      'a date that is not ISO',
      (metadata) => (metadata.published = '14 August 2023'),
      'document: published "14 August 2023" is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)',
    ],
    [
      'an address that is not a web address',
      (metadata) => (metadata.url = 'mfa.gov.az/statement'),
      'document: url "mfa.gov.az/statement" is not a web address',
    ],
    [
      'a stated fact with no page that says it',
      (metadata) => (metadata.facts.published.sources = [{ title: 'somebody said so' }]),
      'document: "published" is stated without a source on the web',
    ],
    [
      'a stated fact with no source at all',
      (metadata) => (metadata.facts.publisher.sources = []),
      'document: "publisher" is stated without a source',
    ],
    [
      'a fact neither stated nor said to be unknown',
      (metadata) => delete (metadata.facts as Partial<DocumentMetadata['facts']>).url,
      'document: no finding for "url", known or not',
    ],
    [
      'a source with a malformed URL',
      (metadata) => (metadata.facts.title.sources = [{ title: 'x', url: 'see the ministry' }]),
      'document: source 1 of "title" has a URL that is not a web address',
    ],
  ])('names %s', (_name, change, problem) => {
    expect(documentMetadataProblems(changed(change))).toContain(problem);
  });

  it('stops the build, which names the problem', () => {
    const input = readBuildInput();
    input.gazetteer.document = changed((metadata) => (metadata.published = 'August'));
    expect(() => buildLayers(input)).toThrow(GazetteerError);
    expect(() => buildLayers(input)).toThrow(/published "August" is not an ISO date/);
  });
});
