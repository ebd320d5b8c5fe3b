import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/**
 * Italian personal phone numbers: mobiles (3xx, 9–10 digits) and landlines
 * (0 + area code, 8–11 digits), with an optional +39 / 0039 / (+39) prefix and
 * groups separated by one space, dot, dash or slash.
 *
 * Numbers whose national part starts with another digit are deliberately not
 * matched: 800/803 toll-free, 199/892/848/840 shared-cost and premium lines,
 * 1xx public services (187, 119, 190, 192, 112, 113…) and 4xx network codes
 * are companies' or public numbers, not a person's, and readers need them.
 */
const PHONE = new RegExp(
  [
    // Not glued to a word, an e-mail, a +, or the tail of another number.
    String.raw`(?<![\p{L}\p{N}_+@])(?<!\d[ \u00A0.\-/,])`,
    String.raw`((?:\+|00)39[ \u00A0.\-]?|\(\+?39\)[ \u00A0]?)?`,
    // The first group may be followed by a spaced dash ("333 - 1234567"); the
    // others by one separator only, so that "06 1234567 - 333 1234567" stays two numbers.
    String.raw`((?:\(0\d{1,3}\)[ \u00A0]?|0\d{1,3}|3\d{2})(?:[ \u00A0][\-/][ \u00A0])?(?:[ \u00A0.\-/]?\d{1,8}){1,4})`,
    // The whole chain of digit groups, never a prefix of it.
    String.raw`(?![\p{L}\p{N}_]|[ \u00A0.\-/,]\d)`,
  ].join(''),
  'gu',
);

/** Labels after which a number is an invoice, order or VAT number. */
const NOT_A_PHONE_BEFORE = /(?:fattura|ordine|protocollo|p\.?\s?iva|partita\s+iva|matricola|c\.?\s?a\.?\s?p\.?)\s*(?:n\.|n°|nr\.?|num\.?|numero)?\s*[:#]?\s*$/iu;
/** Words after which a number is an amount or a quantity. */
const NOT_A_PHONE_AFTER = /^\s*(?:€|euro|eur\b|(?:di\s+)?lire\b|mila\b|milioni\b|%|kwh\b|smc\b|gb\b|mb\b)/iu;
/** "300.000.000": dots between groups of three digits are thousands separators. */
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/u;

function looksLikeDateOrTime(groups: string[]): boolean {
  if (groups.length >= 2 && groups.every((g) => g.length <= 2)) return true; // 09.00-13.00, 06.12.34.56
  const [a = '', b = '', c = ''] = groups;
  const day = Number(a);
  const month = Number(b);
  if (groups.length === 3 && a.length <= 2 && b.length <= 2 && day >= 1 && day <= 31 && month >= 1 && month <= 12
    && (c.length === 2 || c.length === 4)) {
    return true; // 01/03/2019
  }
  if (groups.length === 2 && a.length <= 2 && Number(a) >= 1 && Number(a) <= 12 && /^(?:19|20)\d\d$/.test(b)) {
    return true; // 03/2019
  }
  return false;
}

export function detectPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(PHONE, text)) {
    const prefix = m[1] ?? '';
    const national = m[2] ?? '';
    const groups = national.split(/[^\d]+/).filter((g) => g.length > 0);
    const digits = groups.join('');
    const isMobile = digits.startsWith('3');
    const valid = isMobile ? digits.length >= 9 && digits.length <= 10 : digits.length >= 8 && digits.length <= 11;
    if (!valid) continue;
    if (prefix === '' && (looksLikeDateOrTime(groups) || THOUSANDS.test(national))) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (NOT_A_PHONE_AFTER.test(text.slice(end, end + 12))) continue;
    found.push(candidate('phone', text, start, end, PRIORITY.phone));
  }
  return found;
}
