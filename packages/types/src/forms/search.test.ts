import { describe, expect, it } from 'vitest';
import { searchQuerySchema } from './search';
import { toFieldErrors } from './schema-helpers';

const errorsOf = (input: unknown) => {
  const result = searchQuerySchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error, input);
};

describe('searchQuerySchema', () => {
  it('reads a query string: trimmed text, integers, defaults', () => {
    expect(searchQuerySchema.parse({ q: '  bolletta  ' })).toEqual({ q: 'bolletta', page: 1, pageSize: 10 });
    expect(searchQuerySchema.parse({ q: 'gas', type: 'answer', page: '3', pageSize: '50' })).toEqual({ q: 'gas', type: 'answer', page: 3, pageSize: 50 });
  });

  it('refuses a missing, repeated, too short or too long query', () => {
    expect(errorsOf({})).toMatchObject([{ field: 'q', code: 'q.required' }]);
    expect(errorsOf({ q: ['a', 'b'] })).toMatchObject([{ field: 'q', code: 'q.invalid' }]);
    expect(errorsOf({ q: ' a ' })).toMatchObject([{ field: 'q', code: 'q.too_short', message: 'Scrivi almeno 2 caratteri da cercare.' }]);
    expect(errorsOf({ q: 'x'.repeat(101) })).toMatchObject([{ field: 'q', code: 'q.too_long' }]);
  });

  it('refuses unknown types, bad pages and unknown parameters', () => {
    expect(errorsOf({ q: 'gas', type: 'video' })).toMatchObject([{ field: 'type' }]);
    for (const page of ['0', '-1', '1.5', 'abc', '', '1001']) expect(errorsOf({ q: 'gas', page }).map((e) => e.field)).toEqual(['page']);
    expect(errorsOf({ q: 'gas', pageSize: '51' }).map((e) => e.field)).toEqual(['pageSize']);
    expect(errorsOf({ q: 'gas', populate: '*' })).toMatchObject([{ field: 'populate', code: 'unknown_field' }]);
  });
});
