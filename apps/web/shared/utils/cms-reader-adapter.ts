import axios, { AxiosError, type AxiosAdapter, type AxiosResponse } from 'axios';
import { createStrapiClient, type StrapiClient } from '@chiudete/types';

type Read = (path: string, options?: { timeoutMs?: number }) => Promise<{ status: number; body: string }>;

/**
 * An axios adapter that sends the typed client's GETs through the site
 * server's CMS reader instead of the network: same URLs (`apiBase` cut off),
 * same answers, so the client's parsing and `StrapiError`s work unchanged.
 * A CMS that cannot answer is a network error (status 0), as it would be
 * without the reader.
 */
export function cmsReaderAdapter(read: Read, apiBase: string, timeoutMs?: number): AxiosAdapter {
  return async (config) => {
    const url = axios.getUri(config);
    if ((config.method ?? 'get').toLowerCase() !== 'get' || !url.startsWith(apiBase)) {
      throw new AxiosError(`The CMS reader only reads: ${config.method?.toUpperCase()} ${url}`, AxiosError.ERR_BAD_REQUEST, config);
    }
    let answer: { status: number; body: string };
    try {
      answer = await read(url.slice(apiBase.length), timeoutMs === undefined ? undefined : { timeoutMs });
    } catch (cause) {
      throw new AxiosError((cause as Error).message, AxiosError.ERR_NETWORK, config);
    }
    const response: AxiosResponse = { data: answer.body, status: answer.status, statusText: '', headers: { 'content-type': 'application/json' }, config, request: {} };
    if (config.validateStatus ? config.validateStatus(answer.status) : answer.status >= 200 && answer.status < 300) return response;
    throw new AxiosError(`Request failed with status code ${answer.status}`, answer.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, {}, response);
  };
}

/**
 * The typed client over a CMS reader: the one client, its requests answered
 * by `read` (the site server's reader: token, data cache, retries), so it
 * does not retry by itself. `timeoutMs` overrides the reader's timeout.
 */
export function createReaderClient(read: Read, strapiUrl: string, timeoutMs?: number): StrapiClient {
  const client = createStrapiClient({ baseURL: strapiUrl, retries: 0 });
  client.http.defaults.adapter = cmsReaderAdapter(read, client.http.defaults.baseURL ?? '', timeoutMs);
  return client;
}
