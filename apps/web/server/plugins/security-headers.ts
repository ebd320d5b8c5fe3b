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
    const headers = (response.headers ??= {});
    let contentType: string | undefined;
    for (const name of Object.keys(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'x-powered-by' || lower === 'content-security-policy') delete headers[name];
      else if (lower === 'content-type') contentType = headers[name];
    }
    const settings = siteSecuritySettings();
    if (!settings.csp || typeof response.body !== 'string' || !isHtml(contentType ?? 'text/html')) return;
    headers['content-security-policy'] = contentSecurityPolicy(settings, {
      framedByAdmin: Boolean(event.context.framedByAdmin),
      scriptHashes: inlineScriptHashes(response.body),
    });
  });
});
