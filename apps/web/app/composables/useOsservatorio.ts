import { isStrapiError, osservatorioCompanySlug, type OsservatorioAggregates, type OsservatorioCompany, type OsservatorioParams, type Sector } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import { toTestimonySummary, type TestimonySummary } from './useTestimonies';

/**
 * The Osservatorio's figures (issue #15), read on the server from the CMS's
 * open data (`GET /api/osservatorio`), which alone decides what is counted
 * and which companies may be named (the threshold): the site shows what it
 * gets, never a company the CMS leaves out.
 */
export function useOsservatorio(params: Omit<OsservatorioParams, 'company'> = {}): Promise<ComputedRef<OsservatorioAggregates>> {
  const { sector, from, to } = params;
  const key = `osservatorio:${sector ?? 'all'}:${from ?? ''}:${to ?? ''}`;
  return useCmsData(key, async (cms) => (await cms.osservatorio.get(params)).data);
}

/** One company's figures, or a 404 when the CMS names no such company (unknown, or under the threshold). */
export async function useOsservatorioCompany(slug: string): Promise<ComputedRef<OsservatorioAggregates>> {
  const figures = await useCmsData(`osservatorio:company:${slug}`, async (cms) => {
    try {
      return (await cms.osservatorio.get({ company: slug })).data;
    } catch (cause) {
      if (isStrapiError(cause, 'not_found')) return null;
      throw cause;
    }
  });
  return requireFound(figures, 'Nessuna azienda con questo nome nell\'Osservatorio.');
}

export const OSSERVATORIO_LATEST_COUNT = 3;

/** The newest testimonies of a sector. Secondary content: a CMS failure leaves the list empty, not the page broken. */
export function useSectorLatestTestimonies(sector: Sector, count = OSSERVATORIO_LATEST_COUNT): Promise<ComputedRef<TestimonySummary[]>> {
  return useOptionalCmsData(`osservatorio:latest:sector:${sector}:${count}`, async (cms) => {
    const { data } = await cms.testimonies.list({ page: 1, pageSize: count, sort: ['publishedAt:desc', 'id:desc'], filters: { sector: { $eq: sector } } });
    return data.map(toTestimonySummary);
  }, []);
}

/**
 * Testimonies as the Osservatorio may show them: the company only when the
 * figures name it (at or over the threshold), so that no page of the
 * Osservatorio names a company under the threshold, in its cards either.
 */
export function withUnnamedCompaniesHidden(testimonies: readonly TestimonySummary[], figures: OsservatorioAggregates): TestimonySummary[] {
  const named = new Set(figures.companies.map((company) => company.slug));
  return testimonies.map((testimony) => {
    const slug = testimony.companyBrand ? osservatorioCompanySlug(testimony.companyBrand) : null;
    return slug && named.has(slug) ? testimony : { ...testimony, companyBrand: null };
  });
}

/** How many of the newest testimonies naming something like the company are read to find its `count` latest. */
const COMPANY_CANDIDATES = 30;

/**
 * The newest testimonies of a company: those whose `companyBrand` folds to
 * the company's slug (as the CMS groups them), among the newest that
 * contain its most used spelling.
 */
export function useCompanyLatestTestimonies(company: OsservatorioCompany, count = OSSERVATORIO_LATEST_COUNT): Promise<ComputedRef<TestimonySummary[]>> {
  return useOptionalCmsData(`osservatorio:latest:company:${company.slug}:${count}`, async (cms) => {
    const { data } = await cms.testimonies.list({
      page: 1,
      pageSize: COMPANY_CANDIDATES,
      sort: ['publishedAt:desc', 'id:desc'],
      filters: { companyBrand: { $containsi: company.name.trim() } },
    });
    return data.filter((testimony) => testimony.companyBrand && osservatorioCompanySlug(testimony.companyBrand) === company.slug).slice(0, count).map(toTestimonySummary);
  }, []);
}
