// What the site's server middlewares attach to each request (read by the
// server plugins and, during server-side rendering, by the app through
// `useRequestEvent()`).
declare module 'h3' {
  interface H3EventContext {
    /** A valid preview session (server/middleware/preview.ts): the request reads drafts. */
    preview?: { expiresAt: number };
    /** A page-cache miss to store once rendered (server/middleware/page-cache.ts). */
    pageCache?: { key: string; renderStartedAt: number };
  }
}

export {};
