import { PARTS } from './names';
import { part } from './parts';

/**
 * «Copia link» (ShareCopyLink.vue). Without JavaScript the reader sees the
 * page's link in a read-only field, to copy by hand. With it, the field gives
 * way to a button that copies with the Clipboard API where the browser allows
 * it, the old `execCommand('copy')` otherwise, and as a last resort shows the
 * field again with the link selected. One short message in the polite live
 * region tells how it went (nothing is announced until the reader acts).
 */
export const COPIED_MESSAGE = 'Il link è stato copiato: ora puoi incollarlo dove vuoi.';
export const MANUAL_MESSAGE = 'Il browser non ci permette di copiarlo da soli: il link è selezionato qui sotto, copialo tu.';
/** How long the «copied» message stays. */
const MESSAGE_MS = 5000;

const NAMES = PARTS['copy-link'];

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): try the old way.
  }
  return copyWithSelection(text);
}

export function enhanceCopyLink(root: HTMLElement): void {
  const button = part(root, NAMES.button, HTMLButtonElement);
  const status = part(root, NAMES.status, HTMLElement);
  const manual = part(root, NAMES.manual, HTMLElement);
  const field = part(root, NAMES.field, HTMLInputElement);
  // The link to copy is the one the server wrote in the field: one source.
  const url = field.value;
  let reset: ReturnType<typeof setTimeout> | undefined;

  manual.hidden = true;
  button.hidden = false;

  button.addEventListener('click', () => {
    clearTimeout(reset);
    void copyText(url).then((copied) => {
      if (copied) {
        manual.hidden = true;
        status.textContent = COPIED_MESSAGE;
        reset = setTimeout(() => {
          status.textContent = '';
        }, MESSAGE_MS);
        return;
      }
      status.textContent = MANUAL_MESSAGE;
      manual.hidden = false;
      field.focus();
      field.select();
    });
  });
}
