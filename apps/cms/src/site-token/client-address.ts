import { isIP } from 'node:net';
import { SITE_CLIENT_ADDRESS_HEADER } from '@chiudete/types';
import { normalizeIp } from '../api/anti-abuse/lib/client-ip';

/**
 * The reader's address relayed by the site's server (issue #16, item 7).
 * Readers send the public forms to the site, which forwards them here with
 * the site's own token and the reader's address in `X-Site-Client-Address`
 * (@chiudete/types, public-forms.ts). That address is believed ONLY when the
 * request carries exactly SITE_API_TOKEN: from anyone else, the header is
 * ignored and the limits count the request's own address (Koa's
 * `ctx.request.ip`), so a forged header never picks a fresh bucket.
 */

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

export interface RelayedRequest {
  get(header: string): string;
}

/**
 * The relayed reader's address when the request is the site's (`isSite`
 * says whether a bearer token is the site's), normalised; undefined
 * otherwise, and for anything that is not one IP address.
 */
export function relayedClientAddress(request: RelayedRequest, isSite: (bearer: string) => boolean): string | undefined {
  const claimed = request.get(SITE_CLIENT_ADDRESS_HEADER).trim();
  if (claimed === '') return undefined;
  const token = bearerToken(request.get('Authorization'));
  if (token === undefined || !isSite(token)) return undefined;
  const address = normalizeIp(claimed);
  return isIP(address) === 0 ? undefined : address;
}
