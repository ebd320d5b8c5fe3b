import { countdownTo, countdownUnits, daysUntilRelease, isReleased, releaseDaysText } from '../utils/countdown';
import { PARTS } from './names';
import { optionalPart, part, parts } from './parts';

/**
 * The book's release on /libro (BookCountdown.vue, BookBuyLinks.vue). The
 * server renders the countdown or the buy links as its own clock says, and
 * both when the book has buy links, one of them hidden. In the browser the
 * reader's clock decides: before the release the sentence of the days left
 * (what screen readers read) and a clock to the second (hidden from assistive
 * technology, so that nothing is announced every second) tick until midnight
 * in Italy; then the buy links take the countdown's place and the live region
 * says so once.
 */
export const RELEASED_MESSAGE = 'Il libro è uscito: qui sopra trovi dove acquistarlo.';

const NAMES = PARTS.countdown;

export function enhanceCountdown(root: HTMLElement): void {
  const releaseDate = root.dataset.release ?? '';
  const countdown = part(root, NAMES.countdown, HTMLElement);
  const days = part(root, NAMES.days, HTMLElement);
  const clock = part(root, NAMES.clock, HTMLElement);
  const status = part(root, NAMES.status, HTMLElement);
  // No buy links while the book has none: only the countdown then.
  const buyLinks = optionalPart(root, NAMES.buyLinks);
  const units = parts(root, NAMES.unit).map((unit) => ({
    value: part(unit, NAMES.value, HTMLElement),
    label: part(unit, NAMES.label, HTMLElement),
  }));
  let ticking = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** Shows the state at `now`; false once the book is out. */
  function render(now: number): boolean {
    const released = isReleased(releaseDate, now);
    countdown.hidden = released;
    if (buyLinks) buyLinks.hidden = !released;
    if (released) {
      clearInterval(timer);
      if (ticking) status.textContent = RELEASED_MESSAGE;
      ticking = false;
      return false;
    }
    days.textContent = releaseDaysText(daysUntilRelease(releaseDate, now));
    countdownUnits(countdownTo(releaseDate, now)).forEach((unit, index) => {
      const shown = units[index];
      if (!shown) return;
      shown.value.textContent = unit.value;
      shown.label.textContent = unit.label;
    });
    clock.hidden = false;
    return true;
  }

  if (render(Date.now())) {
    ticking = true;
    timer = setInterval(() => render(Date.now()), 1000);
  }
}
