import { randomBytes } from 'node:crypto';

/**
 * The IPX handler of @nuxt/image (`/_ipx/**`) may fetch any http(s) URL
 * (`allowAllDomains`, nuxt.config.ts): the CMS's address is only known at
 * run time (NUXT_STRAPI_URL), while IPX's list of allowed hosts is fixed at
 * build time. So nobody outside this server may call it directly: the public
 * image route (routes/_ipx/[modifiers]/[source]/[file].get.ts) calls it
 * in-process with this header, and middleware/ipx-guard.ts answers 404 to
 * every other `/_ipx` request. The secret is new at every start.
 */
export const IPX_INTERNAL_HEADER = 'x-chiudete-ipx';
export const IPX_INTERNAL_SECRET = randomBytes(32).toString('base64url');

/** Whether a request path is one of IPX's (decoded and case-folded, so `/%5Fipx/` or `/_IPX/` count too). */
export function isIpxPath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed escapes: judged as they are.
  }
  return /^\/+_ipx(?:\/|$)/i.test(decoded);
}
