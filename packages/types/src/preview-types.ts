import { DRAFT_AND_PUBLISH_TYPES, type DraftAndPublishType } from './registry';

/**
 * The content types editors can preview on the site, as the preview token
 * names them (`@chiudete/types/preview`): the public types with draft &
 * publish (registry). Here, free of Node built-ins, so that the site's app
 * code may use the list too.
 */
export const PREVIEW_TYPES = DRAFT_AND_PUBLISH_TYPES;
export type PreviewType = DraftAndPublishType;

/**
 * What a framed preview page tells the admin's preview pane, with
 * `window.parent.postMessage({ type, stato, motivo })`: `pronta` when a page
 * of the preview loaded, `rifiutata` (with a reason) when the site refused
 * the preview's link. The site serves the script that posts it
 * (previewSignalScript), the admin listens for it.
 */
export const PREVIEW_FRAME_SIGNAL_TYPE = 'chiudete:anteprima';
export const PREVIEW_FRAME_STATES = ['pronta', 'rifiutata'] as const;
export type PreviewFrameState = (typeof PREVIEW_FRAME_STATES)[number];
/** Why the site refused a preview's link. */
export const PREVIEW_REFUSAL_REASONS = ['scaduta', 'non-valida', 'non-configurata'] as const;
export type PreviewRefusalReason = (typeof PREVIEW_REFUSAL_REASONS)[number];

/** Where the site serves the signal's script: a file of its own origin (its CSP allows no inline script). */
export const PREVIEW_SIGNAL_SCRIPT_PATH = '/anteprima-segnale.js';

/**
 * The signal's script. Its `<script>` tag says the state (`data-stato`) and
 * the reason (`data-motivo`). The message holds nothing secret: any parent
 * may read it. When the editor saves in the pane, Strapi posts
 * `strapiUpdate`: a page of the preview reloads (its address keeps the
 * token) and shows what was saved.
 */
export function previewSignalScript(): string {
  const type = JSON.stringify(PREVIEW_FRAME_SIGNAL_TYPE);
  const ready = JSON.stringify(PREVIEW_FRAME_STATES[0]);
  return `(function () {
  var script = document.currentScript;
  if (!script || window.parent === window) return;
  var stato = script.getAttribute('data-stato');
  window.parent.postMessage({ type: ${type}, stato: stato, motivo: script.getAttribute('data-motivo') || undefined }, '*');
  if (stato !== ${ready}) return;
  window.addEventListener('message', function (event) {
    if (event.source === window.parent && event.data && event.data.type === 'strapiUpdate') window.location.reload();
  });
})();
`;
}
