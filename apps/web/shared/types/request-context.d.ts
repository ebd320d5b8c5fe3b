// What the site's server attaches to each request (read by the server
// plugins and, during server-side rendering, by the app through
// `useRequestEvent()`).
import type { PreviewScope } from '../utils/preview-scope';

declare module 'h3' {
  interface H3EventContext {
    /** A valid preview token (`?anteprima=`) on one of its document's pages (server/middleware/preview.ts): the request reads that document's draft. */
    preview?: PreviewScope & { expiresAt: number };
    /** A preview response: the admin's preview pane may frame it (server/utils/preview/headers.ts). */
    framedByAdmin?: boolean;
    /** The page cache's own render of a page (server/plugins/page-cache.ts). */
    pageCacheRender?: boolean;
    /** The CMS reader of the site's server (server/plugins/cms-reads.ts, server/utils/cms/reader.ts). */
    cms?: {
      /** GET `/api<path>` of the CMS with the site's token, through the data cache; throws when the CMS cannot answer. */
      read(path: string, options?: { timeoutMs?: number }): Promise<{ status: number; body: string; degraded: boolean }>;
    };
    /** The request's id (X-Request-Id, server/plugins/page-cache.ts): echoed, sent with its CMS reads, on its log lines. */
    requestId?: string;
    /** A CMS read of this request failed: nothing built from it may be cached. */
    cmsDegraded?: boolean;
  }
}

export {};
