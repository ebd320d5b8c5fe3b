import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where the CMS may send webhooks. A webhook URL is typed by an admin and
 * then fetched by the server: without limits it could reach the database,
 * Redis, a cloud metadata service or the admin itself (SSRF). So, unless
 * local URLs are allowed (development and tests): https only, no user info,
 * and no address that is loopback, private, link-local, shared (CGNAT),
 * multicast, reserved or documentation-only. The address is checked at save
 * time (a clear message for the admin) and again at connection time, on the
 * address actually dialled (src/partner-webhooks/send.ts), so a DNS record
 * changed after the check (rebinding) does not get through either.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  // IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 rules
  // by BlockList itself; NAT64 ones lead to IPv4 addresses too: refused whole.
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48],
  ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** A literal IP address that is reachable on the public internet (false for anything else). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
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
