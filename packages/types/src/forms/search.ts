import { z } from 'zod';
import { SEARCH_PAGE_MAX, SEARCH_PAGE_SIZE_DEFAULT, SEARCH_PAGE_SIZE_MAX, SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH, SEARCH_TYPES } from '../search';

/**
 * The query string of `GET /api/search` (`?q=&type=&page=&pageSize=`), as
 * the CMS validates it. Values arrive as strings; `page` and `pageSize` are
 * read as integers. Unknown parameters are refused (strict object).
 * Messages are Italian (they may reach a reader); `toFieldErrors` codes them.
 */
const integer = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Scrivi che cosa cercare (una sola volta il parametro «q»).' })
    .trim()
    .min(SEARCH_QUERY_MIN_LENGTH, { error: `Scrivi almeno ${SEARCH_QUERY_MIN_LENGTH} caratteri da cercare.` })
    .max(SEARCH_QUERY_MAX_LENGTH, { error: `La ricerca può avere al massimo ${SEARCH_QUERY_MAX_LENGTH} caratteri.` }),
  type: z.enum(SEARCH_TYPES, { error: `Il tipo deve essere uno tra: ${SEARCH_TYPES.join(', ')}.` }).optional(),
  page: integer(1, SEARCH_PAGE_MAX, `La pagina deve essere un numero intero da 1 a ${SEARCH_PAGE_MAX}.`).default(1),
  pageSize: integer(1, SEARCH_PAGE_SIZE_MAX, `I risultati per pagina devono essere un numero intero da 1 a ${SEARCH_PAGE_SIZE_MAX}.`).default(SEARCH_PAGE_SIZE_DEFAULT),
});

export type SearchQueryInput = z.input<typeof searchQuerySchema>;
export type SearchQuery = z.output<typeof searchQuerySchema>;
