import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  cacheControlFor,
  ifNoneMatchMatches,
  isNotModified,
  newestUpdatedAt,
  serializeJsonBody,
  strongETag,
} from './etag';

describe('serializeJsonBody', () => {
  it('serializes objects and arrays as Koa sends them', () => {
    expect(serializeJsonBody({ data: [1, 2] }, true)).toBe('{"data":[1,2]}');
    expect(serializeJsonBody([{ a: 1 }], false)).toBe('[{"a":1}]');
  });

  it('keeps a string only when the response type is JSON', () => {
    expect(serializeJsonBody('{"data":null}', true)).toBe('{"data":null}');
    expect(serializeJsonBody('<p>hi</p>', false)).toBeUndefined();
  });

  it('refuses what is not JSON data', () => {
    expect(serializeJsonBody(undefined, true)).toBeUndefined();
    expect(serializeJsonBody(null, true)).toBeUndefined();
    expect(serializeJsonBody(Buffer.from('{}'), true)).toBeUndefined();
    expect(serializeJsonBody(Readable.from(['{}']), true)).toBeUndefined();
  });
});

describe('strongETag', () => {
  it('is a quoted base64url digest, stable for the same text and different for another', () => {
    const tag = strongETag('{"data":[]}');
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(strongETag('{"data":[]}')).toBe(tag);
    expect(strongETag('{"data":[1]}')).not.toBe(tag);
  });
});

describe('newestUpdatedAt', () => {
  it('takes the newest updatedAt of a list', () => {
    const body = { data: [{ updatedAt: '2024-01-02T10:00:00.000Z' }, { updatedAt: '2025-03-04T05:06:07.890Z' }, { id: 3 }] };
    expect(newestUpdatedAt(body)?.toISOString()).toBe('2025-03-04T05:06:07.890Z');
  });

  it('reads one document', () => {
    expect(newestUpdatedAt({ data: { updatedAt: '2024-01-02T10:00:00.000Z' } })?.toISOString()).toBe('2024-01-02T10:00:00.000Z');
  });

  it('is undefined without a usable updatedAt', () => {
    expect(newestUpdatedAt({ data: [] })).toBeUndefined();
    expect(newestUpdatedAt({ data: null })).toBeUndefined();
    expect(newestUpdatedAt({ data: { updatedAt: 'not a date' } })).toBeUndefined();
    expect(newestUpdatedAt({ meta: {} })).toBeUndefined();
    expect(newestUpdatedAt([{ updatedAt: '2024-01-02T10:00:00.000Z' }])).toBeUndefined();
  });
});

describe('ifNoneMatchMatches', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['"x", "y"', false],
  ])('%s → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
});

describe('isNotModified', () => {
  const lastModified = new Date('2025-03-04T05:06:07.890Z');
  const validators = { etag: '"abc"', lastModified };

  it('follows If-None-Match when present, ignoring If-Modified-Since', () => {
    expect(isNotModified({ ifNoneMatch: '"abc"', ifModifiedSince: 'Thu, 01 Jan 1970 00:00:00 GMT' }, validators)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"old"', ifModifiedSince: 'Fri, 01 Jan 2100 00:00:00 GMT' }, validators)).toBe(false);
  });

  it('compares If-Modified-Since to the second', () => {
    expect(isNotModified({ ifModifiedSince: lastModified.toUTCString() }, validators)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Fri, 01 Jan 2100 00:00:00 GMT' }, validators)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Tue, 04 Mar 2025 05:06:06 GMT' }, validators)).toBe(false);
  });

  it('is false without a usable condition or Last-Modified', () => {
    expect(isNotModified({}, validators)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, validators)).toBe(false);
    expect(isNotModified({ ifModifiedSince: lastModified.toUTCString() }, { etag: '"abc"' })).toBe(false);
  });
});

describe('cacheControlFor', () => {
  it('is public without credentials and private with them', () => {
    expect(cacheControlFor(false)).toBe(PUBLIC_CACHE_CONTROL);
    expect(cacheControlFor(true)).toBe(PRIVATE_CACHE_CONTROL);
  });
});
