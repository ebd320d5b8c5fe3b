import { blocks, h2, ol, p, quote, ul, type Blocks } from '@chiudete/demo-content/blocks';
import {
  ARTICLE_CLOSINGS,
  ARTICLE_CONTEXT,
  ARTICLE_HEADINGS,
  ARTICLE_OPENINGS,
  ARTICLE_RIGHTS,
  ARTICLE_STEPS,
  ARTICLE_TITLES,
  ARTICLE_TOPICS,
} from './banks/articles';
import { capitalize, documentIdFor, fill, randomFor, slugify } from './random';
import { createdBefore, isoDay, randomPublication } from './timeline';

/** One generated article, with the attributes of api::article.article it sets (relations as indexes into the given lists). */
export interface GeneratedArticle {
  documentId: string;
  title: string;
  slug: string;
  excerpt: string;
  body: Blocks;
  publicationDate: string;
  createdAt: Date;
  publishedAt: Date;
  /** Index into the authors list. */
  author: number;
  /** Indexes into the categories list, in order. */
  categories: number[];
}

const EXCERPT_MAX = 300;

function excerptOf(text: string): string {
  if (text.length <= EXCERPT_MAX) return text;
  const cut = text.slice(0, EXCERPT_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/**
 * Article number `index` of `seed`: a practical guide on one of the site's
 * topics (the operator's claim, why it is said, what applies, what to do),
 * as Strapi blocks, signed by one of `authorCount` authors and filed under
 * one or two of `categoryCount` categories.
 */
export function generateArticle(seed: number, index: number, authorCount: number, categoryCount: number): GeneratedArticle {
  if (authorCount < 1 || categoryCount < 1) throw new Error('[seed:scale] Articles need at least one author and one category');
  const random = randomFor('article', seed, index);
  const subject = random.pick(ARTICLE_TOPICS);
  const publishedAt = randomPublication(random);
  const values = {
    topic: subject.topic,
    topicLower: subject.topic.charAt(0).toLocaleLowerCase('it') + subject.topic.slice(1),
    claim: subject.claim,
    Claim: capitalize(subject.claim),
    n: random.int(3, 7),
    year: publishedAt.getUTCFullYear(),
  };
  const title = fill(random.pick(ARTICLE_TITLES), values);
  const opening = fill(random.pick(ARTICLE_OPENINGS), values);
  const body = blocks(
    p(opening),
    h2(random.pick(ARTICLE_HEADINGS.context)),
    p(random.pick(ARTICLE_CONTEXT)),
    quote(`**La regola:** ${subject.rule}`),
    h2(random.pick(ARTICLE_HEADINGS.rights)),
    ul(...random.sample(ARTICLE_RIGHTS, random.int(3, 5))),
    h2(random.pick(ARTICLE_HEADINGS.steps)),
    ol(...ARTICLE_STEPS.slice(0, random.int(3, ARTICLE_STEPS.length))),
    p(`${random.pick(ARTICLE_CLOSINGS)} Potete [inviarci la vostra testimonianza](/testimonianze/invia) o leggere le [risposte precise](/risposte).`),
  );
  const categoryTotal = Math.min(categoryCount, random.int(1, 2));
  return {
    documentId: documentIdFor(seed, 'article', index),
    title,
    slug: `${slugify(title)}-${seed}-${index + 1}`,
    excerpt: excerptOf(`${opening} ${subject.rule}`),
    body,
    publicationDate: isoDay(publishedAt),
    createdAt: createdBefore(random, publishedAt),
    publishedAt,
    author: random.int(0, authorCount - 1),
    categories: random.sample(Array.from({ length: categoryCount }, (_, i) => i), categoryTotal),
  };
}
