import { describe, expect, it } from 'vitest';
import { REDACTION_CORPUS } from '../../scripts/redaction-evaluation/corpus';
import { detectPersonalData, highlightFindings, PLACEHOLDERS, redact, type PersonalDataKind } from './index';
import { isValidCodiceFiscale } from './codice-fiscale';
import { isValidIban } from './iban';
import { formatQualityReport, measureRedactionQuality } from '../../scripts/redaction-evaluation/quality';

const ALL_KINDS = Object.keys(PLACEHOLDERS) as PersonalDataKind[];
const positives = REDACTION_CORPUS.filter((e) => e.expected.length > 0);
const negatives = REDACTION_CORPUS.filter((e) => e.expected.length === 0);

describe('redaction corpus', () => {
  it('is large and varied enough', () => {
    expect(REDACTION_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(positives.length).toBeGreaterThanOrEqual(35);
    expect(negatives.length).toBeGreaterThanOrEqual(25);
    for (const kind of ALL_KINDS) {
      const count = REDACTION_CORPUS.flatMap((e) => e.expected).filter((x) => x.kind === kind).length;
      expect(count, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(REDACTION_CORPUS.map((e) => [e.text, e] as const))('finds exactly the expected data: %s', (_text, example) => {
    const findings = detectPersonalData(example.text);
    expect(findings.map(({ kind, match }) => ({ kind, match }))).toEqual(example.expected);
    for (const f of findings) expect(example.text.slice(f.start, f.end)).toBe(f.match);
  });

  it.each(REDACTION_CORPUS.map((e) => [e.text] as const))('redacts idempotently: %s', (text) => {
    const first = redact(text);
    const second = redact(first.redacted);
    expect(second.findings).toEqual([]);
    expect(second.redacted).toBe(first.redacted);
    for (const f of first.findings) {
      expect(first.redacted).toContain(PLACEHOLDERS[f.kind]);
      expect(first.redacted).not.toContain(f.match);
    }
    if (first.findings.length === 0) expect(first.redacted).toBe(text);
  });

  it('reports precision and recall', () => {
    const report = measureRedactionQuality();
    console.log(formatQualityReport(report));
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('redact', () => {
  it('uses the Italian placeholders and keeps the word that introduces a name', () => {
    const { redacted } = redact(
      'L\'operatrice Giulia mi ha chiamato dal 333 123 4567, poi ha scritto a mario.rossi@gmail.com. '
      + 'CF RSSMRA85T10A562S, IBAN IT60X0542811101000000123456, POD IT001E12345678, PDR 01234567890123, '
      + 'codice cliente 1234567, n. contratto 7654321, vedi https://esempio.it/x.',
    );
    expect(redacted).toBe(
      'L\'operatrice [nome rimosso] mi ha chiamato dal [telefono rimosso], poi ha scritto a [e-mail rimossa]. '
      + 'CF [codice fiscale rimosso], IBAN [IBAN rimosso], POD [codice POD rimosso], PDR [codice PDR rimosso], '
      + 'codice cliente [codice cliente rimosso], n. contratto [codice contratto rimosso], vedi [link rimosso].',
    );
  });

  it('merges overlapping findings: the longest wins, a label beats a bare shape', () => {
    // A URL that contains an e-mail address: one link.
    expect(detectPersonalData('https://esempio.it/?email=a.b@c.it').map((f) => f.kind)).toEqual(['url']);
    // A 10-digit customer code that also looks like a landline number.
    expect(detectPersonalData('codice cliente 0612345678').map((f) => f.kind)).toEqual(['customer_code']);
    // Parts of an IBAN look like a phone number.
    expect(detectPersonalData('IT60 X054 2811 1010 0000 0123 456').map((f) => f.kind)).toEqual(['iban']);
  });

  it('keeps the public service and toll-free numbers of companies', () => {
    for (const text of ['Chiamate l\'800 123 456', 'il numero verde 803.116', 'il 187', '+39 800 123456', 'il 119, il 190 e il 192']) {
      expect(detectPersonalData(text), text).toEqual([]);
    }
  });

  it('leaves a text without personal data untouched', () => {
    const text = 'La bolletta di marzo era di 29,99 euro.';
    expect(redact(text)).toEqual({ redacted: text, findings: [] });
  });
});

describe('check characters', () => {
  it('validates the codice fiscale control character, omocodia included', () => {
    expect(isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRA85T10A56NH')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    // Right shape, wrong control character, no label: not reported.
    expect(detectPersonalData('RSSMRA85T10A562T')).toEqual([]);
  });

  it('validates IBANs with mod-97', () => {
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
    expect(detectPersonalData('conto IT61X0542811101000000123456')).toEqual([]);
    // A label keeps a mistyped IBAN personal.
    expect(detectPersonalData('IBAN IT61X0542811101000000123456').map((f) => f.kind)).toEqual(['iban']);
  });
});

describe('highlightFindings', () => {
  it('splits the text into plain and highlighted segments that rebuild it', () => {
    const text = 'Il sig. Mario Rossi mi chiamava dal 333 1234567 ogni sera.';
    const findings = detectPersonalData(text);
    const segments = highlightFindings(text, findings);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'Il sig. ' },
      { text: 'Mario Rossi', finding: findings[0] },
      { text: ' mi chiamava dal ' },
      { text: '333 1234567', finding: findings[1] },
      { text: ' ogni sera.' },
    ]);
  });

  it('ignores overlapping or out-of-range findings and handles empty input', () => {
    const text = 'abc 333 1234567';
    const [f] = detectPersonalData(text);
    expect(f).toBeDefined();
    if (f === undefined) return;
    const segments = highlightFindings(text, [f, { ...f, start: f.start + 1 }, { ...f, start: 90, end: 99 }]);
    expect(segments).toEqual([{ text: 'abc ' }, { text: '333 1234567', finding: f }]);
    expect(highlightFindings('', [])).toEqual([]);
    expect(highlightFindings('testo', [])).toEqual([{ text: 'testo' }]);
  });
});
