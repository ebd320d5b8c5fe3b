import type { Core, UID } from '@strapi/strapi';
import { plainText } from './blocks';
import { ANSWERS } from './data/answers';
import { ARTICLES, DRAFT_ARTICLE } from './data/articles';
import { BOOK } from './data/book';
import { AUTHORS, CATEGORIES, GLOBAL } from './data/site';
import { TESTIMONIES } from './data/testimonies';
import type { ArticleSeed, SeoSeed } from './data/types';
import { VIDEOS } from './data/videos';
import { isDevelopmentMode } from '../utils/development-mode';
import { syncSearchEntry } from '../api/search/lib';
import { applyDemoTimeline } from './timeline';
import {
  PALETTES,
  articleCoverSvg,
  avatarSvg,
  bookCoverSvg,
  createImages,
  removeImages,
  siteShareSvg,
  videoPosterSvg,
  type ImageSpec,
  type UploadedImage,
} from './images';

/** Slug of the one demo article left as an unpublished draft. */
export const DEMO_DRAFT_ARTICLE_SLUG = DRAFT_ARTICLE.slug;

/** Slugs of the published demo entries, per type (the draft article excluded). */
export const DEMO_SLUGS = {
  articles: ARTICLES.map((a) => a.slug),
  authors: AUTHORS.map((a) => a.slug),
  categories: CATEGORIES.map((c) => c.slug),
  books: [BOOK.slug],
  testimonies: TESTIMONIES.map((t) => t.slug),
  answers: ANSWERS.map((a) => a.slug),
  videos: VIDEOS.map((v) => v.slug),
} as const;

/** Every content type the seed writes to; content in any of them means "not an empty database". */
export const SEEDED_TYPES = [
  'api::global.global',
  'api::author.author',
  'api::category.category',
  'api::book-release.book-release',
  'api::article.article',
  'api::answer.answer',
  'api::testimony.testimony',
  'api::video.video',
] as const satisfies readonly UID.ContentType[];

/**
 * Whether to load the demo content at boot. `SEED_DEMO_CONTENT=true|false`
 * decides when set; otherwise only with the explicit development flag
 * (CMS_DEVELOPMENT=true, written by `pnpm setup:env` on a developer's
 * machine), never because NODE_ENV is not `production`.
 */
export function shouldSeedDemoContent(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const flag = env.SEED_DEMO_CONTENT?.trim().toLowerCase();
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  return isDevelopmentMode(env);
}

type Images = Record<ImageKey, UploadedImage>;
type ImageKey = 'site' | 'avatar' | 'book' | `article:${string}` | `video:${string}`;

const articleImageKey = (slug: string): ImageKey => `article:${slug}`;
const videoImageKey = (slug: string): ImageKey => `video:${slug}`;

function imageSpecs(): Record<ImageKey, ImageSpec> {
  const specs: Record<string, ImageSpec> = {
    site: {
      name: 'chiudete-i-call-center-condivisione',
      svg: siteShareSvg(GLOBAL.tagline),
      alt: `Scritta «Chiudete i Call Center» in bianco su fondo rosso, con il motto: ${GLOBAL.tagline}`,
    },
    avatar: {
      name: 'candy-larsson-avatar',
      svg: avatarSvg({ name: AUTHORS[0].name, palette: PALETTES[3] }),
      alt: `Le iniziali di ${AUTHORS[0].name} in bianco su fondo viola: avatar dell'autrice`,
    },
    book: {
      name: 'chiudete-i-call-center-in-outsourcing-copertina',
      svg: bookCoverSvg({ title: BOOK.title, author: AUTHORS[0].name, publisher: BOOK.publisher }),
      alt: `Copertina del libro «${BOOK.title}» di ${AUTHORS[0].name}: titolo in nero su fondo crema, una cornetta del telefono sollevata e strisce rosse`,
      caption: `${BOOK.title}, ${BOOK.publisher}, 2019`,
    },
  };
  // The draft article gets no cover: one image less to process at every seed.
  ARTICLES.forEach((article, i) => {
    specs[articleImageKey(article.slug)] = {
      name: `articolo-${article.slug}`.slice(0, 120),
      svg: articleCoverSvg({
        title: article.title,
        kicker: article.coverKicker,
        palette: PALETTES[i % PALETTES.length],
        seed: article.slug,
      }),
      alt: `Immagine astratta a colori con il titolo dell'articolo: ${article.title}`,
    };
  });
  VIDEOS.forEach((video, i) => {
    specs[videoImageKey(video.slug)] = {
      name: `video-${video.slug}`.slice(0, 120),
      svg: videoPosterSvg({ kicker: video.posterKicker, palette: PALETTES[(i + 4) % PALETTES.length], seed: video.slug }),
      alt: `Anteprima del video «${video.title}»`,
    };
  });
  return specs;
}

const seo = (value: SeoSeed, shareImage?: UploadedImage) => ({ ...value, noIndex: false, shareImage: shareImage?.id });

