import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { Answer, Article, Author, BookRelease, Category, Global, Testimony, Video } from './generated/content';
import { StrapiError, isStrapiErrorBody } from './errors';
import { toQueryString, type QueryValue } from './query';
import type { GetParams, ListParams, Paginated, Single } from './rest';
import { submissionsClient, type SubmissionsClient } from './submissions';

export interface StrapiClientOptions {
  /** Origin of the CMS, e.g. `https://cms.chiudeteicallcenter.eu` (without `/api`). */
  baseURL: string;
  /** A read-only API token (partners) or none (anonymous, rate-limited). */
  token?: string;
  /** Per-request timeout in milliseconds (default 10 s). */
  timeout?: number;
  /** Extra headers sent with every request (e.g. a User-Agent naming the partner). */
  headers?: Record<string, string>;
}

export interface CollectionClient<T> {
  /** One page of published entries. */
  list(params?: ListParams<T>): Promise<Paginated<T>>;
  /** One entry by its `documentId`; throws a 404 `StrapiError` when absent. */
  get(documentId: string, params?: GetParams<T>): Promise<T>;
  /** One entry by its slug, or `null` when no published entry has it. */
  getBySlug(slug: string, params?: GetParams<T>): Promise<T | null>;
}

export interface SingleTypeClient<T> {
  get(params?: GetParams<T>): Promise<T>;
}

export interface StrapiClient {
  articles: CollectionClient<Article>;
  authors: CollectionClient<Author>;
  categories: CollectionClient<Category>;
  books: CollectionClient<BookRelease>;
  testimonies: CollectionClient<Testimony>;
  videos: CollectionClient<Video>;
  answers: CollectionClient<Answer>;
  global: SingleTypeClient<Global>;
  /** Testimony submissions: form token, submit, status and withdrawal by private token. */
  submissions: SubmissionsClient;
  /** The underlying axios instance (base URL `<origin>/api`). */
  http: AxiosInstance;
}

export function createStrapiClient(options: StrapiClientOptions): StrapiClient {
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

  async function call<R>(request: () => Promise<{ data: R }>, method: string, path: string, params: object = {}): Promise<R> {
    try {
      return (await request()).data;
    } catch (error) {
      throw toStrapiError(error, http, method, path, params);
    }
  }

  const get = <R>(path: string, params: object = {}) => call<R>(() => http.get<R>(path, { params }), 'GET', path, params);

  function collection<T>(pluralName: string): CollectionClient<T> {
    return {
      list: (params = {}) => get<Paginated<T>>(`/${pluralName}`, listQuery(params)),
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
    };
  }

  return {
    articles: collection<Article>('articles'),
    authors: collection<Author>('authors'),
    categories: collection<Category>('categories'),
    books: collection<BookRelease>('book-releases'),
    testimonies: collection<Testimony>('testimonies'),
    videos: collection<Video>('videos'),
    answers: collection<Answer>('answers'),
    global: { get: async (params = {}) => (await get<Single<Global>>('/global', params)).data },
    submissions: submissionsClient(http, call),
    http,
  };
}

function listQuery<T>({ page, pageSize, ...rest }: ListParams<T>): object {
  const pagination = page !== undefined || pageSize !== undefined ? { page: page ?? 1, pageSize: pageSize ?? 25 } : undefined;
  return { ...rest, pagination };
}

function toStrapiError(error: unknown, http: AxiosInstance, method: string, path: string, params: object): StrapiError {
  const query = toQueryString(params as Record<string, QueryValue>);
  const url = `${http.defaults.baseURL ?? ''}${path}${query ? `?${query}` : ''}`;
  if (!(error instanceof AxiosError)) return new StrapiError({ method, url, status: 0, cause: error });

  const response = error.response;
  const payload: unknown = response?.data;
  const body = typeof payload === 'object' && payload !== null && 'error' in payload ? payload.error : undefined;
  const retryAfter = Number(response?.headers['retry-after']);
  return new StrapiError({
    method,
    url,
    status: response?.status ?? 0,
    statusText: response?.statusText,
    body: isStrapiErrorBody(body) ? body : undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    cause: error,
  });
}
