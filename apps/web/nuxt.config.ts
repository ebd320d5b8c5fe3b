import { READER_PAGE_RULES, ROBOTS_DISALLOW } from './shared/utils/private-routes';

// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  modules: ['@nuxt/image', '@nuxtjs/robots', 'nuxt-schema-org'],

  devtools: { enabled: false },

  app: {
    head: {
      htmlAttrs: { lang: 'it' },
      titleTemplate: '%s · Chiudete i Call Center',
      meta: [
        { name: 'theme-color', content: '#faf6ee' },
        { name: 'format-detection', content: 'telephone=no' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },

  css: ['~/assets/css/main.css'],

  vue: {
    // Lean pages (issue #10): every component is `<script setup>`; without the Options API the Vue
    // runtime that the hydrated pages (the forms) download is a few kB smaller.
    optionsApi: false,
    compilerOptions: {
      // The ALTCHA proof-of-work widget is a web component (loaded in the browser only).
      isCustomElement: (tag) => tag === 'altcha-widget',
    },
  },

  /**
   * Site identity for @nuxtjs/robots and nuxt-schema-org
   * (nuxt-site-config). The URL is not set here: server/plugins/site-config-url.ts
   * gives them `runtimeConfig.public.siteUrl` (NUXT_PUBLIC_SITE_URL) at run time.
   * The CMS's site settings (Global) fill in the rest per request: useSiteSeo.
   */
  site: {
    name: 'Chiudete i Call Center',
    // No `description`: nuxt-schema-org would give it to every page's WebPage node instead of the page's own.
    defaultLocale: 'it-IT',
    trailingSlash: false,
  },

  runtimeConfig: {
    /** Where the server reaches the CMS (private network). Env: NUXT_STRAPI_URL. */
    strapiUrl: 'http://127.0.0.1:1337',
    /** Read-only API token of the site (server-only; the CMS limits anonymous reads). Env: NUXT_STRAPI_TOKEN. */
    strapiToken: '',
    // Preview and publishing (server-only: never in the payload nor the browser bundle).
    /** Key of the preview tokens the CMS signs and the site checks (@chiudete/types/preview), shared with the CMS's PREVIEW_SECRET. Env: NUXT_PREVIEW_SECRET. */
    previewSecret: '',
    /** API token that may read drafts (the CMS's «Anteprima sito» token, PREVIEW_API_TOKEN there). Env: NUXT_PREVIEW_TOKEN. */
    previewToken: '',
    /**
     * Origin of the Strapi admin, the only one that may frame the site (its preview pane;
     * server/utils/security-headers). Empty: the origin of `public.cmsUrl`. Env: NUXT_ADMIN_ORIGIN.
     */
    adminOrigin: '',
    /** Bearer secret of POST /api/revalidate, shared with the CMS's REVALIDATE_SECRET. Env: NUXT_REVALIDATE_SECRET. */
    revalidateSecret: '',
    /** Per attempt, for the CMS reads of a render (one retry at most; a page answers within pageCache.renderTimeoutMs anyway). Env: NUXT_STRAPI_TIMEOUT_MS. */
    strapiTimeoutMs: 1200,
    /** Shared store of the page cache, the CMS data cache and the render limits when several instances run (empty: memory). Env: NUXT_REDIS_URL. */
    redisUrl: '',
    /** Proxies whose X-Forwarded-For is believed (proxy-addr syntax: `loopback`, `uniquelocal`, CIDRs; empty: none). Env: NUXT_TRUSTED_PROXIES. */
    trustedProxies: '',
    /**
     * Where this server reads the originals of S3 uploads to resize them, when it reaches the bucket
     * at a closer address than the public one (e.g. http://minio:9000/uploads inside compose).
     * Empty: `public.s3PublicUrl`. server/ipx/sources.ts. Env: NUXT_S3_READ_URL.
     */
    s3ReadUrl: '',
    /** The caching proxy (or proxies, comma-separated) purged with the page cache, e.g. Varnish at http://varnish:6081. Env: NUXT_PROXY_PURGE_URL. */
    proxyPurgeUrl: '',
    /** Log lines: `json` (one object per line) or `pretty`; empty: pretty under `nuxt dev`, json otherwise (server/utils/logging). Env: NUXT_LOG_FORMAT. */
    logFormat: '',
    /** Per check of /readyz (the CMS's readiness, Redis), in ms: a probe's own timeout should be longer. Env: NUXT_HEALTH_CHECK_TIMEOUT_MS. */
    healthCheckTimeoutMs: 2000,
    /** server/utils/cache-settings.ts checks these and says what each does. */
    pageCache: {
      /** Env: NUXT_PAGE_CACHE_TTL_SECONDS (0: no page cache). */
      ttlSeconds: 600,
      /** Env: NUXT_PAGE_CACHE_STALE_SECONDS. */
      staleSeconds: 86400,
      /** Env: NUXT_PAGE_CACHE_MAX_MEGABYTES (memory store only). */
      maxMegabytes: 64,
      /** Env: NUXT_PAGE_CACHE_RENDER_TIMEOUT_MS. */
      renderTimeoutMs: 10000,
      /** Pages rendered at the same time (the others wait). Env: NUXT_PAGE_CACHE_RENDER_CONCURRENCY. */
      renderConcurrency: 4,
      /** Prefix of the site's keys in Redis (one per site sharing a Redis). Env: NUXT_PAGE_CACHE_REDIS_PREFIX. */
      redisPrefix: 'chiudete:page-cache',
    },
    cmsCache: {
      /** Env: NUXT_CMS_CACHE_TTL_SECONDS (0: no data cache). */
      ttlSeconds: 600,
      /** Env: NUXT_CMS_CACHE_MAX_MEGABYTES (memory store only). */
      maxMegabytes: 32,
    },
    renderLimit: {
      /** Renders of uncached pages and searches per client and window. Env: NUXT_RENDER_LIMIT_POINTS (0: no limit). */
      points: 30,
      /** Env: NUXT_RENDER_LIMIT_WINDOW_SECONDS. */
      windowSeconds: 10,
    },
    public: {
      /**
       * Public origin of the CMS's media (uploads) URLs. The browser never calls the CMS's API:
       * the public forms go to this site, whose server relays them (server/utils/public-forms).
       * Env: NUXT_PUBLIC_CMS_URL.
       */
      cmsUrl: 'http://localhost:1337',
      /** Public origin of this site (canonical URLs, internal links). Env: NUXT_PUBLIC_SITE_URL. */
      siteUrl: 'http://localhost:3000',
      /**
       * When the CMS stores uploads on S3 (its S3_BUCKET): the base URL of the files as the CMS writes
       * them in media URLs, i.e. the CMS's S3_PUBLIC_URL, or <S3_ENDPOINT>/<S3_BUCKET> by default.
       * Those images are resized here like the CMS's own (/_ipx/…/s3/<file>, shared/utils/image.ts),
       * and the CSP allows its origin. Empty: uploads are on the CMS's disk. Env: NUXT_PUBLIC_S3_PUBLIC_URL.
       */
      s3PublicUrl: '',
    },
  },

  routeRules: {
    /*
     * Lean pages (issue #10). Every page is rendered on the server and sent
     * without Nuxt's scripts: `noScripts` (Nuxt 4.5's route rule, read per
     * request by the renderer of @nuxt/nitro-server) leaves out the client
     * entry and its import map, the payload (`__NUXT_DATA__` and the inline
     * `__NUXT__` config), and the modulepreload/prefetch hints; the HTML, its
     * inlined styles and the head (meta, JSON-LD, scripts added with useHead)
     * stay. Pages link to each other with ordinary links: every navigation is
     * a full page load, answered from the page cache. The few interactive
     * bits of content pages (copy link, book countdown, YouTube player, the
     * testimony filters) are progressive enhancements of the server's HTML
     * by one small script, added to a page by the components that need it
     * (app/enhance/, useEnhancement).
     * Hydrated with Vue: the pages with a form (the testimony form, its
     * confirmation and status pages, the contact form), whose frame stays
     * static (hydrate-never) and whose components link with plain `<a>`, so
     * their navigations are full page loads too; the forms hydrate when the
     * reader first uses them and load their client and schemas then
     * (composables/lazyForms.ts).
     */
    // (`ssr: true` is Nuxt's default, written out for nuxt-site-config 4.2, which reads a missing
    // `ssr` rule as «not rendered on the server» and adds its config as an inline script to every page.)
    '/**': { noScripts: true, ssr: true },
    '/contatti': { noScripts: false },
    // The submission pages handle a private access token (shown once, then in the
    // URL fragment): never leak their address to the CMS or anyone else, never index them
    // (shared/utils/private-routes.ts, also read by robots.txt and the page cache).
    ...READER_PAGE_RULES,
  },

  features: {
    // Component styles inlined in the HTML: no render-blocking stylesheet
    // requests before the first paint on a slow mobile network.
    inlineStyles: true,
  },

  experimental: {
    /*
     * Lean pages (issue #10): no client-side navigation (see routeRules), so
     * links prefetch nothing, the browser never needs the app manifest (route
     * rules and prerendered pages, fetched a second after hydration), and
     * the plugins that serve navigations (reload after a failed route chunk,
     * repaint before a navigation) have nothing to do.
     */
    defaults: { nuxtLink: { prefetch: false } },
    appManifest: false,
    emitRouteChunkError: false,
    navigationRepaint: false,
  },

  compatibilityDate: '2026-11-01',

  nitro: {
    // Static assets served pre-compressed (brotli, gzip); pages are compressed
    // per response by server/plugins/response-compression.ts.
    compressPublicAssets: { brotli: true, gzip: true },
  },
  typescript: { strict: true },
  telemetry: false,

  /**
   * Images of the CMS, resized and converted to WebP by IPX (sharp) in this
   * server: Strapi's own formats are four fixed sizes in the upload's format,
   * which the `strapi` provider can only pick by name, not as a real `srcset`.
   * The CMS's address is known only at run time (NUXT_STRAPI_URL), while
   * IPX's allowed hosts are fixed at build time: IPX may fetch any URL, but
   * only this server can call it (server/ipx/internal.ts); browsers ask for
   * `/_ipx/<modifiers>/uploads/<file>` or, with uploads on S3, `/_ipx/<modifiers>/s3/<file>`
   * (server/routes/_ipx, whose sources come from this runtime config only). See MediaImage.vue.
   */
  image: {
    provider: 'ipx',
    format: ['webp'],
    ipx: {
      // Upload names carry a hash: a changed image is a new URL.
      maxAge: 60 * 60 * 24 * 30,
      http: { allowAllDomains: true, maxAge: 60 * 60 * 24 * 30 },
    },
  },

  /**
   * /robots.txt: the sitemap, and what crawlers must not fetch: search results,
   * the private pages of a testimony, previews of drafts. (Not
   * /_ipx/: the images must stay crawlable.)
   */
  robots: {
    disallow: ROBOTS_DISALLOW,
    // The sitemap index (server/routes/sitemap.xml.ts), made absolute with the site's URL at run time.
    sitemap: ['/sitemap.xml'],
    // Bot detection would add a client plugin for nothing this site uses.
    botDetection: false,
  },

  /** JSON-LD graph of every page (WebSite, WebPage, Organization, plus each page's own nodes: useStructuredData). */
  schemaOrg: {
    defaults: true,
  },
});
