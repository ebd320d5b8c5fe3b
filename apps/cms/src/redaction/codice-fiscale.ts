import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/**
 * Italian codice fiscale of a person: 6 letters (surname, name), 2 digits
 * (year), a month letter, 2 digits (day, +40 for women), a letter and 3 digits
 * (place of birth), the control character. In case of "omocodia" the digits may
 * be replaced by the letters L M N P Q R S T U V. Validated with the control
 * character; a 16-character string of that shape whose control character is
 * wrong is still reported when a "codice fiscale" / "C.F." label introduces it
 * (a typo does not make the rest of the code less personal).
 */
const D = '[0-9LMNPQRSTUV]';
const SHAPE = `[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]`;
const CF = new RegExp(String.raw`(?<![\p{L}\p{N}])(${SHAPE})(?![\p{L}\p{N}])`, 'giu');
const CF_EXACT = new RegExp(`^${SHAPE}$`, 'i');
const LABEL = /(?:codice\s+fiscale|cod\.\s*fisc\.?|c\.\s?f\.?|\bcf)\s*(?:è|:|n\.|n°)?\s*$/iu;

const ODD: Readonly<Record<string, number>> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function evenValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
}

/** The control character of the first 15 characters of a codice fiscale. */
export function codiceFiscaleControlChar(first15: string): string {
  const s = first15.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const ch = s.charAt(i);
    // Positions are counted from 1: odd positions are the even indexes.
    sum += i % 2 === 0 ? (ODD[ch] ?? 0) : evenValue(ch);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function isValidCodiceFiscale(code: string): boolean {
  const s = code.toUpperCase();
  return CF_EXACT.test(s) && codiceFiscaleControlChar(s.slice(0, 15)) === s.charAt(15);
}

export function detectCodiciFiscali(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(CF, text)) {
    const code = m[1] ?? '';
    // A fully omocodic code (all seven digits replaced) is vanishingly rare;
    // requiring one digit keeps long Italian words out.
    if (!/\d/.test(code)) continue;
    const labelled = LABEL.test(text.slice(Math.max(0, m.index - 25), m.index));
    if (!isValidCodiceFiscale(code) && !labelled) continue;
    found.push(candidate('codice_fiscale', text, m.index, m.index + code.length, PRIORITY.codice_fiscale));
  }
  return found;
}
