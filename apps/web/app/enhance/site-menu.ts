import { PARTS } from './names';
import { part } from './parts';

/**
 * The header's menu (AppMenu.vue), a disclosure. Without JavaScript the
 * «Menu» link targets the panel (`#menu`), which CSS shows while it is the
 * URL's target, with a «Chiudi il menu» link. With it, a real button takes
 * the link's place: `aria-expanded` says whether the panel is open; Escape,
 * a click outside or focus leaving the menu close it; Escape gives focus
 * back to the button.
 */
const NAMES = PARTS['site-menu'];
const OPEN_CLASS = 'is-open';

export function enhanceSiteMenu(root: HTMLElement): void {
  const link = part(root, NAMES.link, HTMLAnchorElement);
  const button = part(root, NAMES.button, HTMLButtonElement);
  const panel = part(root, NAMES.panel, HTMLElement);
  const close = part(root, NAMES.close, HTMLElement);

  const isOpen = (): boolean => button.getAttribute('aria-expanded') === 'true';
  function setOpen(open: boolean): void {
    button.setAttribute('aria-expanded', String(open));
    panel.classList.toggle(OPEN_CLASS, open);
  }

  // The script owns the state from now on: the no-JavaScript parts go, the button comes.
  link.hidden = true;
  close.hidden = true;
  button.hidden = false;
  root.classList.add('is-enhanced');
  setOpen(false);

  button.addEventListener('click', () => {
    setOpen(!isOpen());
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    event.preventDefault();
    setOpen(false);
    button.focus();
  });
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (isOpen() && next instanceof Node && !root.contains(next)) setOpen(false);
  });
  document.addEventListener('click', (event) => {
    if (isOpen() && event.target instanceof Node && !root.contains(event.target)) setOpen(false);
  });
}
