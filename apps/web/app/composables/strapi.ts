import { StrapiError, createStrapiClient, type StrapiClient } from '@chiudete/types';
import type { H3Event } from 'h3';
import type { ComputedRef } from 'vue';
// Through the alias, not a relative path: Nuxt leaves shared/ out of the app's server bundle and needs an absolute import to find it.
import { mergePreviewedEntry, previewCollection, previewRead, previewedDocumentFilter, type PreviewScope } from '#shared/utils/preview-scope';

/**
 * The clients are stateless (no per-user token), so one per base URL and
 * process is shared by all requests. (The browser's own client, for the
 * public forms, is app/lazy/form-client.ts, relayed by server/utils/public-forms.)
 */
const clients = new Map<string, StrapiClient>();

/**
 * Reads are retried once, after at most a second: enough for a connection
 * reset or a CMS restarting (503), never a page held for a minute by a 429's
 * Retry-After (that fails at once, and the page answers 503). The client's
 * defaults (2 retries, waits up to 30 s) suit partners' sync jobs, not a render.
 */
const PAGE_RETRIES = { retries: 1, maxRetryDelayMs: 1_000 } as const;

function sharedClient(baseURL: string, timeout: number, token?: string): StrapiClient {
  const key = `${baseURL} ${timeout} ${token ? 'token' : 'anonymous'}`;
  let client = clients.get(key);
  if (!client) {
    client = createStrapiClient({ baseURL, timeout, token: token || undefined, ...PAGE_RETRIES });
    clients.set(key, client);
  }
  return client;
}

/**
 * The client of one preview render (server only): the preview token
 * (`NUXT_PREVIEW_TOKEN`, which the CMS lets read drafts), reading the draft
 * of the previewed document only, everything else published
 * (shared/utils/preview-scope.ts): another draft never shows in a preview.
 */
function previewClient(event: H3Event, baseURL: string, token: string, scope: PreviewScope): StrapiClient {
  let client = previewClients.get(event);
  if (client) return client;
  client = createStrapiClient({ baseURL, timeout: 8_000, token, ...PAGE_RETRIES });
  const http = client.http;
  http.interceptors.request.use((config) => {
    config.params = previewRead(scope, config.url, config.params).params;
    return config;
  });
  http.interceptors.response.use(async (response) => {
    if (previewRead(scope, response.config.url, response.config.params).kind !== 'merge') return response;
    const draft = await http.get<{ data: Array<{ documentId: string }> }>(`/${previewCollection(scope.type)}`, {
      params: { filters: previewedDocumentFilter(scope), pagination: { page: 1, pageSize: 1 } },
    });
    response.data = mergePreviewedEntry(response.data, draft.data.data[0]);
    return response;
  });
  previewClients.set(event, client);
  return client;
}

const previewClients = new WeakMap<H3Event, StrapiClient>();

const readerClients = new WeakMap<H3Event, StrapiClient>();

/**
 * The client of one server-side render: its requests go through the site
 * server's CMS reader (`event.context.cms`: the site's own token, the data
 * cache, retries, and the record of failed reads that keeps a degraded page
 * out of the caches), never straight to the CMS.
 */
function readerClient(event: H3Event, read: NonNullable<H3Event['context']['cms']>['read'], strapiUrl: string): StrapiClient {
  let client = readerClients.get(event);
  if (!client) {
    client = createReaderClient(read, strapiUrl);
    readerClients.set(event, client);
  }
  return client;
}

/**
 * The one typed CMS client of the app, for reading content, during server
 * rendering: every page is rendered on the server (and every navigation is a
 * full page load), so the browser never reads content itself. It reads
 * through the site server's CMS reader (the site's read-only token
 * `NUXT_STRAPI_TOKEN`, its own budget at the CMS, and the data cache); on
 * the page of an editor's preview (server/middleware/preview.ts) it reads
 * the previewed document's draft instead.
 */
export function useStrapi(): StrapiClient {
  const { strapiUrl, strapiToken, previewToken } = useRuntimeConfig();
  const event = useRequestEvent();
  if (event?.context.preview && previewToken) return previewClient(event, strapiUrl, previewToken, event.context.preview);
  if (event?.context.cms) return readerClient(event, event.context.cms.read, strapiUrl);
  return sharedClient(strapiUrl, 8_000, strapiToken);
}

