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

  runtimeConfig: {
    /** Where the server reaches the CMS (private network). Env: NUXT_STRAPI_URL. */
    strapiUrl: 'http://127.0.0.1:1337',
    public: {
      /** Public origin of the CMS, only to build media URLs for the browser. Env: NUXT_PUBLIC_CMS_URL. */
      cmsUrl: 'http://localhost:1337',
      /** Public origin of this site (canonical URLs, internal links). Env: NUXT_PUBLIC_SITE_URL. */
      siteUrl: 'http://localhost:3000',
    },
  },
  compatibilityDate: '2026-11-01',
  typescript: { strict: true },
  telemetry: false,
});
