/**
 * Where `since()` stands: the change time of the last entry yielded and its
 * `documentId` (the keyset), or only a time before the first entry.
 */
export interface SincePosition {
  /** ISO 8601, UTC (`2026-11-27T22:00:00.000Z`). */
  time: string;
  documentId?: string;
}

/** Between the time and the `documentId` of a stored cursor; found in neither. */
const SEPARATOR = '|';

/**
 * The string `since()` stores and takes back: `<ISO time>|<documentId>`, or
 * the ISO time alone before any entry was yielded.
 */
export function formatSinceCursor({ time, documentId }: SincePosition): string {
  return documentId === undefined ? time : `${time}${SEPARATOR}${documentId}`;
}

function isoTime(value: string | Date, given: string | Date): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) {
    throw new TypeError(`since: "${String(given)}" is not a date nor a cursor (pass a Date, an ISO 8601 string, or the iterator's stored cursor)`);
  }
  return new Date(time).toISOString();
}

/**
 * A `Date`, an ISO 8601 string (entries changed strictly after it), or a
 * cursor stored from `changes.cursor` (entries after that time and, at that
 * same time, after that `documentId`).
 */
export function parseSinceCursor(from: string | Date): SincePosition {
  if (from instanceof Date || !from.includes(SEPARATOR)) return { time: isoTime(from, from) };
  const at = from.indexOf(SEPARATOR);
  const documentId = from.slice(at + 1);
  if (!documentId || documentId.includes(SEPARATOR) || /\s/.test(documentId)) {
    throw new TypeError(`since: "${from}" is not a cursor (expected <ISO time>|<documentId>, as the iterator's cursor gives it)`);
  }
  return { time: isoTime(from.slice(0, at), from), documentId };
}
