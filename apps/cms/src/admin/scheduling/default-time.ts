/** The hour a date picked without a time starts at: the start of an editor's day. */
export const DEFAULT_HOUR = 9;
/** Times offered by the picker are this many minutes apart: any minute can be chosen. */
export const TIME_STEP_MINUTES = 1;

/**
 * Strapi's date-time picker gives a date picked on an empty field the time
 * 00:00, which for today is a moment already past (a scheduled publication
 * would then go out at once). A date picked without a time gets 09:00
 * instead, or, when that has passed too, the next quarter of an hour from
 * `now`. Times are the browser's local ones, like the picker's.
 */
export function withDefaultTime(picked: Date, now: Date): Date {
  const atNine = new Date(picked);
  atNine.setHours(DEFAULT_HOUR, 0, 0, 0);
  if (atNine.getTime() > now.getTime()) return atNine;
  const sameDay = atNine.toDateString() === now.toDateString();
  if (!sameDay) return atNine;
  const next = new Date(now);
  next.setSeconds(0, 0);
  next.setMinutes(Math.floor(next.getMinutes() / 15) * 15 + 15);
  return next;
}

/** Whether a value from the picker is a date picked without a time (the picker's 00:00). */
export const isDateOnly = (date: Date): boolean => date.getHours() === 0 && date.getMinutes() === 0;
