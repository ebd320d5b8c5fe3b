import type { Core, UID } from '@strapi/strapi';
import type { SearchType } from '@chiudete/types';
import { ANSWERS } from './data/answers';
import { ARTICLES } from './data/articles';
import { BOOK, BOOK_TYPE } from './data/book';
import { TESTIMONIES } from './data/testimonies';
import { VIDEOS } from './data/videos';

/**
 * The demo content's real timeline (issue #16, item 8). Strapi stamps every
 * entry with the moment it was created and published: seeded in one go,
 * stories of 2019 would all say «pubblicata il» the day of the seeding. The
 * facts (/work/shared/CONTENT.md): the site and the book launched on
 * 2019-07-05, the book came out on 2019-07-20, the articles carry their
 * publication dates; testimonies arrived from the launch on and were
 * published a few days after they were received; each video went up a few
 * days after it was recorded. Each seeded entry gets that moment as its
 * creation, update and publication time (the draft article keeps today's).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Mid-morning in Italy (08:30 UTC), `days` after a calendar day. */
export function demoMoment(day: string, days = 0): Date {
  return new Date(Date.parse(`${day}T08:30:00.000Z`) + days * DAY_MS);
}

/** When the redazione published each demo answer: from the launch, as the articles they explain came out. */
const ANSWER_DATES: Record<string, string> = {
  'posso-disdire-prima-dei-24-mesi': '2019-07-05',
  'contratto-luce-concluso-al-telefono': '2019-07-16',
  'disdetta-serve-la-raccomandata': '2019-08-13',
  'prodotto-in-offerta-si-puo-restituire': '2019-10-01',
  'telemarketing-posso-oppormi': '2019-11-19',
};

/** Days between a testimony's receipt and its publication (moderation), and between a recording and its upload. */
const MODERATION_DAYS = 4;
const VIDEO_EDITING_DAYS = 5;

interface TimelineEntry {
  uid: UID.ContentType;
  slug: string;
  at: Date;
}

/** Every seeded entry with its moment, in publication order. */
export function demoTimeline(): TimelineEntry[] {
  const answerDate = (slug: string): string => {
    const day = ANSWER_DATES[slug];
    if (!day) throw new Error(`[seed] No publication date for the demo answer "${slug}" (packages/demo-content/src/timeline.ts)`);
    return day;
  };
  const entries: TimelineEntry[] = [
    { uid: BOOK_TYPE, slug: BOOK.slug, at: demoMoment('2019-07-05') },
    ...ARTICLES.map((article) => ({ uid: 'api::article.article' as const, slug: article.slug, at: demoMoment(article.publicationDate) })),
    ...ANSWERS.map((answer) => ({ uid: 'api::answer.answer' as const, slug: answer.slug, at: demoMoment(answerDate(answer.slug)) })),
    ...TESTIMONIES.map((testimony) => ({ uid: 'api::testimony.testimony' as const, slug: testimony.slug, at: demoMoment(testimony.receivedDate, MODERATION_DAYS) })),
    ...VIDEOS.map((video) => ({ uid: 'api::video.video' as const, slug: video.slug, at: demoMoment(video.recordedOn, VIDEO_EDITING_DAYS) })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The searchable types among the seeded ones (their index entries carry the dates). */
export const SEARCHABLE_SEEDED: Partial<Record<UID.ContentType, SearchType>> = {
  'api::article.article': 'article',
  'api::answer.answer': 'answer',
  'api::testimony.testimony': 'testimony',
};

/**
 * Stamps the seeded entries (draft and published rows) with their moment;
 * returns the documents whose search entries must be brought in line.
 */
export async function applyDemoTimeline(strapi: Core.Strapi): Promise<Array<{ type: SearchType; documentId: string }>> {
  const searchable: Array<{ type: SearchType; documentId: string }> = [];
  for (const { uid, slug, at } of demoTimeline()) {
    const query = strapi.db.query(uid);
    await query.updateMany({ where: { slug }, data: { createdAt: at, updatedAt: at } });
    await query.updateMany({ where: { slug, publishedAt: { $notNull: true } }, data: { publishedAt: at } });
    const type = SEARCHABLE_SEEDED[uid];
    if (type) {
      const row = (await query.findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null;
      if (row) searchable.push({ type, documentId: row.documentId });
    }
  }
  return searchable;
}
