import { describe, expect, it } from 'vitest';
import { osservatorioQuerySchema } from './osservatorio';
import { toFieldErrors } from './schema-helpers';

const errorsOf = (input: Record<string, unknown>) => {
  const result = osservatorioQuerySchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error, input).map(({ field, code }) => ({ field, code }));
};

describe('osservatorioQuerySchema', () => {
  it('accepts no filter, or a sector, a period and a company slug', () => {
    expect(osservatorioQuerySchema.parse({})).toEqual({});
    expect(osservatorioQuerySchema.parse({ sector: 'telefonia', from: '2025-01', to: '2025-01', company: 'tim' }))
      .toEqual({ sector: 'telefonia', from: '2025-01', to: '2025-01', company: 'tim' });
  });

  it.each([
    [{ sector: 'acqua' }, 'sector', 'sector.invalid'],
    [{ sector: ['luce', 'gas'] }, 'sector', 'sector.invalid'],
    [{ from: '2025-13' }, 'from', 'from.invalid'],
    [{ to: '25-01' }, 'to', 'to.invalid'],
    [{ from: '2025-06', to: '2025-05' }, 'to', 'to.before_from'],
    [{ company: 'Tim SpA' }, 'company', 'company.invalid'],
    [{ company: '-tim' }, 'company', 'company.invalid'],
    [{ page: '2' }, 'page', 'unknown_field'],
  ])('refuses %o, naming the parameter', (input, field, code) => {
    expect(errorsOf(input)).toContainEqual({ field, code });
  });
});
