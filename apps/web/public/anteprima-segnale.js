// Tells the Strapi admin's preview pane, when this page is framed there, how
// the preview went: `pronta` (the page of a preview) or `rifiutata` (the
// refusal page, with its reason). The admin waits for this signal and, when
// it does not come (the site refused to be framed, or did not answer) or
// says `rifiutata`, shows an Italian message with «Apri in una nuova scheda»
// (apps/cms/src/admin/preview/frame-signal.ts: keep both in step). The
// message holds nothing secret: any parent may read it. When the editor
// saves in the pane, Strapi posts `strapiUpdate`: the page reloads (its
// address keeps the preview's token) and shows what was saved.
(function () {
  var script = document.currentScript;
  if (!script || window.parent === window) return;
  window.parent.postMessage({
    type: 'chiudete:anteprima',
    stato: script.getAttribute('data-stato'),
    motivo: script.getAttribute('data-motivo') || undefined,
  }, '*');
  if (script.getAttribute('data-stato') !== 'pronta') return;
  window.addEventListener('message', function (event) {
    if (event.source === window.parent && event.data && event.data.type === 'strapiUpdate') window.location.reload();
  });
})();
