import { describe, expect, it } from 'vitest';
import { stem } from './analysis';
import { MATCH_START, MATCH_STOP, highlightAll, highlightExcerpt, segmentsFromHeadline, withoutMarkers } from './highlight';

const stems = (...words: string[]) => new Set(words.map(stem));
const marked = (segments: Array<{ text: string; match: boolean }>) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlighting as segments', () => {
  it('marks every form of the query\'s words in a title, accents kept', () => {
    expect(marked(highlightAll('Perché ogni operatore ti dice una cosa diversa', stems('perche', 'operatori')))).toBe('[Perché] ogni [operatore] ti dice una cosa diversa');
  });

  it('never produces HTML: markup in the text stays text', () => {
    const segments = highlightAll('<b>bolletta</b> & <script>', stems('bollette'));
    expect(segments).toEqual([{ text: '<b>', match: false }, { text: 'bolletta', match: true }, { text: '</b> & <script>', match: false }]);
  });

  it('cuts an excerpt around the densest cluster of matches, with ellipses', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `parola${i}`).join(' ');
    const text = `Inizio ${filler} la lettura del contatore del gas era stimata ${filler} fine`;
    const excerpt = highlightExcerpt(text, stems('contatore', 'gas'), 12);
    const shown = marked(excerpt);
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(shown).toContain('la lettura del [contatore] del [gas] era');
    expect(excerpt.map((s) => s.text).join('').split(' ').filter((w) => w !== '…').length).toBeLessThanOrEqual(12);
  });

  it('starts at the beginning, without ellipsis, when nothing matches or the text is short', () => {
    expect(marked(highlightExcerpt('Breve testo\n\nsu due righe', stems('contatore')))).toBe('Breve testo su due righe');
    expect(highlightExcerpt('', stems('x'))).toEqual([]);
  });

  it('reads ts_headline output and adds ellipses where it was cut', () => {
    const source = 'Primo pezzo. La bolletta del gas era alta. Ultimo pezzo.';
    const headline = `La ${MATCH_START}bolletta${MATCH_STOP} del ${MATCH_START}gas${MATCH_STOP} era alta.`;
    expect(marked(segmentsFromHeadline(headline, source))).toBe('… La [bolletta] del [gas] era alta. …');
    expect(marked(segmentsFromHeadline(`${MATCH_START}Titolo${MATCH_STOP} intero`))).toBe('[Titolo] intero');
    expect(withoutMarkers(`a${MATCH_START}b${MATCH_STOP}c`)).toBe('a b c');
  });
});
