import { setPreviewHeaders } from '../utils/preview/session';

/**
 * The last word on the headers of preview responses: whatever a page or
 * module set (e.g. a robots rule), a preview is never cached nor indexed.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (event.context.preview) setPreviewHeaders(event);
  });
});
