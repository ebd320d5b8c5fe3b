import type { H3Event } from 'h3';
import { widgetContentSecurityPolicy } from '../security-headers/policy';

/**
 * Sends a widget's HTML: framed by any site (CSP `frame-ancestors *`, no
 * X-Frame-Options: server/plugins/page-cache.ts), never indexed on its own,
 * no cookie. Cached by the page cache like every page (the CSP is stored
 * with it, the other headers are set afresh on every response).
 */
export function sendWidget(event: H3Event, html: string): string {
  setResponseHeaders(event, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': widgetContentSecurityPolicy(),
    'x-robots-tag': 'noindex',
  });
  event.node.res.removeHeader('x-frame-options');
  return html;
}
