import type { Answer } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** What the list of "Risposte precise" shows of an answer (no body, no references). */
export type AnswerSummary = Pick<Answer, 'documentId' | 'slug' | 'title' | 'operatorClaim' | 'sector' | 'publishedAt'>;

/** Every answer is listed on one page; the editors publish a few dozen at most. */
export const ANSWERS_LIST_SIZE = 100;

export function toAnswerSummary({ documentId, slug, title, operatorClaim, sector, publishedAt }: Answer): AnswerSummary {
  return { documentId, slug, title, operatorClaim, sector, publishedAt };
}

/** The published answers, newest first. */
export function useAnswerList(): Promise<ComputedRef<AnswerSummary[]>> {
  return useCmsData('answers:list', async (cms) => {
    const { data } = await cms.answers.list({
      page: 1,
      pageSize: ANSWERS_LIST_SIZE,
      sort: ['publishedAt:desc', 'id:desc'],
      fields: ['title', 'slug', 'operatorClaim', 'sector', 'publishedAt'],
    });
    return data.map(toAnswerSummary);
  });
}

/** One published answer by slug (with its legal references and related articles), or a 404. */
export async function useAnswer(slug: string): Promise<ComputedRef<Answer>> {
  if (!isValidSlug(slug)) throw notFound('Risposta non trovata.');
  const answer = await useCmsData(`answer:${slug}`, (cms) => cms.answers.getBySlug(slug));
  return requireFound(answer, 'Risposta non trovata.');
}
