// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enhance } from './enhance';
import { COPIED_MESSAGE } from './copy-link';

/** The markup ShareCopyLink.vue renders (its own test checks the component against the script). */
function copyLinkMarkup(url: string): string {
  return `<div data-enhance="copy-link">
    <button type="button" data-part="copy-button" hidden>Copia link</button>
    <p role="status" data-part="copy-status"></p>
    <div data-part="copy-manual"><label for="f">Link da copiare</label><input id="f" readonly value="${url}" data-part="copy-field"></div>
  </div>`;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('enhance', () => {
  it('enhances every marked element of the page, once', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    document.body.innerHTML = copyLinkMarkup('https://example.org/a') + copyLinkMarkup('https://example.org/b');
    enhance(document);
    enhance(document);
    const buttons = [...document.querySelectorAll('button')];
    expect(buttons.map((button) => button.hidden)).toEqual([false, false]);
    buttons[1]!.click();
    await vi.waitFor(() => expect(document.querySelectorAll('[role="status"]')[1]!.textContent).toBe(COPIED_MESSAGE));
    // One listener per button, though `enhance` ran twice.
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith('https://example.org/b');
  });

  it('leaves the server\'s markup as it is where a part is missing, and enhances the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = `<div data-enhance="copy-link"><input readonly value="x" data-part="copy-field"></div>${copyLinkMarkup('https://example.org/ok')}<div data-enhance="something-else"></div>`;
    enhance(document);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![1])).toContain('copy-button');
    expect(document.querySelector('button')!.hidden).toBe(false);
    expect(document.querySelector('[data-enhance="something-else"]')!.hasAttribute('data-enhanced')).toBe(false);
  });
});
