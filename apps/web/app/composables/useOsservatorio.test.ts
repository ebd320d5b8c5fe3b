import { describe, expect, it } from 'vitest';
import { StrapiError } from '@chiudete/types';
import { isNotFoundAnswer } from './useOsservatorio';

describe('isNotFoundAnswer', () => {
  it('knows the CMS\'s 404 by the error\'s name and kind, whichever copy of the class made it', () => {
    expect(isNotFoundAnswer(new StrapiError({ method: 'GET', url: '/osservatorio', status: 404 }))).toBe(true);
    expect(isNotFoundAnswer(Object.assign(new Error('x'), { name: 'StrapiError', kind: 'not_found', status: 404 }))).toBe(true);
    expect(isNotFoundAnswer(new StrapiError({ method: 'GET', url: '/osservatorio', status: 503 }))).toBe(false);
    expect(isNotFoundAnswer(new Error('404'))).toBe(false);
    expect(isNotFoundAnswer(null)).toBe(false);
  });
});
