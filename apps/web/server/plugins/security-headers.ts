import { isHtml } from '../utils/page-cache/policy';
import { inlineScriptHashes } from '../utils/security-headers/inline-scripts';
import { contentSecurityPolicy } from '../utils/security-headers/policy';
import { siteSecuritySettings } from '../utils/security-headers/settings';

/**
 * Every page the app renders gets a Content-Security-Policy that allows its
 * own inline scripts by hash (server/utils/security-headers/inline-scripts.ts),
 * and no `X-Powered-By`. The page cache stores the header with the page, so
 * a hit carries the hashes of the bytes it serves. (The other security
 * headers are set on every response by server/plugins/page-cache.ts.)
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const dropped = new Set(['x-powered-by', 'content-security-policy']);
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).filter(([name]) => !dropped.has(name.toLowerCase())));
    response.headers = headers;
    const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const settings = siteSecuritySettings();
    if (!settings.csp || typeof response.body !== 'string' || !isHtml(contentType ?? 'text/html')) return;
    headers['content-security-policy'] = contentSecurityPolicy(settings, {
      framedByAdmin: Boolean(event.context.framedByAdmin),
      scriptHashes: inlineScriptHashes(response.body),
    });
  });
});
