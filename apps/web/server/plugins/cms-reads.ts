import { siteServices } from '../utils/site-services';

/**
 * Gives each request the site's CMS reader (server/utils/cms/reader.ts):
 * the app's server-side client reads through it (app/composables/strapi.ts),
 * as do the feeds and the sitemap. A read that failed
 * marks the request as degraded, so the page cache keeps nothing built from it.
 */
export default defineNitroPlugin((nitroApp) => {
  const { cms } = siteServices();
  nitroApp.hooks.hook('request', (event) => {
    event.context.cms = {
      async read(path, options) {
        try {
          // The request's id goes with each read (X-Request-Id), so the CMS's log lines match the site's.
          const answer = await cms.read(path, { ...options, requestId: event.context.requestId });
          if (answer.degraded) event.context.cmsDegraded = true;
          return answer;
        } catch (error) {
          event.context.cmsDegraded = true;
          throw error;
        }
      },
    };
  });
});
