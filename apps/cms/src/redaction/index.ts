import { detectCodiciFiscali } from './codice-fiscale';
import { detectContractCodes } from './contract-code';
import { detectCustomerCodes } from './customer-code';
import { detectEmails } from './email';
import { detectIbans } from './iban';
import { detectPdrs } from './pdr';
import { detectPersonNames } from './person-name';
import { detectPhones } from './phone';
import { detectPods } from './pod';
import { resolveOverlaps } from './resolve';
import { PLACEHOLDERS, type Detector, type Finding } from './types';
import { detectUrls } from './url';

export { PLACEHOLDERS, type Finding, type PersonalDataKind } from './types';
export { isValidCodiceFiscale, codiceFiscaleControlChar } from './codice-fiscale';
export { isValidIban } from './iban';

const DETECTORS: readonly Detector[] = [
  detectIbans,
  detectCodiciFiscali,
  detectPods,
  detectPdrs,
  detectCustomerCodes,
  detectContractCodes,
  detectEmails,
  detectUrls,
  detectPhones,
  detectPersonNames,
];

/**
 * Finds the personal data the moderation policy forbids publishing: phone
 * numbers, e-mail addresses, codice fiscale, IBAN, POD and PDR codes, customer
 * and contract codes, links, and names of persons introduced as operator or
 * "sig./sig.ra/dott.". Overlapping matches are merged (the longest wins).
 * Sorted by position; never overlapping.
 */
export function detectPersonalData(text: string): Finding[] {
  return resolveOverlaps(DETECTORS.flatMap((detect) => detect(text)));
}

/**
 * Replaces every finding with its Italian placeholder ("[telefono rimosso]",
 * "[nome rimosso]"…). Words that introduce a name stay: "l'operatrice [nome
 * rimosso]". Idempotent: the placeholders are never detected.
 */
export function redact(text: string): { redacted: string; findings: Finding[] } {
  const findings = detectPersonalData(text);
  let redacted = '';
  let cursor = 0;
  for (const f of findings) {
    redacted += text.slice(cursor, f.start) + PLACEHOLDERS[f.kind];
    cursor = f.end;
  }
  redacted += text.slice(cursor);
  return { redacted, findings };
}

export interface HighlightSegment {
  text: string;
  finding?: Finding;
}

/**
 * Splits `text` into plain and detected segments, in order, so the admin can
 * render the testimony with the personal data highlighted (no HTML). Findings
 * that overlap an earlier one or fall outside the text are ignored; the
 * segments always concatenate back to `text`.
 */
export function highlightFindings(text: string, findings: readonly Finding[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let cursor = 0;
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of ordered) {
    if (f.start < cursor || f.end > text.length || f.end <= f.start) continue;
    if (f.start > cursor) segments.push({ text: text.slice(cursor, f.start) });
    segments.push({ text: text.slice(f.start, f.end), finding: f });
    cursor = f.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
