/**
 * Caches of this server built from CMS content besides the page cache, which
 * a revalidation must also empty, or the feeds and the sitemap would show a
 * change only when they expire (10 minutes):
 * - the feeds' and the sitemap source's CMS data (server/utils/feeds/runtime.ts:
 *   Nitro cached functions of group `feeds`, in the `cache` storage);
 * - @nuxtjs/sitemap's own cache of the built sitemap (`sitemap` storage, group `sitemap`).
 * Rebuilding them costs a few CMS calls, so they are emptied on every change.
 */
const DERIVED_CACHES = ['cache:feeds', 'sitemap:sitemap'] as const;

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('site:revalidate', async () => {
    const storage = useStorage();
    for (const base of DERIVED_CACHES) {
      try {
        const keys = await storage.getKeys(base);
        await Promise.all(keys.map((key) => storage.removeItem(key)));
      } catch (error) {
        console.error(`[revalidate] could not empty ${base}: ${(error as Error).message}`);
      }
    }
  });
});
