import type { Answer } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** What a card of "Risposte precise" shows of an answer (no body, no references). */
export type AnswerSummary = Pick<Answer, 'documentId' | 'slug' | 'title' | 'operatorClaim' | 'verdict' | 'verifiedAt' | 'sector' | 'publishedAt'>;

/** The fields every list of answers asks for: what AnswerSummary keeps. */
export const ANSWER_SUMMARY_FIELDS = ['title', 'slug', 'operatorClaim', 'verdict', 'verifiedAt', 'sector', 'publishedAt'] as const satisfies ReadonlyArray<keyof Answer>;

/** Every answer is listed on one page; the editors publish a few dozen at most. */
export const ANSWERS_LIST_SIZE = 100;

/** Answers on the home page. */
export const HOME_ANSWERS_COUNT = 3;

export function toAnswerSummary({ documentId, slug, title, operatorClaim, verdict, verifiedAt, sector, publishedAt }: Answer): AnswerSummary {
  return { documentId, slug, title, operatorClaim, verdict: verdict ?? null, verifiedAt: verifiedAt ?? null, sector, publishedAt };
}

async function answerSummaries(key: string, pageSize: number): Promise<ComputedRef<AnswerSummary[]>> {
  return useCmsData(key, async (cms) => {
    const { data } = await cms.answers.list({
      page: 1,
      pageSize,
      sort: ['publishedAt:desc', 'id:desc'],
      fields: [...ANSWER_SUMMARY_FIELDS],
    });
    return data.map(toAnswerSummary);
  });
}

/** The published answers, newest first. */
export function useAnswerList(): Promise<ComputedRef<AnswerSummary[]>> {
  return answerSummaries('answers:list', ANSWERS_LIST_SIZE);
}

/** The newest answers, for the home page. */
export function useLatestAnswers(count = HOME_ANSWERS_COUNT): Promise<ComputedRef<AnswerSummary[]>> {
  return answerSummaries(`answers:latest:${count}`, count);
}

/** One published answer by slug (with its legal references and related articles), or a 404. */
export function useAnswer(slug: string): Promise<ComputedRef<Answer>> {
  return useEntry('answer', slug, 'Risposta non trovata.');
}
