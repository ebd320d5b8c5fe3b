/**
 * The project's own domain: its public contact address and links to its own
 * pages are not personal data, so a testimony may keep them.
 */
export const PUBLIC_DOMAINS: readonly string[] = ['chiudeteicallcenter.eu'];

export function isPublicDomain(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return PUBLIC_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}
