import { isPublicDomain } from './allowlist';
import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/** http(s) links and "www." links. Bare domains ("amazon.it") are brand names and stay. */
const URL_START = /(?<![\p{L}\p{N}@.])(?:https?:\/\/|www\.)[^\s<>"«»]+/giu;
const TRAILING = /^[.,;:!?'"’)\]]$/u;

function count(value: string, ch: string): number {
  return value.split(ch).length - 1;
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, '').split(/[/?#:]/)[0] ?? '';
}

/** Strips sentence punctuation, but keeps a closing parenthesis the link opened. */
function trimTrailing(url: string): string {
  const opened = count(url, '(');
  let closed = count(url, ')');
  let end = url.length;
  while (end > 0 && TRAILING.test(url.charAt(end - 1))) {
    if (url.charAt(end - 1) === ')') {
      if (opened >= closed) break;
      closed -= 1;
    }
    end -= 1;
  }
  return url.slice(0, end);
}

export function detectUrls(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(URL_START, text)) {
    const value = trimTrailing(m[0]);
    const host = hostOf(value).replace(/^www\./i, '');
    // A host needs a dot and a letter: "www." alone or "http://1.2" are not links.
    if (!/\p{L}/u.test(host) || !/[^.]\.[^.]/u.test(host) || isPublicDomain(host)) continue;
    found.push(candidate('url', text, m.index, m.index + value.length, PRIORITY.url));
  }
  return found;
}
