import { PREVIEW_FRAME_STATES, PREVIEW_SIGNAL_SCRIPT_PATH } from '@chiudete/types';

/**
 * Preview mode, for an editor coming from the CMS's «Anteprima» (the
 * address carries the preview's signed token: server/middleware/preview.ts).
 * The page of the previewed document is rendered on the server with that
 * document's draft (useStrapi, shared/utils/preview-scope.ts) and marked
 * noindex. Every page of a preview also tells the admin's preview pane that
 * it loaded (server/routes/anteprima-segnale.js.get.ts); in that pane, links open in a new
 * tab: the pages they lead to carry no token, and only previews may be framed.
 */
export default defineNuxtPlugin({
  name: 'preview',
  setup() {
    const preview = usePreview();
    const framed = useState<boolean>('preview-framed', () => false);
    if (import.meta.server) {
      const event = useRequestEvent();
      const session = event?.context.preview;
      preview.value = session ? { expiresAt: session.expiresAt } : null;
      framed.value = Boolean(event?.context.framedByAdmin);
      if (framed.value) {
        const base = useRuntimeConfig().app.baseURL.replace(/\/$/, '');
        useHead({ script: [{ 'key': 'preview-signal', 'src': `${base}${PREVIEW_SIGNAL_SCRIPT_PATH}`, 'data-stato': PREVIEW_FRAME_STATES[0] }] });
        // `sec-fetch-dest` is the browser's: only a hint for the links, never a permission.
        if (useRequestHeader('sec-fetch-dest') === 'iframe') useHead({ base: { target: '_blank' } });
      }
    }
    if (!preview.value && !framed.value) return;

    // Own key: not merged with (nor replaced by) a page's robots rule.
    useHead({ meta: [{ key: 'preview-robots', name: 'robots', content: 'noindex, nofollow' }, { key: 'preview-referrer', name: 'referrer', content: 'no-referrer' }] });
  },
});
