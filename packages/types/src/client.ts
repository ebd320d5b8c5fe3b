import axios, { AxiosError, type AxiosInstance } from 'axios';
import { CONTENT_CLIENTS } from './generated/clients';
import type { ContentTypesByName } from './generated/content';
import { EtagCache } from './etag-cache';
import { StrapiError, fieldErrorsOf, isStrapiErrorBody } from './errors';
import { iterateEntries, iteratePages, iterateSince, listQuery, type ChangeField, type IterateParams, type SinceIterator, type SinceParams } from './pagination';
import { toQueryString, type QueryValue } from './query';
import type { GetParams, ListParams, Paginated, Single } from './rest';
import { parseRetryAfter, retryDelay, retryPolicy, sleep, type RetryOptions } from './retry';
import { submissionsClient, type SubmissionsClient } from './submissions';
import type { SearchParams, SearchResponse } from './search';
import type { OsservatorioParams, OsservatorioResponse } from './osservatorio';
import type { SitemapIndexResponse, SitemapPageResponse, SitemapType } from './sitemap';
import type { WebhookDeliveriesClient, WebhookDeliveriesResponse } from './webhook-deliveries';
import { contactMessagesClient, type ContactMessagesClient } from './contact-messages';
import { newsletterClient, type NewsletterClient } from './newsletter';
import type { ContentClientKey, PublicContentType, SingleContentType } from './registry';

export interface StrapiClientOptions extends RetryOptions {
  /** Origin of the CMS, e.g. `https://cms.chiudeteicallcenter.eu` (without `/api`). */
  baseURL: string;
  /** A read-only API token (partners) or none (anonymous, rate-limited). */
  token?: string;
  /** Per-request timeout in milliseconds (default 10 s). */
  timeout?: number;
  /** Extra headers sent with every request (e.g. a User-Agent naming the partner). */
  headers?: Record<string, string>;
  /**
   * Remember the `ETag` and body of each URL read (in memory, the
   * `maxEntries` most recent; default 500) and revalidate with
   * `If-None-Match`: an unchanged resource comes back as a bodiless `304`.
   * Off by default (a browser's HTTP cache does this already).
   */
  cache?: boolean | { maxEntries?: number };
  /**
   * Answers the client's reads (GETs) instead of a request over HTTP: given
   * the path under `/api` with its query string (`/articles?filters[slug][$eq]=…`,
   * exactly what would be sent), the status and the JSON text of the answer;
   * throwing means the CMS could not be reached (a `network` StrapiError).
   * For a server that reads the CMS through its own layer (the site's
   * reader: its token, its data cache, its retries); writes still go over
   * HTTP. Not with `cache`, which revalidates over HTTP.
   */
  read?: (pathAndQuery: string) => Promise<{ status: number; body: string }>;
}

export interface CollectionClient<T> {
  /** One page of published entries. */
  list(params?: ListParams<T>): Promise<Paginated<T>>;
  /** One entry by its `documentId`; throws a 404 `StrapiError` when absent. */
  get(documentId: string, params?: GetParams<T>): Promise<T>;
  /** One entry by its slug, or `null` when no published entry has it. */
  getBySlug(slug: string, params?: GetParams<T>): Promise<T | null>;
  /**
   * Every published entry, page after page (100 per request unless
   * `pageSize` says otherwise): `for await (const article of api.articles.iterate()) …`.
   */
  iterate(params?: IterateParams<T>): AsyncGenerator<T, void, undefined>;
  /** The pages themselves, with their `meta.pagination` (progress reports). */
  pages(params?: IterateParams<T>): AsyncGenerator<Paginated<T>, void, undefined>;
  /** `iterate` collected into one array. */
  listAll(params?: IterateParams<T>): Promise<T[]>;
  /**
   * Entries whose public version changed after `since`, oldest change first,
   * every page, with a keyset cursor. `since` is a Date or an ISO string
   * (changed strictly after it) or a cursor stored from the iterator's
   * `cursor` (`<ISO time>|<documentId>`: after that entry, so entries sharing
   * its change time are not lost): store `cursor` as you go and pass it next
   * time. The change time is `publishedAt` for draft-and-publish types and
   * `updatedAt` for the others; unpublished and deleted entries never appear.
   * The partner guide's «Incremental sync» (docs/partners.md) describes it,
   * and deletions, once.
   */
  since(since: string | Date, params?: SinceParams<T>): SinceIterator<T>;
}

export interface SingleTypeClient<T> {
  get(params?: GetParams<T>): Promise<T>;
}

