/**
 * Fallbacks for when the CMS cannot be reached (the error page must still
 * show the site's name and how to contact the editors). The CMS's site
 * settings (Global) are the source of truth everywhere else.
 */
export default defineAppConfig({
  site: {
    name: 'Chiudete i Call Center',
    contactEmail: 'redazione@chiudeteicallcenter.eu',
  },
});
