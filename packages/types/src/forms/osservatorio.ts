import { z } from 'zod';
import { OSSERVATORIO_COMPANY_SLUG_PATTERN, OSSERVATORIO_MONTH_PATTERN } from '../osservatorio';
import { SECTORS, type Sector } from '../vocabulary';

/**
 * The query string of `GET /api/osservatorio` and of its downloads
 * (`OsservatorioParams`), as the CMS validates it: each parameter once, a
 * known sector, months as `YYYY-MM` with `from` not after `to`, a company as
 * its slug. Unknown parameters are refused (strict object). Messages are
 * Italian (they may reach a reader); `toFieldErrors` codes them.
 */
const month = (name: 'from' | 'to') =>
  z.string({ error: `«${name}» è un mese nella forma AAAA-MM (per esempio 2025-03), indicato una sola volta.` })
    .regex(OSSERVATORIO_MONTH_PATTERN, { error: `«${name}» è un mese nella forma AAAA-MM (per esempio 2025-03), dal 1900 al 2099.` });

export const osservatorioQuerySchema = z
  .strictObject({
    sector: z.enum(SECTORS as [Sector, ...Sector[]], { error: `Il settore deve essere uno tra: ${SECTORS.join(', ')}.` }).optional(),
    from: month('from').optional(),
    to: month('to').optional(),
    company: z
      .string({ error: 'Indica l’azienda una sola volta, con il suo identificativo (per esempio «tim»).' })
      .max(80, { error: 'L’identificativo dell’azienda ha al massimo 80 caratteri.' })
      .regex(OSSERVATORIO_COMPANY_SLUG_PATTERN, { error: 'L’identificativo dell’azienda ha solo lettere minuscole, cifre e trattini (per esempio «tim»).' })
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      context.addIssue({ code: 'custom', path: ['to'], params: { code: 'to.before_from' }, message: `Il periodo finisce (${query.to}) prima di cominciare (${query.from}): «to» non può precedere «from».` });
    }
  });

export type OsservatorioQuery = z.output<typeof osservatorioQuerySchema>;
