/**
 * Choosing related content: the closest matches first, then whatever fills
 * the remaining places, never the current item and never twice.
 */

export interface Identified {
  documentId: string;
}

/**
 * Up to `count` items taken from `groups` in order (the best group first),
 * skipping `excludeId` and items already taken.
 */
export function pickRelated<T extends Identified>(groups: ReadonlyArray<readonly T[]>, excludeId: string, count: number): T[] {
  const picked: T[] = [];
  const seen = new Set([excludeId]);
  for (const group of groups) {
    for (const item of group) {
      if (picked.length >= count) return picked;
      if (seen.has(item.documentId)) continue;
      seen.add(item.documentId);
      picked.push(item);
    }
  }
  return picked;
}

/** Sorts by `score`, highest first, keeping the given order (e.g. newest first) among equal scores; drops score 0. */
export function rankByScore<T>(items: readonly T[], score: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, score: score(item) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}

/** How many of `categories` (slugs) an article shares with the current one. */
export function sharedCategories(article: { categories: ReadonlyArray<{ slug: string }> }, categories: readonly string[]): number {
  return article.categories.filter((category) => categories.includes(category.slug)).length;
}

/** Related testimonies: same sector and role first, then same sector, then same role. */
export function testimonyAffinity(candidate: { sector: string; role: string }, current: { sector: string; role: string }): number {
  return (candidate.sector === current.sector ? 2 : 0) + (candidate.role === current.role ? 1 : 0);
}
