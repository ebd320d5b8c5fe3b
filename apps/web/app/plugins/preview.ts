/**
 * Preview mode, for an editor coming from the CMS's «Anteprima»: the page of
 * the previewed document is rendered on the server with that document's
 * draft (useStrapi, shared/utils/preview-scope.ts) and marked noindex. Every
 * navigation is a full page load (the pages link with plain links: see the
 * route rules in nuxt.config.ts); other pages show what readers see.
 */
export default defineNuxtPlugin({
  name: 'preview',
  setup() {
    const preview = usePreview();
    if (import.meta.server) {
      const session = useRequestEvent()?.context.preview;
      preview.value = session ? { expiresAt: session.expiresAt } : null;
    }
    if (!preview.value) return;

    // Own key: not merged with (nor replaced by) a page's robots rule.
    useHead({ meta: [{ key: 'preview-robots', name: 'robots', content: 'noindex, nofollow' }] });
  },
});
