import { previewSignalScript } from '@chiudete/types';

/**
 * The script a preview page loads to tell the admin's preview pane how the
 * preview went (@chiudete/types, preview-types.ts: the one definition of the
 * signal, which the admin reads too). Served from the site's origin: its CSP
 * allows no inline script. The same for everyone, cached like a static file.
 */
const script = previewSignalScript();

export default defineEventHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/javascript; charset=utf-8');
  setResponseHeader(event, 'cache-control', 'public, max-age=3600');
  return script;
});
