import type { Candidate, PersonalDataKind } from './types';
import { candidate, countDigits, matchAll } from './text';

/** "codice", "cod.", "numero", "num.", "n.", "n°", "nr.", "ID", "identificativo" */
const NUMBER_WORD = String.raw`(?:codice|cod\.?|numero|num\.?|n\.|n°|nr\.?|id|identificativo)`;
/** "del", "della", "di", "d'" between the number word and the noun. */
const OF = String.raw`(?:(?:del|della|dello|di)\s+|d['’]\s*)?`;
/** What may sit between the label and the code: "è", "era", "il", ":", "#", "n.". */
const CONNECTOR = String.raw`(?:\s*(?:(?:è|era|il|lo)(?![\p{L}])|n\.|n°|nr\.?|numero|[:#]))*\s*`;
/** A number marker after the noun: "contratto n. 123456", "pratica: 123456". */
const MARKER = String.raw`(?:n\.|n°|nr\.?|num\.|numero|[:#])`;
/**
 * The code: letters, digits, inner dashes, slashes and dots; digit groups may
 * be separated by single spaces ("1234 5678").
 */
const CODE = String.raw`([\p{L}\p{N}](?:[\p{L}\p{N}]|[\-/.](?=[\p{L}\p{N}])|(?<=\p{N})[ \u00A0](?=\p{N}{2}))*)`;

const DATE = /^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$/u;
const AMOUNT_AFTER = /^\s*(?:€|euro\b|eur\b|%)/iu;

/**
 * Builds the detector of the codes introduced by a number word and a noun
 * ("codice cliente 123456", "numero di pratica 123456") or by a noun and a
 * number marker ("contratto n. 123456").
 */
export function labelledCodeDetector(kind: PersonalDataKind, nouns: readonly string[], priority: number) {
  const noun = nouns.join('|');
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${NUMBER_WORD}\s*${OF}(?:${noun})|(?:${noun})(?=\s*${MARKER}))(?![\p{L}\p{N}])${CONNECTOR}${CODE}`,
    'giu',
  );
  return (text: string): Candidate[] => {
    const found: Candidate[] = [];
    for (const m of matchAll(pattern, text)) {
      const code = m[1] ?? '';
      // At least 4 digits: "ordine n. 345" or "pratica A12" are not identifying.
      if (countDigits(code) < 4 || code.length > 40 || DATE.test(code)) continue;
      const start = m.index + m[0].length - code.length;
      if (AMOUNT_AFTER.test(text.slice(start + code.length, start + code.length + 10))) continue;
      found.push(candidate(kind, text, start, start + code.length, priority));
    }
    return found;
  };
}
