import { REDACTION_CORPUS, type CorpusExample } from './corpus';
import { detectPersonalData } from '../../src/redaction/index';
import type { PersonalDataKind } from '../../src/redaction/types';

export interface QualityFigures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface QualityReport {
  examples: number;
  perKind: Partial<Record<PersonalDataKind, QualityFigures>>;
  overall: QualityFigures;
}

function figures(tp: number, fp: number, fn: number): QualityFigures {
  // With nothing predicted (or nothing to find) there is no error to count.
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function key(kind: PersonalDataKind, start: number, end: number): string {
  return `${kind}:${start}:${end}`;
}

/** Locates the expected matches in the text, in order. */
function expectedSpans(example: CorpusExample): Array<{ kind: PersonalDataKind; start: number; end: number }> {
  let cursor = 0;
  return example.expected.map(({ kind, match }) => {
    const start = example.text.indexOf(match, cursor);
    if (start < 0) throw new Error(`Corpus error: "${match}" not found in order in "${example.text}"`);
    cursor = start + match.length;
    return { kind, start, end: cursor };
  });
}

/**
 * Precision and recall of `detectPersonalData` over a labelled corpus: a true
 * positive is a finding with exactly the expected kind and span.
 */
export function measureRedactionQuality(corpus: readonly CorpusExample[] = REDACTION_CORPUS): QualityReport {
  const counts = new Map<PersonalDataKind, { tp: number; fp: number; fn: number }>();
  const bump = (kind: PersonalDataKind, field: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    c[field] += 1;
    counts.set(kind, c);
  };
  for (const example of corpus) {
    const expected = new Set(expectedSpans(example).map((e) => key(e.kind, e.start, e.end)));
    const predicted = new Set<string>();
    for (const f of detectPersonalData(example.text)) {
      const k = key(f.kind, f.start, f.end);
      predicted.add(k);
      bump(f.kind, expected.has(k) ? 'tp' : 'fp');
    }
    for (const e of expectedSpans(example)) {
      if (!predicted.has(key(e.kind, e.start, e.end))) bump(e.kind, 'fn');
    }
  }
  const perKind: Partial<Record<PersonalDataKind, QualityFigures>> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [kind, c] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    perKind[kind] = figures(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { examples: corpus.length, perKind, overall: figures(tp, fp, fn) };
}

/** A plain-text table of the report, for the console. */
export function formatQualityReport(report: QualityReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (name: string, f: QualityFigures) =>
    `${name.padEnd(15)}${String(f.tp).padStart(5)}${String(f.fp).padStart(5)}${String(f.fn).padStart(5)}${pct(f.precision)}${pct(f.recall)}`;
  const lines = [
    `Redaction quality over ${report.examples} examples (exact kind and span)`,
    `${'kind'.padEnd(15)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'prec.'.padStart(7)}${'recall'.padStart(7)}`,
    ...Object.entries(report.perKind).map(([kind, f]) => row(kind, f)),
    row('overall', report.overall),
  ];
  return lines.join('\n');
}
