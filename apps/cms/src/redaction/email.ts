import { isPublicDomain } from './allowlist';
import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/**
 * E-mail addresses, including the common obfuscations "nome(at)dominio.it",
 * "nome[at]dominio.it" and "nome [chiocciola] dominio.it".
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*(?:@|\s?[([](?:at|chiocciola)[)\]]\s?)((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,})(?![\p{L}\p{N}_-])/giu;

export function detectEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(EMAIL, text)) {
    if (isPublicDomain(m[1] ?? '')) continue;
    found.push(candidate('email', text, m.index, m.index + m[0].length, PRIORITY.email));
  }
  return found;
}
