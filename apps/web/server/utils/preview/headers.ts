import type { H3Event } from 'h3';
import { allowAdminFraming, securityHeaders } from '../security-headers/policy';
import { siteSecuritySettings } from '../security-headers/settings';

/**
 * Headers of every preview response (and of the refusals): never cached
 * (the browser, Varnish and the page cache), never indexed, no referrer (the
 * address holds the preview's token: it never leaves in a Referer), and
 * framed by the admin's preview pane only (the page's CSP is kept, with the
 * admin as its one frame ancestor).
 */
export function setPreviewHeaders(event: H3Event): void {
  if (event.node.res.headersSent) return;
  setResponseHeaders(event, {
    'cache-control': 'private, no-store, max-age=0',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
  });
  event.context.framedByAdmin = true;
  const settings = siteSecuritySettings();
  const res = event.node.res;
  res.removeHeader('x-frame-options');
  if (!settings.csp) return;
  const current = res.getHeader('content-security-policy');
  const csp = typeof current === 'string' ? current : securityHeaders(settings)['content-security-policy']!;
  res.setHeader('content-security-policy', allowAdminFraming(csp, settings));
}
