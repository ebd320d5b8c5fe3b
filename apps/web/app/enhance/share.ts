import { PARTS } from './names';
import { part } from './parts';

/**
 * «Condividi» (ShareLinks.vue). Where the browser has a share sheet (Web
 * Share API: phones, mostly), one button opens it and the list of networks
 * goes; elsewhere, and without JavaScript, the list of plain links stays.
 * The page's title and address come from the server (`data-share-*`).
 */
const NAMES = PARTS.share;

export function enhanceShare(root: HTMLElement): void {
  if (typeof navigator.share !== 'function') return;
  const button = part(root, NAMES.button, HTMLButtonElement);
  const networks = part(root, NAMES.networks, HTMLElement);
  const url = root.dataset.shareUrl;
  const title = root.dataset.shareTitle;
  if (!url || !title) return;

  networks.hidden = true;
  button.hidden = false;
  button.addEventListener('click', () => {
    // A reader closing the sheet rejects the promise (AbortError): nothing to say.
    navigator.share({ title, url }).catch(() => {});
  });
}
