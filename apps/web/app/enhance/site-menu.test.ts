// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enhance } from './enhance';

/** The markup AppMenu.vue renders, with a link after the menu to move the focus to. */
const MENU = `<header><div data-enhance="site-menu">
  <a href="#menu-sezioni" data-part="menu-link">Menu</a>
  <button type="button" aria-expanded="false" aria-controls="menu-sezioni" data-part="menu-button" hidden>Menu</button>
  <nav id="menu-sezioni" data-part="menu-panel"><a href="/articoli">Articoli</a>
    <p data-part="menu-close"><a href="#">Chiudi il menu</a></p></nav>
</div></header><a id="after" href="/altro">Altro</a>`;

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('site menu', () => {
  const parts = () => ({
    link: document.querySelector<HTMLAnchorElement>('[data-part="menu-link"]')!,
    button: document.querySelector<HTMLButtonElement>('[data-part="menu-button"]')!,
    panel: document.querySelector<HTMLElement>('#menu-sezioni')!,
    close: document.querySelector<HTMLElement>('[data-part="menu-close"]')!,
  });

  it('swaps the no-JavaScript link for a button that opens and closes the panel', () => {
    document.body.innerHTML = MENU;
    enhance(document);
    const { link, button, panel, close } = parts();
    expect([link.hidden, close.hidden, button.hidden]).toEqual([true, true, false]);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.classList.contains('is-open')).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.classList.contains('is-open')).toBe(false);
  });

  it('closes on Escape and gives the focus back to the button; closes on a click outside', () => {
    document.body.innerHTML = MENU;
    enhance(document);
    const { button, panel } = parts();
    button.click();
    panel.querySelector('a')!.focus();
    panel.querySelector('a')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    button.click();
    document.querySelector<HTMLElement>('#after')!.click();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('share', () => {
  const SHARE = `<section data-enhance="share" data-share-url="https://example.org/articoli/a" data-share-title="Un titolo">
    <button type="button" data-part="share-button" hidden>Condividi…</button>
    <ul data-part="share-networks"><li><a href="https://wa.me/">WhatsApp</a></li></ul></section>`;

  it('keeps the links where the browser has no share sheet', () => {
    vi.stubGlobal('navigator', { ...navigator, share: undefined });
    document.body.innerHTML = SHARE;
    enhance(document);
    expect(document.querySelector<HTMLButtonElement>('button')!.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('ul')!.hidden).toBe(false);
  });

  it('opens the share sheet with the page\'s title and address, in the links\' place', async () => {
    const share = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, share });
    document.body.innerHTML = SHARE;
    enhance(document);
    const button = document.querySelector<HTMLButtonElement>('button')!;
    expect(button.hidden).toBe(false);
    expect(document.querySelector<HTMLElement>('ul')!.hidden).toBe(true);
    button.click();
    expect(share).toHaveBeenCalledWith({ title: 'Un titolo', url: 'https://example.org/articoli/a' });
  });
});
