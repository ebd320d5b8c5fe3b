import type { Candidate, PersonalDataKind } from './types';

/** True when `ch` is a letter or a digit (any script). */
export function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function candidate(
  kind: PersonalDataKind,
  text: string,
  start: number,
  end: number,
  priority: number,
): Candidate {
  return { kind, start, end, match: text.slice(start, end), priority };
}

/** Counts the decimal digits in `value`. */
export function countDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

/** Iterates over every match of a global regular expression. */
export function* matchAll(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0].length === 0) re.lastIndex += 1;
  }
}
