import type { Candidate, Finding } from './types';

/**
 * Keeps one finding per overlapping group: the longest wins, ties go to the
 * higher priority, then to the earlier start. The result is sorted by start.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Finding[] {
  const ranked = [...candidates].sort((a, b) =>
    (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end, match }) => ({ kind, start, end, match }));
}
