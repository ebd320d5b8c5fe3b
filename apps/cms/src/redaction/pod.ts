import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/**
 * Electricity POD (punto di prelievo): "IT" + 3-digit distributor code + "E" +
 * 8 digits, sometimes followed by one more character, as printed on the bill;
 * customers also write it with spaces ("IT 001 E 12345678").
 */
const POD = /(?<![\p{L}\p{N}])IT[ \u00A0]?\d{3}[ \u00A0]?E[ \u00A0]?\d{8}[A-Z0-9]?(?![\p{L}\p{N}])/giu;

export function detectPods(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(POD, text)) {
    found.push(candidate('pod', text, m.index, m.index + m[0].length, PRIORITY.pod));
  }
  return found;
}