/** The sitemap source: every published entry with a page of its own, as slug and last change. */
export interface SitemapClient {
  /** `GET /api/sitemap`: per type, how many published entries and when the newest changed. */
  types(): Promise<SitemapIndexResponse>;
  /**
   * `GET /api/sitemap/{type}?page=&pageSize=`: one page of slugs with their
   * `updatedAt`, in slug order; `pageSize` 1 to 50,000 (default 50,000, one
   * sitemap file's worth).
   */
  page(type: SitemapType, page?: number, pageSize?: number): Promise<SitemapPageResponse>;
}

/** The Osservatorio's open data: published testimonies counted (`GET /api/osservatorio`). */
export interface OsservatorioClient {
  /**
   * The aggregates for a sector, a period of event months and/or a company
   * (by slug; a company under the threshold is a 404 `StrapiError`), under
   * the CC BY 4.0 licence (`data.license`).
   */
  get(params?: OsservatorioParams): Promise<OsservatorioResponse>;
}

/**
 * One member per public content type of the registry (`articles`, `books`,
 * `global`...): a `CollectionClient`, or a `SingleTypeClient` for a single type.
 */
export type ContentClients = {
  [T in PublicContentType as ContentClientKey<T>]: T extends SingleContentType ? SingleTypeClient<ContentTypesByName[T]> : CollectionClient<ContentTypesByName[T]>;
};

export interface StrapiClient extends ContentClients {
  /** Testimony submissions: form token, submit, status and withdrawal by private token. */
  submissions: SubmissionsClient;
  /** The contact form: send a message to the redazione (write-only). */
  contactMessages: ContactMessagesClient;
  /** The newsletter: subscribe (double opt-in), confirm, unsubscribe and read one's data by the e-mails' signed links. */
  newsletter: NewsletterClient;
  /** Site search over published articles, testimonies and answers (`GET /api/search`). */
  search(params: SearchParams): Promise<SearchResponse>;
  /** The sitemap source (`GET /api/sitemap`, `GET /api/sitemap/{type}`). */
  sitemap: SitemapClient;
  /** The Osservatorio's aggregates (`GET /api/osservatorio`). */
  osservatorio: OsservatorioClient;
  /** The delivery log of the webhooks linked to your token (`GET /api/webhook-deliveries`; needs the token). */
  webhookDeliveries: WebhookDeliveriesClient;
  /** The underlying axios instance (base URL `<origin>/api`). */
  http: AxiosInstance;
}

export function createStrapiClient(options: StrapiClientOptions): StrapiClient {
  if (options.read && options.cache) throw new Error('createStrapiClient: `read` and `cache` exclude each other (the ETag cache revalidates over HTTP).');
  const retries = retryPolicy(options);
  const cache = options.cache ? new EtagCache(typeof options.cache === 'object' ? options.cache.maxEntries ?? 500 : 500) : undefined;
  const http = axios.create({
    baseURL: `${options.baseURL.replace(/\/+$/, '')}/api`,
    timeout: options.timeout ?? 10_000,
    headers: {
      Accept: 'application/json',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    paramsSerializer: { serialize: (params: Record<string, QueryValue>) => toQueryString(params) },
  });

  /** Runs `request`, retried as the options say (reads only), and turns its failure into a `StrapiError`. */
  async function call<R>(request: () => Promise<{ data: R }>, method: string, path: string, params: object = {}): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await request()).data;
      } catch (cause) {
        const error = toStrapiError(cause, http, method, path, params, attempt);
        const delayMs = retryDelay(error, attempt, retries);
        if (delayMs === undefined) throw error;
        retries.onRetry?.({ retry: attempt, delayMs, error });
        await sleep(delayMs);
      }
    }
  }

  const { read } = options;
  /** A GET, revalidated with `If-None-Match` when the ETag cache is on, or answered by `read`. */
  const get = <R>(path: string, params: object = {}) => {
    if (read) {
      const query = toQueryString(params as Record<string, QueryValue>);
      return call<R>(() => readAnswer<R>(read, query ? `${path}?${query}` : path), 'GET', path, params);
    }
    if (!cache) return call<R>(() => http.get<R>(path, { params }), 'GET', path, params);
    const key = `${path}?${toQueryString(params as Record<string, QueryValue>)}`;
    return call<R>(async () => {
      const cached = cache.get(key);
      const response = await http.get<R>(path, {
        params,
        headers: cached ? { 'If-None-Match': cached.etag } : {},
        validateStatus: (status) => (status >= 200 && status < 300) || (status === 304 && cached !== undefined),
      });
      if (response.status === 304 && cached) return { data: cached.data as R };
      const etag: unknown = response.headers.etag;
      if (typeof etag === 'string' && etag) cache.set(key, { etag, data: response.data });
      else cache.delete(key);
      return response;
    }, 'GET', path, params);
  };

  /** `changedAt`: the field telling when an entry's public version changed (see `since`). */
  function collection<T>(pluralName: string, changedAt: ChangeField = 'updatedAt'): CollectionClient<T> {
    const readPage = (query: object) => get<Paginated<T>>(`/${pluralName}`, query);
    return {
      list: (params = {}) => readPage(listQuery(params)),
      get: async (documentId, params = {}) =>
        (await get<Single<T>>(`/${pluralName}/${encodeURIComponent(documentId)}`, params)).data,
      getBySlug: async (slug, params = {}) => {
        const page = await get<Paginated<T>>(`/${pluralName}`, {
          ...params,
          filters: { slug: { $eq: slug } },
          pagination: { page: 1, pageSize: 1 },
        });
        return page.data[0] ?? null;
      },
      iterate: (params = {}) => iterateEntries(readPage, params),
      pages: (params = {}) => iteratePages(readPage, params),
      listAll: async (params = {}) => {
        const entries: T[] = [];
        for await (const entry of iterateEntries(readPage, params)) entries.push(entry);
        return entries;
      },
      since: (since, params = {}) => iterateSince(readPage, since, params, changedAt),
    };
  }

  /** A single type: one entry, at `/api/<singular>`. */
  const single = <T>(path: string): SingleTypeClient<T> => ({ get: async (params = {}) => (await get<Single<T>>(`/${path}`, params)).data });

  // The registry's public types (generated: a browser bundle of the client does not carry the registry);
  // draft-and-publish ones change when published (see `since`).
  const contentClients = Object.fromEntries(Object.entries(CONTENT_CLIENTS).map(([member, spec]: [string, { path: string; single?: true; changedAt?: ChangeField }]) =>
    [member, spec.single ? single(spec.path) : collection(spec.path, spec.changedAt)],
  )) as unknown as ContentClients;

  return {
    ...contentClients,
    submissions: submissionsClient(http, call),
    contactMessages: contactMessagesClient(http, call),
    newsletter: newsletterClient(http, call),
    search: (params) => get<SearchResponse>('/search', params),
    sitemap: {
      types: () => get<SitemapIndexResponse>('/sitemap'),
      page: (type, page = 1, pageSize) => get<SitemapPageResponse>(`/sitemap/${encodeURIComponent(type)}`, { page, ...(pageSize === undefined ? {} : { pageSize }) }),
    },
    osservatorio: {
      get: (params = {}) => get<OsservatorioResponse>('/osservatorio', params),
    },
    webhookDeliveries: {
      list: ({ since, ...params } = {}) =>
        get<WebhookDeliveriesResponse>('/webhook-deliveries', { ...params, ...(since === undefined ? {} : { since: since instanceof Date ? since.toISOString() : since }) }),
    },
    http,
  };
}

