import { PRIORITY, type Candidate } from './types';
import { candidate, countDigits, matchAll } from './text';

/**
 * Gas PDR (punto di riconsegna): 14 digits. After a "PDR" / "punto di
 * riconsegna" label the digits may be grouped with spaces; a bare run of
 * exactly 14 digits also counts (nothing else in a testimony looks like it).
 */
const LABELLED = /(?<![\p{L}\p{N}])(?:p\.?\s?d\.?\s?r\.?|punto\s+di\s+riconsegna)(?:\s*(?:del\s+gas|gas|n\.|n°|nr\.?|numero|codice|è|:))*\s*(\d(?:[ \u00A0.-]?\d){13})(?![\p{L}\p{N}]|[ \u00A0.-]\d)/giu;
const BARE = /(?<![\p{L}\p{N}])\d{14}(?![\p{L}\p{N}])/gu;

export function detectPdrs(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(LABELLED, text)) {
    const code = m[1] ?? '';
    if (countDigits(code) !== 14) continue;
    const start = m.index + m[0].length - code.length;
    found.push(candidate('pdr', text, start, start + code.length, PRIORITY.labelledPdr));
  }
  for (const m of matchAll(BARE, text)) {
    found.push(candidate('pdr', text, m.index, m.index + m[0].length, PRIORITY.barePdr));
  }
  return found;
}
