import type { Filters, Pagination, Role, Sector, Testimony } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import { ANSWER_SUMMARY_FIELDS, type AnswerSummary } from './useAnswers';

/** A testimony as a card shows it: the story is cut to an excerpt on the server. */
export interface TestimonySummary extends Pick<Testimony, 'documentId' | 'slug' | 'title' | 'role' | 'sector' | 'channel' | 'companyBrand' | 'eventMonth' | 'displayName'> {
  excerpt: string;
}

export interface TestimonyPage {
  testimonies: TestimonySummary[];
  pagination: Pagination;
}

export interface TestimonyFilter {
  role?: Role;
  sector?: Sector;
}

export const TESTIMONIES_PAGE_SIZE = 10;
const EXCERPT_LENGTH = 240;

export function toTestimonySummary(testimony: Testimony): TestimonySummary {
  const { documentId, slug, title, role, sector, channel, companyBrand, eventMonth, displayName } = testimony;
  return {
    documentId, slug, title, role, sector, channel, companyBrand, eventMonth, displayName,
    excerpt: truncateText(testimony.story, EXCERPT_LENGTH),
  };
}

function toFilters({ role, sector }: TestimonyFilter): Filters<Testimony> {
  return {
    ...(role ? { role: { $eq: role } } : {}),
    ...(sector ? { sector: { $eq: sector } } : {}),
  };
}

/**
 * One page of approved testimonies (only approved ones are ever published),
 * newest first, optionally filtered by role and sector; a page past the last
 * one is a 404.
 */
export async function useTestimonyList(page: number, filter: TestimonyFilter = {}): Promise<ComputedRef<TestimonyPage>> {
  const key = `testimonies:list:${filter.role ?? 'all'}:${filter.sector ?? 'all'}:${page}`;
  const result = await useCmsData(key, async (cms) => {
    const { data, meta } = await cms.testimonies.list({
      page,
      pageSize: TESTIMONIES_PAGE_SIZE,
      sort: ['publishedAt:desc', 'id:desc'],
      filters: toFilters(filter),
    });
    return { testimonies: data.map(toTestimonySummary), pagination: meta.pagination };
  });
  if (page > Math.max(result.value.pagination.pageCount, 1)) {
    throw notFound(`La pagina ${page} delle testimonianze non esiste.`);
  }
  return result;
}

/** The newest `count` approved testimonies (home page). */
export function useLatestTestimonies(count: number): Promise<ComputedRef<TestimonySummary[]>> {
  return useCmsData(`testimonies:latest:${count}`, async (cms) => {
    const { data } = await cms.testimonies.list({ page: 1, pageSize: count, sort: ['publishedAt:desc', 'id:desc'] });
    return data.map(toTestimonySummary);
  });
}

/** One published testimony by slug, or a 404. */
export function useTestimony(slug: string): Promise<ComputedRef<Testimony>> {
  return useEntry('testimony', slug, 'Testimonianza non trovata.');
}

export interface TestimonyRelated {
  /** Other testimonies: same sector and role first, then same sector, then same role. */
  testimonies: TestimonySummary[];
  /** «Risposte precise» about the same sector. */
  answers: AnswerSummary[];
}

export const RELATED_TESTIMONIES_COUNT = 3;
export const RELATED_ANSWERS_COUNT = 3;
const RELATED_CANDIDATES = 12;

/** What to read after a testimony. Secondary content: a CMS failure leaves it empty, not the page broken. */
export function useTestimonyRelated(testimony: Pick<Testimony, 'documentId' | 'sector' | 'role'>): Promise<ComputedRef<TestimonyRelated>> {
  const { documentId, sector, role } = testimony;
  return useOptionalCmsData(`testimony:related:${documentId}`, async (cms) => {
    const [candidates, answers] = await Promise.all([
      cms.testimonies.list({
        page: 1,
        pageSize: RELATED_CANDIDATES,
        sort: ['publishedAt:desc', 'id:desc'],
        filters: { documentId: { $ne: documentId }, $or: [{ sector: { $eq: sector } }, { role: { $eq: role } }] },
      }),
      cms.answers.list({
        page: 1,
        pageSize: RELATED_ANSWERS_COUNT,
        sort: ['publishedAt:desc', 'id:desc'],
        fields: [...ANSWER_SUMMARY_FIELDS],
        filters: { sector: { $eq: sector } },
      }),
    ]);
    const closest = rankByScore(candidates.data, (candidate) => testimonyAffinity(candidate, testimony));
    return {
      testimonies: pickRelated([closest], documentId, RELATED_TESTIMONIES_COUNT).map(toTestimonySummary),
      answers: answers.data.map(toAnswerSummary),
    };
  }, { testimonies: [], answers: [] });
}
