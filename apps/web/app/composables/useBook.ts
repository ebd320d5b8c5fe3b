import { BOOK_FORMAT_LABELS, blocksToText, type BookFormatName, type BookRelease } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import type { Countdown } from '~/utils/countdown';
// Imported, not auto-imported: the builder is pure, and its unit test (useBook.test.ts) runs without Nuxt.
import { truncateText } from '../utils/format';
import { absoluteSiteUrl } from '../utils/seo';
import {
  JSON_LD_DESCRIPTION_MAX,
  JSON_LD_LANGUAGE,
  imageOrDefault,
  isoDate,
  withoutEmpty,
  type JsonLdContext,
  type JsonLdInput,
} from '../utils/structured-data';

/** What other pages show of the book («Chi siamo»). */
export type BookSummary = Pick<BookRelease, 'documentId' | 'title' | 'subtitle' | 'releaseDate' | 'publisher' | 'cover'>;

/** The most recent published book release, or null when there is none yet. */
export function useLatestBook(): Promise<ComputedRef<BookRelease | null>> {
  return useCmsData('book:latest', async (cms) => {
    const { data } = await cms.books.list({ page: 1, pageSize: 1, sort: ['releaseDate:desc', 'id:desc'] });
    return data[0] ?? null;
  });
}

/** The book page's book: the latest release, or a 404 while none is published. */
export async function useBook(): Promise<ComputedRef<BookRelease>> {
  return requireFound(await useLatestBook(), 'Il libro non è ancora stato pubblicato.');
}

export interface ReleaseCountdown {
  /** Whether the book is out (buy links are shown only then). */
  released: boolean;
  /** Calendar days to the release day, in Italian time. */
  days: number;
  countdown: Countdown;
}

/**
 * The countdown to a release date at `now`, for the server's render. In the
 * browser the enhancement script (app/enhance/countdown.ts) takes over with
 * the reader's clock, every second, until the release moment (midnight in Italy).
 */
export function releaseCountdown(releaseDate: string, now: number): ReleaseCountdown {
  return {
    released: isReleased(releaseDate, now),
    days: daysUntilRelease(releaseDate, now),
    countdown: countdownTo(releaseDate, now),
  };
}

const BOOK_FORMATS: Record<BookFormatName, string> = {
  cartaceo: 'https://schema.org/Paperback',
  ebook: 'https://schema.org/EBook',
  audiolibro: 'https://schema.org/AudiobookFormat',
};

const isHttpUrl = (url: string): boolean => /^https?:\/\//i.test(url.trim());

/**
 * The book with one Offer per buy link. The price the site shows (`price`)
 * is the printed book's: it goes on the print offers; the other formats'
 * offers carry their store's URL and availability. Each format is also an
 * edition (`workExample`, with its `bookFormat`); the ISBN, which the CMS
 * holds once, describes the work.
 */
export function bookJsonLd(book: BookRelease, ctx: JsonLdContext, pagePath = '/libro'): JsonLdInput {
  const price = book.price === null || book.price === undefined ? undefined : Number(book.price);
  const links = (book.buyLinks ?? []).filter((link) => isHttpUrl(link.url));
  const offerOf = (link: (typeof links)[number]): JsonLdInput => withoutEmpty({
    '@type': 'Offer',
    'url': link.url,
    'availability': 'https://schema.org/InStock',
    'name': `${BOOK_FORMAT_LABELS[link.format]} · ${link.store}`,
    'seller': { '@type': 'Organization', 'name': link.store },
    ...(link.format === 'cartaceo' && price !== undefined && Number.isFinite(price) ? { price: price.toFixed(2), priceCurrency: 'EUR' } : {}),
  });
  const formats = [...new Set([...(book.formats ?? []).map((format) => format.format), ...links.map((link) => link.format)])];
  const url = absoluteSiteUrl(ctx.siteUrl, pagePath);
  return withoutEmpty({
    name: book.title,
    alternativeHeadline: book.subtitle,
    description: truncateText(blocksToText(book.synopsis), JSON_LD_DESCRIPTION_MAX),
    url: url,
    image: imageOrDefault(book.cover?.url, ctx),
    isbn: book.isbn13,
    numberOfPages: book.pages,
    datePublished: isoDate(book.releaseDate),
    publisher: book.publisher ? { '@type': 'Organization', 'name': book.publisher } : undefined,
    inLanguage: JSON_LD_LANGUAGE,
    offers: links.map(offerOf),
    workExample: formats.map((format) => withoutEmpty({
      '@type': 'Book',
      '@id': `${url}#edizione-${format}`,
      'name': `${book.title} (${BOOK_FORMAT_LABELS[format].toLowerCase()})`,
      'bookFormat': BOOK_FORMATS[format],
      'inLanguage': JSON_LD_LANGUAGE,
      'datePublished': isoDate(book.releaseDate),
      'numberOfPages': format === 'cartaceo' ? book.pages : undefined,
    })),
  });
}

/** The book's Open Graph `book:*` properties, beside usePageSeo's `og:type` «book». */
export function useBookOpenGraph(book: BookRelease): void {
  useSeoMeta({ bookIsbn: book.isbn13 ?? undefined, bookReleaseDate: book.releaseDate ?? undefined });
}

/** The book page's Book node (JSON-LD, through nuxt-schema-org: see useStructuredData.ts). */
export function useBookJsonLd(book: BookRelease): void {
  if (import.meta.client) return;
  useSchemaOrg([defineBook(bookJsonLd(book, useJsonLdContext()))]);
}
