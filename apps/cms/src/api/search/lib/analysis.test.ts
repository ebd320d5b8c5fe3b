import { describe, expect, it } from 'vitest';
import { fold, stem, stemmedText, tokenize, vocabulary } from './analysis';
import { isStopword } from './stopwords';

describe('Italian text analysis', () => {
  it('folds case and accents', () => {
    expect(fold('Perché')).toBe('perche');
    expect(fold('CITTÀ')).toBe('citta');
    expect(fold('più')).toBe('piu');
  });

  it('splits words at apostrophes, hyphens and dots, keeping their positions', () => {
    const text = 'Dell\'operatore: e-mail, l\'assistenza… 24 mesi!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Dell', 'operatore', 'e', 'mail', 'l', 'assistenza', '24', 'mesi']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('stems plurals and feminine forms to one stem, with or without accents', () => {
    expect(stem(fold('raccomandate'))).toBe(stem(fold('raccomandata')));
    expect(stem(fold('polizze'))).toBe(stem(fold('polizza')));
    expect(stem(fold('bollette'))).toBe(stem(fold('bolletta')));
    expect(stem(fold('registrazioni'))).toBe(stem(fold('registrazione')));
    expect(stem(fold('Perché'))).toBe(stem('perche'));
    expect(stem(fold('città'))).toBe(stem('citta'));
  });

  it('writes the stems of a text separated by spaces', () => {
    expect(stemmedText('Le bollette del gas')).toBe('le bollett del gas');
  });

  it('uses the Snowball Italian stop words, compared with folded words as PostgreSQL does', () => {
    expect(isStopword('della')).toBe(true);
    expect(isStopword('non')).toBe(true);
    expect(isStopword('e')).toBe(true);
    // PostgreSQL unaccents before the stop list, whose "perché" has the accent.
    expect(isStopword(fold('perché'))).toBe(false);
    expect(isStopword('contratto')).toBe(false);
  });

  it('collects a vocabulary for typo correction: distinct words, no stop words, numbers or short words', () => {
    expect(vocabulary('Perché la città? Perché 24 mesi', 'di la il contatore')).toEqual([
      { word: 'perche', display: 'perché' },
      { word: 'citta', display: 'città' },
      { word: 'mesi', display: 'mesi' },
      { word: 'contatore', display: 'contatore' },
    ]);
  });
});
