// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
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
    compilerOptions: {
      // The ALTCHA proof-of-work widget is a web component (loaded in the browser only).
      isCustomElement: (tag) => tag === 'altcha-widget',
    },
  },

  runtimeConfig: {
    /** Where the server reaches the CMS (private network). Env: NUXT_STRAPI_URL. */
    strapiUrl: 'http://127.0.0.1:1337',
    /** Read-only API token of the site (server-only; the CMS limits anonymous reads). Env: NUXT_STRAPI_TOKEN. */
    strapiToken: '',
    public: {
      /**
       * Public origin of the CMS: media URLs, and the browser's direct calls to the
       * public forms (CORS allows this site's origin). Env: NUXT_PUBLIC_CMS_URL.
       */
      cmsUrl: 'http://localhost:1337',
      /** Public origin of this site (canonical URLs, internal links). Env: NUXT_PUBLIC_SITE_URL. */
      siteUrl: 'http://localhost:3000',
    },
  },

  routeRules: {
    // The submission pages handle a private access token (shown once, then in the
    // URL fragment): never leak their address to the CMS or anyone else, never index them.
    '/testimonianze/invia': { headers: { 'referrer-policy': 'no-referrer' } },
    '/testimonianze/inviata': { headers: { 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' } },
    '/testimonianze/stato': { headers: { 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' } },
  },
  compatibilityDate: '2026-11-01',
  typescript: { strict: true },
  telemetry: false,
});
