import type { SearchSegment } from '@chiudete/types';
import { stem, tokenize } from './analysis';

/**
 * Highlights as data, never as HTML: a text becomes segments
 * `{ text, match }` that the site renders as text nodes and `<mark>`, so no
 * markup from the content or the query can ever reach a page.
 */

/** Words of an excerpt (about two lines on a phone). */
export const EXCERPT_WORDS = 32;
/** Words of context kept before the first match of an excerpt. */
const LEAD_WORDS = 4;
const ELLIPSIS = '…';

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/** Appends a segment, merging it with the previous one when both are (or are not) matches. */
function push(segments: SearchSegment[], text: string, match: boolean): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.match === match) last.text += text;
  else segments.push({ text, match });
}

/** Collapses whitespace and trims the ends of a segment list. */
function tidy(segments: SearchSegment[]): SearchSegment[] {
  const out: SearchSegment[] = [];
  for (const segment of segments) push(out, collapse(segment.text), segment.match);
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((segment) => segment.text !== '');
}

/** Which tokens of `text` belong to the query (their stem is one of `stems`). */
function matchedTokens(text: string, stems: ReadonlySet<string>) {
  return tokenize(text).map((token) => {
    const tokenStem = stem(token.folded);
    return { ...token, stem: tokenStem, match: stems.has(tokenStem) };
  });
}

/** The whole text with the query's words marked (titles). */
export function highlightAll(text: string, stems: ReadonlySet<string>): SearchSegment[] {
  const segments: SearchSegment[] = [];
  let last = 0;
  for (const token of matchedTokens(text, stems)) {
    if (!token.match) continue;
    push(segments, text.slice(last, token.start), false);
    push(segments, token.text, true);
    last = token.end;
  }
  push(segments, text.slice(last), false);
  return tidy(segments);
}

/**
 * About `words` words of `text` around the densest cluster of the query's
 * words (the window with the most distinct matched stems, then the most
 * matches, the earliest on a tie), with the matches marked and an ellipsis
 * where the text was cut; the beginning of the text when nothing matches.
 */
export function highlightExcerpt(text: string, stems: ReadonlySet<string>, words = EXCERPT_WORDS): SearchSegment[] {
  const tokens = matchedTokens(text, stems);
  if (tokens.length === 0) return tidy([{ text, match: false }]);

  let from = 0;
  let best = { distinct: 0, count: 0 };
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.match) continue;
    const start = Math.max(0, i - LEAD_WORDS);
    const window = tokens.slice(start, start + words).filter((token) => token.match);
    const score = { distinct: new Set(window.map((token) => token.stem)).size, count: window.length };
    if (score.distinct > best.distinct || (score.distinct === best.distinct && score.count > best.count)) {
      best = score;
      from = start;
    }
  }
  const to = Math.min(tokens.length, from + words);

  const segments: SearchSegment[] = [];
  if (from > 0) push(segments, `${ELLIPSIS} `, false);
  let last = from > 0 ? tokens[from]!.start : 0;
  for (const token of tokens.slice(from, to)) {
    if (!token.match) continue;
    push(segments, text.slice(last, token.start), false);
    push(segments, token.text, true);
    last = token.end;
  }
  if (to < tokens.length) {
    push(segments, text.slice(last, tokens[to - 1]!.end), false);
    push(segments, ` ${ELLIPSIS}`, false);
  } else {
    push(segments, text.slice(last), false);
  }
  return tidy(segments);
}

/** Markers PostgreSQL's `ts_headline` puts around matches (control characters: never in indexed text). */
export const MATCH_START = '\u0001';
export const MATCH_STOP = '\u0002';

/** Removes the two marker characters from text to be indexed (they must only ever come from `ts_headline`). */
export const withoutMarkers = (text: string): string => text.split(MATCH_START).join(' ').split(MATCH_STOP).join(' ');

/**
 * Segments from a `ts_headline` output; `source` (the text the headline was
 * cut from) tells whether to add an ellipsis at either end.
 */
export function segmentsFromHeadline(headline: string, source?: string): SearchSegment[] {
  const segments: SearchSegment[] = [];
  for (const [i, part] of headline.split(MATCH_START).entries()) {
    if (i === 0) {
      push(segments, part, false);
      continue;
    }
    const stop = part.indexOf(MATCH_STOP);
    if (stop === -1) {
      push(segments, part, false);
      continue;
    }
    push(segments, part.slice(0, stop), true);
    push(segments, part.slice(stop + 1), false);
  }
  const tidied = tidy(segments);
  if (source === undefined || tidied.length === 0) return tidied;

  const plain = tidied.map((segment) => segment.text).join('');
  const whole = collapse(source).trim();
  const at = whole.indexOf(plain);
  const cutBefore = at > 0;
  const cutAfter = at === -1 ? plain.length < whole.length : at + plain.length < whole.length;
  const result: SearchSegment[] = [];
  if (cutBefore) push(result, `${ELLIPSIS} `, false);
  for (const segment of tidied) push(result, segment.text, segment.match);
  if (cutAfter) push(result, ` ${ELLIPSIS}`, false);
  return result;
}
