import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who is asking, for the rate limits and the submission's `ipHash`.
 *
 * `ctx.request.ip` is Koa's: the socket's peer address, or, only when
 * Strapi trusts a proxy (`server.proxy.koa`, IS_PROXIED=true in
 * config/server.ts), the X-Forwarded-For entry the proxy chain allows
 * (`server.proxy.maxIpsCount`; by default Koa takes the LEFTMOST entry,
 * which the client can forge unless the proxy overwrites the header).
 * The header is never read here directly.
 *
 * A public form relayed by the site's server (issue #16) comes from the
 * site's address: the reader's own is then `ctx.state.siteClientAddress`,
 * set by `global::site-client-address` only for a request carrying the
 * site's token (src/site-token/client-address.ts).
 */
export interface RequestWithIp {
  request: { ip: string };
  state?: { siteClientAddress?: unknown };
}

/** The reader's address: relayed by the site, or Koa's; without the IPv4-mapped prefix and IPv6 zone; '' when unknown. */
export function clientIp(ctx: RequestWithIp): string {
  const relayed = ctx.state?.siteClientAddress;
  if (typeof relayed === 'string' && relayed !== '') return normalizeIp(relayed);
  const ip = typeof ctx.request.ip === 'string' ? ctx.request.ip.trim() : '';
  return normalizeIp(ip);
}

export function normalizeIp(ip: string): string {
  const address = ip.toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  return mapped?.[1] ?? address;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(ip: string): number[] {
  let address = ip;
  const ipv4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16));
}

/**
 * What the limits count: an IPv4 address, or an IPv6 /64 (a subscriber
 * usually gets a whole /64 and could rotate through it). Anything that is
 * not an address (a forged header) falls into one shared 'invalid' bucket.
 */
export function ipSubject(ip: string): string {
  const address = normalizeIp(ip);
  if (isIPv4(address)) return address;
  if (isIPv6(address)) {
    return `${ipv6Groups(address).slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
  }
  return 'invalid';
}

/** Salted SHA-256 (HMAC) of the client's subject: the raw address is never stored. */
export function hashIp(key: Buffer, ip: string): string {
  return createHmac('sha256', key).update(ipSubject(ip)).digest('hex');
}
