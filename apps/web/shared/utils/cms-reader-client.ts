import { AxiosError } from 'axios';
import { createStrapiClient, type StrapiClient } from '@chiudete/types';

type Read = (path: string, options?: { timeoutMs?: number }) => Promise<{ status: number; body: string }>;

/**
 * The typed client over a CMS reader: the one client, its reads answered by
 * `read` (the site server's reader: token, data cache, retries) with the
 * same URLs it would send (`/articles?…`), so its parsing and `StrapiError`s
 * work unchanged; it does not retry by itself. A CMS that cannot answer is
 * a network error (status 0). `timeoutMs` overrides the reader's timeout.
 * The server's renders only read: the client's raw `http` refuses anything.
 */
export function createReaderClient(read: Read, strapiUrl: string, timeoutMs?: number): StrapiClient {
  const options = timeoutMs === undefined ? undefined : { timeoutMs };
  const client = createStrapiClient({ baseURL: strapiUrl, retries: 0, read: (path) => read(path, options) });
  client.http.defaults.adapter = (config) =>
    Promise.reject(new AxiosError(`The CMS reader only reads, through the typed client: ${config.method?.toUpperCase()} ${config.url}`, AxiosError.ERR_BAD_REQUEST, config));
  return client;
}