/** Creates every document; returns how many were created. Runs inside one transaction. */
async function createDocuments(strapi: Core.Strapi, images: Images): Promise<number> {
  let created = 0;

  const author = await strapi.documents('api::author.author').create({
    data: { ...AUTHORS[0], avatar: images.avatar.id },
  });
  created += 1;

  const categoryIds = new Map<string, string>();
  for (const category of CATEGORIES) {
    const entry = await strapi.documents('api::category.category').create({ data: category });
    categoryIds.set(category.slug, entry.documentId);
    created += 1;
  }

  const book = await strapi.documents('api::book-release.book-release').create({
    data: { ...BOOK, cover: images.book.id, seo: seo(BOOK.seo, images.book) },
    status: 'published',
  });
  created += 1;

  const categoryId = (slug: string): string => {
    const id = categoryIds.get(slug);
    if (!id) throw new Error(`[seed] Unknown category "${slug}"`);
    return id;
  };
  const articleData = (article: ArticleSeed) => {
    const cover: UploadedImage | undefined = images[articleImageKey(article.slug)];
    return {
      title: article.title,
      slug: article.slug,
      excerpt: article.excerpt,
      body: article.body,
      publicationDate: article.publicationDate,
      cover: cover?.id,
      author: author.documentId,
      categories: article.categories.map(categoryId),
      book: article.aboutBook ? book.documentId : undefined,
      seo: seo(article.seo, cover),
    };
  };

  const articleIds = new Map<string, string>();
  for (const article of ARTICLES) {
    const entry = await strapi.documents('api::article.article').create({ data: articleData(article), status: 'published' });
    articleIds.set(article.slug, entry.documentId);
    created += 1;
  }
  // The draft: created without `status`, so it is never published.
  await strapi.documents('api::article.article').create({ data: articleData(DRAFT_ARTICLE) });
  created += 1;

  for (const answer of ANSWERS) {
    const articles = answer.articles.map((slug) => {
      const id = articleIds.get(slug);
      if (!id) throw new Error(`[seed] Answer "${answer.slug}" refers to an unknown article "${slug}"`);
      return id;
    });
    await strapi.documents('api::answer.answer').create({ data: { ...answer, articles }, status: 'published' });
    created += 1;
  }

  for (const testimony of TESTIMONIES) {
    await strapi.documents('api::testimony.testimony').create({ data: testimony, status: 'published' });
    created += 1;
  }

  for (const video of VIDEOS) {
    const { posterKicker: _kicker, ...data } = video;
    await strapi
      .documents('api::video.video')
      .create({ data: { ...data, poster: images[videoImageKey(video.slug)].id }, status: 'published' });
    created += 1;
  }

  await strapi.documents('api::global.global').create({
    data: { ...GLOBAL, defaultSeo: seo(GLOBAL.defaultSeo, images.site) },
  });
  created += 1;

  return created;
}

/** Rows already present in the seeded types (drafts and published versions alike). */
async function countExistingRows(strapi: Core.Strapi): Promise<number> {
  const counts = await Promise.all(SEEDED_TYPES.map((uid) => strapi.db.query(uid).count()));
  return counts.reduce((total, count) => total + count, 0);
}

/** Sanity checks on the demo data that Strapi's validation would not explain well. */
function assertDemoDataIsConsistent(): void {
  for (const testimony of TESTIMONIES) {
    const words = testimony.story.split(/\s+/).length;
    if (words < 60 || words > 260) throw new Error(`[seed] Testimony "${testimony.slug}" has ${words} words`);
  }
  for (const article of [...ARTICLES, DRAFT_ARTICLE]) {
    if (plainText(article.body).length < 100) throw new Error(`[seed] Article "${article.slug}" has an empty body`);
  }
}

/**
 * Loads the demo content into an empty database: the site settings, the
 * author, categories, the book, articles (plus one draft), answers,
 * testimonies and videos, with generated images.
 *
 * Idempotent: when any seeded type already holds a row, it does nothing, so a
 * second boot changes nothing and editors' content is never touched. The
 * documents are created in one transaction; if anything fails, the uploaded
 * images are removed and the error is thrown.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<{ created: number; skipped: boolean }> {
  const existing = await countExistingRows(strapi);
  if (existing > 0) {
    strapi.log.info('[seed] The database already has content: demo content skipped.');
    return { created: 0, skipped: true };
  }

  const started = Date.now();
  assertDemoDataIsConsistent();
  strapi.log.info('[seed] Empty database: loading the demo content...');

  const images = (await createImages(strapi, imageSpecs())) as Images;
  const imagesDone = Date.now();

  let created: number;
  let dated: Awaited<ReturnType<typeof applyDemoTimeline>>;
  try {
    ({ created, dated } = await strapi.db.transaction(async () => {
      const count = await createDocuments(strapi, images);
      // The real timeline of 2019, not the moment of seeding (src/seed/timeline.ts).
      return { created: count, dated: await applyDemoTimeline(strapi) };
    }));
  } catch (error) {
    await removeImages(strapi, Object.values(images));
    const message = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`[seed] Loading the demo content failed, nothing was saved: ${message}`), { cause: error });
  }

  // The search index read the entries as they were published: bring their entries in line with the timeline.
  for (const { type, documentId } of dated) await syncSearchEntry(strapi, type, documentId);

  strapi.log.info(
    `[seed] Demo content loaded: ${created} entries and ${Object.keys(images).length} images `
    + `in ${((Date.now() - started) / 1000).toFixed(1)} s (images ${((imagesDone - started) / 1000).toFixed(1)} s). `
    + `Draft article for tests: "${DEMO_DRAFT_ARTICLE_SLUG}".`,
  );
  return { created, skipped: false };
}
