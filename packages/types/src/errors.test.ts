import { describe, expect, it } from 'vitest';
import { StrapiError, isStrapiError } from './errors';
import type * as ErrorsModule from './errors';

describe('StrapiError across copies of the package', () => {
  it('is recognised when another copy of the module made it (as the site server bundles two)', async () => {
    // A query string makes Vite load the module a second time: another class, as in a second bundle.
    const specifier = './errors?second-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof ErrorsModule;
    expect(copy.StrapiError).not.toBe(StrapiError);
    const error = new copy.StrapiError({ method: 'get', url: '/osservatorio', status: 404 });
    expect(error instanceof StrapiError).toBe(true);
    expect(isStrapiError(error, 'not_found')).toBe(true);
    expect(isStrapiError(error, 'server')).toBe(false);
  });

  it('is not fooled by other errors, look-alikes or non-objects', () => {
    expect(new Error('x') instanceof StrapiError).toBe(false);
    expect(Object.assign(new Error('x'), { name: 'StrapiError', kind: 'not_found' }) instanceof StrapiError).toBe(false);
    expect(isStrapiError(null)).toBe(false);
    expect(isStrapiError('StrapiError')).toBe(false);
    expect(new StrapiError({ method: 'get', url: '/x', status: 503 }) instanceof Error).toBe(true);
  });
});
