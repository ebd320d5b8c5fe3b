import type { LoadResult } from './wrk.ts';

/** Markdown helpers of the benchmark report (docs/benchmarks.md). */
export const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const thousands = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface LoadRow {
  target: string;
  result: LoadResult;
  /** Requests per second of the reference at the same connections, for the ratio column. */
  reference?: number;
}

export function loadTable(rows: LoadRow[]): string {
  return table(
    ['target', 'connections', 'req/s', 'p50 (ms)', 'p99 (ms)', 'non-2xx/3xx', 'errors', 'ratio to nginx'],
    rows.map(({ target, result, reference }) => [
      target,
      result.connections,
      thousands(result.rps),
      fixed(result.p50Ms, 2),
      fixed(result.p99Ms, 2),
      result.non2xx,
      result.errors,
      reference ? fixed(result.rps / reference, 2) : '',
    ]),
  );
}
