import { describe, expect, it } from 'vitest';
import { DRAFT_AND_PUBLISH_TYPES, publicContentType } from '@chiudete/types';
import { ANSWERS, ARTICLES, BOOK, DEMO_DRAFT_ARTICLE_SLUG, DEMO_SLUGS, SEEDED_TYPES } from '../src/index';
import { isValidIsbn13 } from '../src/data/book';
import { demoTimeline } from '../src/timeline';

// The seed's own checks at boot (word counts, bodies, relations) run in the
// CMS's tests/seed.test.ts against a real Strapi; these are the data's.
describe('demo content data', () => {
  it('has unique slugs per type, and the draft article apart from the published ones', () => {
    for (const [type, slugs] of Object.entries(DEMO_SLUGS)) expect(new Set(slugs).size, type).toBe(slugs.length);
    expect(DEMO_SLUGS.articles).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
    expect(new Set(SEEDED_TYPES).size).toBe(SEEDED_TYPES.length);
  });

  it('links answers to demo articles only, and gives the book a valid ISBN-13', () => {
    const articles = new Set(ARTICLES.map((article) => article.slug));
    for (const answer of ANSWERS) for (const slug of answer.articles) expect(articles.has(slug), `${answer.slug} → ${slug}`).toBe(true);
    expect(isValidIsbn13(BOOK.isbn13)).toBe(true);
  });

  it('dates every published entry in 2019, in publication order', () => {
    const timeline = demoTimeline();
    // Entries of the draft & publish types are dated (DEMO_SLUGS is keyed by the client member the registry names).
    const published = new Set(DRAFT_AND_PUBLISH_TYPES.map((type) => publicContentType(type).client));
    const dated = Object.entries(DEMO_SLUGS).filter(([client]) => published.has(client)).reduce((sum, [, slugs]) => sum + slugs.length, 0);
    expect(timeline).toHaveLength(dated);
    for (const entry of timeline) expect(entry.at.getUTCFullYear(), entry.slug).toBe(2019);
    expect(timeline.map((entry) => entry.at.getTime())).toEqual(timeline.map((entry) => entry.at.getTime()).sort((a, b) => a - b));
  });
});
