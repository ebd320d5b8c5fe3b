import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { root } from './stack';

/** The editor guide's images (docs/guida-redazione.md). */
export const GUIDE_IMAGES_DIR = path.join(root, 'docs/images/guida');

/**
 * Screenshots are taken only when asked for (`pnpm docs:screenshots` sets
 * E2E_SCREENSHOTS=1): an ordinary test run never writes into the git tree.
 */
export const guideScreenshotsEnabled = process.env.E2E_SCREENSHOTS === '1';

/** The size of every guide image: a common laptop screen. */
export const GUIDE_VIEWPORT = { width: 1280, height: 800 } as const;

/** Space kept above a `scrollTo` element. */
const SCROLL_MARGIN_PX = 96;

export interface GuideShotOptions {
  /** Scrolled to the top of the window first (with a small margin above). */
  scrollTo?: Locator;
  /** Circled in red in the image, to show the editor where to look. */
  highlight?: Locator[];
  /** Leave the focused element focused (e.g. an open drop-down list, which closes on blur). */
  keepFocus?: boolean;
}

/**
 * Saves the window as docs/images/guida/<name>.png (1280×800) when
 * E2E_SCREENSHOTS=1; does nothing otherwise.
 */
export async function guideScreenshot(page: Page, name: string, options: GuideShotOptions = {}): Promise<void> {
  if (!guideScreenshotsEnabled) return;
  if (options.scrollTo) {
    await options.scrollTo.evaluate((element, margin) => {
      element.scrollIntoView({ block: 'start' });
      // Then back a little, so that the field's label and what leads to it show too.
      let scroller = element.parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
        scroller = scroller.parentElement;
      }
      (scroller ?? document.scrollingElement ?? document.documentElement).scrollBy(0, -margin);
    }, SCROLL_MARGIN_PX);
  }
  // No focus ring or caret: the red frames alone show where to look.
  if (!options.keepFocus) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // The pointer to an empty corner: no tooltip of the last button clicked.
  await page.mouse.move(GUIDE_VIEWPORT.width - 1, GUIDE_VIEWPORT.height - 1);
  const highlighted = options.highlight ?? [];
  for (const locator of highlighted) {
    await locator.evaluate((element) => {
      // Drawn inside the element: containers that clip their overflow would hide a frame outside it.
      (element as HTMLElement).style.outline = '3px solid #d02b20';
      (element as HTMLElement).style.outlineOffset = '-3px';
    });
  }
  mkdirSync(GUIDE_IMAGES_DIR, { recursive: true });
  await page.screenshot({ path: path.join(GUIDE_IMAGES_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
  for (const locator of highlighted) {
    await locator.evaluate((element) => {
      (element as HTMLElement).style.outline = '';
      (element as HTMLElement).style.outlineOffset = '';
    });
  }
}
