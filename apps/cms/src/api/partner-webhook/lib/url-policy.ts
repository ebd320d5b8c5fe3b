import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where the CMS may send webhooks. A webhook URL is typed by an admin and
 * then fetched by the server: without limits it could reach the database,
 * Redis, a cloud metadata service or the admin itself (SSRF). So, unless
 * local URLs are allowed (development and tests): https only, no user info,
 * and only addresses that are plain public unicast. The address is checked
 * at save time (a clear message for the admin; a name is resolved and EVERY
 * address it resolves to is checked) and again at connection time, on the
 * address actually dialled (src/api/partner-webhook/lib/send.ts), so a DNS record
 * changed after the check (rebinding) does not get through either.
 *
 * The special ranges come from ipaddr.js (maintained against the IANA
 * special-purpose registries), not from a hand list: an address is public
 * only when ipaddr.js classes it `unicast`, and an IPv6 one also only inside
 * the global unicast block 2000::/3. That refuses every form that embeds or
 * leads to an IPv4 address (IPv4-mapped `::ffff:0:0/96` however written,
 * `::ffff:0:0:0/96`, the deprecated IPv4-compatible `::/96` such as
 * `::7f00:1`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32`),
 * as well as loopback, private, link-local, CGNAT, multicast, reserved and
 * documentation ranges.
 */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** A literal IP address that is reachable on the public internet (false for anything else). */
export function isPublicAddress(address: string): boolean {
  // net.isIP first: ipaddr.js also parses loose IPv4 forms ("127.1", "0x7f.1") that no resolver returns.
  if (isIP(address) === 0) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === 'unicast';
}

export interface UrlPolicy {
  /** http:// and local addresses allowed (development, tests). */
  allowLocalUrls: boolean;
}

/** The hostname of a URL without IPv6 brackets. */
export const bareHostname = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

const isLocalName = (hostname: string): boolean => {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || !name.includes('.');
};

/**
 * Checks a webhook URL without the network: the reason it is refused, in
 * Italian for the admin, or null when it may be saved.
 */
export function webhookUrlProblem(value: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `«${value}» non è un indirizzo web: scrivilo per intero, es. https://partner.example.org/webhooks/chiudete.`;
  }
  if (url.protocol !== 'https:' && !(policy.allowLocalUrls && url.protocol === 'http:')) {
    return 'L\'indirizzo del webhook deve iniziare con https:// (il contenuto e la firma viaggiano cifrati).';
  }
  if (url.username || url.password) {
    return 'L\'indirizzo non può contenere nome utente o password: il partner verifica la firma, non una password nell\'indirizzo.';
  }
  if (url.hash) return 'L\'indirizzo non può contenere un frammento (#…).';
  if (policy.allowLocalUrls) return null;
  const host = bareHostname(url);
  if (isIP(host) ? !isPublicAddress(host) : isLocalName(host)) {
    return `«${url.hostname}» è un indirizzo locale o privato: i webhook vanno solo a siti raggiungibili su Internet.`;
  }
  return null;
}

/**
 * `webhookUrlProblem`, plus a DNS lookup when local URLs are not allowed:
 * a name that resolves to a private address is refused too.
 */
export async function checkWebhookUrl(value: string, policy: UrlPolicy): Promise<string | null> {
  const problem = webhookUrlProblem(value, policy);
  if (problem || policy.allowLocalUrls) return problem;
  const host = bareHostname(new URL(value.trim()));
  if (isIP(host)) return null;
  try {
    const addresses = await lookup(host, { all: true });
    const local = addresses.find((entry) => !isPublicAddress(entry.address));
    return local ? `«${host}» porta a ${local.address}, un indirizzo privato o riservato: i webhook vanno solo a siti raggiungibili su Internet.` : null;
  } catch {
    return `Il nome «${host}» non esiste (DNS): controlla l'indirizzo.`;
  }
}
