import { NEWSLETTER_TESTIMONIES_INTEREST } from '@chiudete/types';

/**
 * Who receives an issue: the confirmed subscribers whose interests meet the
 * issue's topics. A subscriber without interests wants everything; an issue
 * whose topics are empty goes to everyone. The topics are the redazione's
 * `audienceInterests` when given, otherwise derived from the content: the
 * categories of its articles, and `testimonianze` when it carries testimonies.
 */

export interface IssueForAudience {
  audienceInterests?: unknown;
  articles?: ReadonlyArray<{ categories?: ReadonlyArray<{ slug?: string | null }> | null }> | null;
  testimonies?: readonly unknown[] | null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];

/** The issue's topics; an empty list means «everyone». */
export function issueTopics(issue: IssueForAudience): string[] {
  const explicit = strings(issue.audienceInterests);
  if (explicit.length > 0) return [...new Set(explicit)];
  const topics = new Set<string>();
  for (const article of issue.articles ?? []) {
    for (const category of article.categories ?? []) if (category.slug) topics.add(category.slug);
  }
  if ((issue.testimonies ?? []).length > 0) topics.add(NEWSLETTER_TESTIMONIES_INTEREST);
  return [...topics];
}

/** Whether a subscriber with these interests receives an issue of these topics. */
export function wantsIssue(subscriberInterests: unknown, topics: readonly string[]): boolean {
  const interests = strings(subscriberInterests);
  if (interests.length === 0 || topics.length === 0) return true;
  return interests.some((interest) => topics.includes(interest));
}