/** A `read` answer that is not a success: its status and body, as axios reports one over HTTP. */
class ReadFailure extends Error {
  constructor(readonly status: number, readonly payload: unknown, message = `Request failed with status code ${status}`, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReadFailure';
  }
}

/** The JSON text of a `read` answer parsed, as the client's data; a failure status thrown as a `ReadFailure`. */
async function readAnswer<R>(read: NonNullable<StrapiClientOptions['read']>, pathAndQuery: string): Promise<{ data: R }> {
  const { status, body } = await read(pathAndQuery);
  let payload: unknown = body;
  try {
    payload = JSON.parse(body);
  } catch (cause) {
    if (status >= 200 && status < 300) throw new ReadFailure(status, body, `The CMS answered ${status} with a body that is not JSON`, { cause });
  }
  if (status >= 200 && status < 300) return { data: payload as R };
  throw new ReadFailure(status, payload);
}

function toStrapiError(error: unknown, http: AxiosInstance, method: string, path: string, params: object, attempts: number): StrapiError {
  const query = toQueryString(params as Record<string, QueryValue>);
  const url = `${http.defaults.baseURL ?? ''}${path}${query ? `?${query}` : ''}`;
  const response = error instanceof AxiosError
    ? error.response && { status: error.response.status, statusText: error.response.statusText, payload: error.response.data as unknown, retryAfter: error.response.headers['retry-after'] as unknown }
    : error instanceof ReadFailure ? { status: error.status, statusText: undefined, payload: error.payload, retryAfter: undefined } : undefined;
  if (!(error instanceof AxiosError) && !response) return new StrapiError({ method, url, status: 0, attempts, cause: error });

  const payload = response?.payload;
  const body = typeof payload === 'object' && payload !== null && 'error' in payload ? payload.error : undefined;
  return new StrapiError({
    method,
    url,
    status: response?.status ?? 0,
    statusText: response?.statusText,
    body: isStrapiErrorBody(body) ? body : undefined,
    retryAfterSeconds: parseRetryAfter(response?.retryAfter),
    attempts,
    // Read even when the envelope around them is incomplete: a form still shows what was wrong.
    fieldErrors: fieldErrorsOf(typeof body === 'object' && body !== null && 'details' in body ? body.details : undefined),
    cause: error,
  });
}
