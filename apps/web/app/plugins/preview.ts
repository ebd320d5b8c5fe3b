/**
 * Preview mode, for an editor coming from the CMS's «Anteprima»: the page is
 * rendered with drafts on the server (useStrapi), marked noindex, and every
 * navigation is a full page load, so that each page is rendered on the
 * server with drafts too (client-side navigations read the public API).
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
    if (import.meta.client) {
      useRouter().beforeEach((to, from) => {
        if (from.matched.length === 0 || to.fullPath === from.fullPath) return;
        window.location.assign(to.fullPath);
        return false;
      });
    }
  },
});
