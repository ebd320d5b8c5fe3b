/**
 * The site's public URL for nuxt-site-config, and so for
 * @nuxtjs/robots and nuxt-schema-org: `runtimeConfig.public.siteUrl`
 * (NUXT_PUBLIC_SITE_URL), read when each request starts, never the value
 * seen at build time nor the request's Host header. Canonical links
 * (`usePageSeo`) and the feeds use the same setting.
 *
 * Pushed last, at nuxt-site-config's `runtime` priority (0, the default of
 * an entry without `_priority`), it wins over the build-time values and the
 * request's origin.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('site-config:init', ({ event, siteConfig }) => {
    const { siteUrl } = useRuntimeConfig(event).public;
    siteConfig.push({
      _context: 'runtimeConfig.public.siteUrl',
      url: siteUrl,
    });
  });
});
