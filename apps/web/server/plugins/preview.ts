import { setPreviewHeaders } from '../utils/preview/headers';

/**
 * The last word on the headers of preview responses: whatever a page or
 * module set (e.g. a robots rule), a response of a preview is never
 * cached nor indexed, and only the admin may frame it.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (event.context.framedByAdmin && !event.node.res.headersSent) setPreviewHeaders(event);
  });
});