/**
 * Turns a failed CMS call into an error that is safe to show and to put in
 * the payload: the original (with the CMS's URL) is logged on the server only.
 * An unreachable, overloaded or failing CMS is a 503 ("try again later");
 * anything else means this app asked something wrong: a 500.
 */
export function toPageError(cause: unknown): never {
  const status = cause instanceof StrapiError ? cause.status : 0;
  console.error('[cms]', cause instanceof Error ? cause.message : cause);
  if (status === 0 || status === 429 || status >= 500) {
    throw createError({
      status: 503,
      statusText: 'Service Unavailable',
      message: 'I contenuti del sito non sono raggiungibili in questo momento.',
    });
  }
  throw createError({ status: 500, statusText: 'Internal Server Error', message: 'Errore nel caricamento dei contenuti.' });
}

/**
 * The content a server read stored under `key` in the page's payload (the
 * server's own render, or a hydrated page in the browser), if any.
 */
export function cmsPayloadData<T>(key: string): T | undefined {
  const box = useNuxtApp().payload.data[key] as { value: T } | undefined;
  return box?.value;
}

function missingInPayload(key: string) {
  return createError({ status: 500, statusText: 'Internal Server Error', message: `«${key}» manca nei dati della pagina: ricaricala.`, fatal: true });
}

/**
 * CMS content that the page cannot do without: resolves to the data, or
 * fails the whole page (Nuxt's error page, with the right HTTP status) when
 * the CMS does not answer. `key` must name everything the handler depends
 * on. The handler runs on the server only: every page is rendered there and
 * every navigation is a full page load, so a hydrated page (a form) finds
 * the data in its payload, and the browser bundle carries neither the
 * client, nor axios, nor `useAsyncData`.
 */
export async function useCmsData<T>(key: string, handler: (cms: StrapiClient) => Promise<T>): Promise<ComputedRef<T>> {
  if (!import.meta.server) {
    const loaded = cmsPayloadData<T>(key);
    if (loaded === undefined) throw missingInPayload(key);
    return computed(() => loaded);
  }
  const cms = useStrapi();
  // Boxed so that Nuxt's `pick` typing (PickFrom<T, …>) stays resolvable for a generic T.
  const { data, error } = await useAsyncData(key, async (): Promise<{ value: T }> => ({ value: await handler(cms).catch(toPageError) }));
  if (error.value) {
    const status = error.value.status ?? 503;
    // Only a real failure is logged with its stack (see notFound).
    throw createError({ status, statusText: error.value.statusText, message: error.value.message, fatal: status >= 500 });
  }
  const loaded = data.value;
  if (loaded === undefined) {
    throw createError({ status: 500, statusText: 'Internal Server Error', message: `Nessun dato per «${key}».`, fatal: true });
  }
  return computed(() => (data.value ?? loaded).value);
}

/** Fails the page with a real 404 (status and error page) when `value` is missing. */
export function requireFound<T>(value: ComputedRef<T | null>, message: string): ComputedRef<T> {
  const found = value.value;
  if (found === null) throw notFound(message);
  return computed(() => value.value ?? found);
}

/**
 * A missing page: Nuxt's error page with a 404. Not `fatal`: on the server
 * every error thrown while rendering shows the error page anyway (fatal
 * only matters in the browser, and a 404 page is never hydrated), while
 * Nitro logs a fatal error with its whole stack as a `[request error]`;
 * an unknown address is no error of the site.
 */
export function notFound(message: string) {
  return createError({ status: 404, statusText: 'Not Found', message, fatal: false });
}

/**
 * CMS content the page can do without (related content, a side list): when
 * the CMS fails, the page still renders, with `fallback` and a warning in
 * the server's log. `key` must name everything the handler depends on.
 * Read on the server only, like useCmsData.
 */
export async function useOptionalCmsData<T>(key: string, handler: (cms: StrapiClient) => Promise<T>, fallback: T): Promise<ComputedRef<T>> {
  if (!import.meta.server) {
    const loaded = cmsPayloadData<T>(key) ?? fallback;
    return computed(() => loaded);
  }
  const cms = useStrapi();
  const { data } = await useAsyncData(key, async (): Promise<{ value: T }> => {
    try {
      return { value: await handler(cms) };
    } catch (cause) {
      console.warn(`[cms] ${key}:`, cause instanceof Error ? cause.message : cause);
      return { value: fallback };
    }
  });
  return computed(() => data.value?.value ?? fallback);
}
