import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/**
 * The client's address, for per-client limits. X-Forwarded-For is believed
 * only from the proxies listed in NUXT_TRUSTED_PROXIES (proxy-addr's
 * syntax: `loopback`, `uniquelocal`, addresses and CIDR ranges); by default
 * nobody's, since a header anyone can send must not choose the bucket.
 */
export function clientAddressResolver(trusted: readonly string[]): (req: IncomingMessage) => string {
  const resolve = clientIpResolver(trusted);
  return (req) => clientKey(resolve(req));
}

/**
 * The client's own address (trusted proxies applied, as above), not its
 * bucket: what the site relays to the CMS with the public forms
 * (server/utils/public-forms), whose limits make their own buckets.
 */
export function clientIpResolver(trusted: readonly string[]): (req: IncomingMessage) => string {
  const trust = proxyAddr.compile([...trusted]);
  return (req) => proxyAddr(req, trust);
}

/** The bucket of an address: IPv4 as it is, IPv6 per /64 (one household or phone gets a whole /64), IPv4-mapped as IPv4. */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}
