// A Nitro hook of this site (in shared/: the app's type check also reads the
// server routes, for typed `$fetch`). Called by POST /api/revalidate
// (server/api/revalidate.post.ts) once the page cache is purged, so that the
// server's other caches built from CMS content empty themselves
// (server/plugins/revalidate-derived-caches.ts). The payload's full types are
// ContentChange and Purge in server/utils/page-cache/paths.ts.
interface SiteRevalidatePayload {
  change: { type: string; action: 'published' | 'unpublished'; documentId: string; slug: string | null };
  purge: { all: boolean; paths: string[]; prefixes: string[] };
}

type SiteRevalidateHook = (payload: SiteRevalidatePayload) => void | Promise<void>;

declare module 'nitropack' {
  interface NitroRuntimeHooks {
    'site:revalidate': SiteRevalidateHook;
  }
}
declare module 'nitropack/types' {
  interface NitroRuntimeHooks {
    'site:revalidate': SiteRevalidateHook;
  }
}

export {};
