import { PRIORITY, type Candidate } from './types';
import { candidate, countDigits, isAlnum, matchAll } from './text';

/** IBAN lengths of the SEPA countries (EU, EEA, CH, GB, and Italy's neighbours San Marino and Vatican City). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26,
  IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

const START = /(?<![\p{L}\p{N}])([A-Z]{2})[ \u00A0]?(\d{2})/giu;
/** One space (or a dash) may separate the characters, as in "IT60 X054 2811 …". */
const SEPARATOR = /^[ \u00A0\u202F-]$/u;
const LABEL = /\biban\s*(?:è|:|n\.|n°)?\s*$/iu;

/** ISO 13616 mod-97 check of a compact IBAN. */
export function isValidIban(compact: string): boolean {
  const s = compact.toUpperCase();
  const length = IBAN_LENGTHS[s.slice(0, 2)];
  if (length === undefined || s.length !== length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Reads `length` alphanumerics from `start`, allowing single separators between them. */
function readCompact(text: string, start: number, length: number): { compact: string; end: number } | null {
  let compact = '';
  let i = start;
  while (compact.length < length && i < text.length) {
    const ch = text.charAt(i);
    if (/[A-Za-z0-9]/.test(ch)) {
      compact += ch;
      i += 1;
    } else if (SEPARATOR.test(ch) && compact.length > 0 && /[A-Za-z0-9]/.test(text.charAt(i + 1))) {
      i += 1;
    } else {
      break;
    }
  }
  if (compact.length !== length || isAlnum(text.charAt(i))) return null;
  return { compact, end: i };
}

/**
 * IBANs of the SEPA countries, compact or grouped, validated with mod-97. A
 * string of the right length that fails the check is still reported when the
 * word "IBAN" introduces it: a typo does not make it less personal.
 */
export function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(START, text)) {
    const length = IBAN_LENGTHS[(m[1] ?? '').toUpperCase()];
    if (length === undefined) continue;
    const read = readCompact(text, m.index, length);
    // Mostly digits: a run of words read across single spaces is not an IBAN.
    if (read === null || countDigits(read.compact) * 2 < read.compact.length) continue;
    const labelled = LABEL.test(text.slice(Math.max(0, m.index - 15), m.index));
    if (!isValidIban(read.compact) && !labelled) continue;
    found.push(candidate('iban', text, m.index, read.end, PRIORITY.iban));
  }
  return found;
}
