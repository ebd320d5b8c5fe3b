import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { TEST_ADMIN } from './helpers/admin';
import { COVER_WITHOUT_ALT_TEXT, POSTER_WITHOUT_ALT_TEXT } from '../src/media-alt-text';

const ARTICLE = 'api::article.article';
const FILE_NAME = Symbol('file name as alt text');
const VIDEO = 'api::video.video';
const ANSWER = 'api::answer.answer';
const FILE = 'plugin::upload.file';

interface ErrorBody {
  error: { status: number; name: string; message: string; details?: { errors?: Array<{ path: string[]; message: string }> } };
}

const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });

/**
 * Editors must describe their images before publishing: the document-service
 * middleware of src/media-alt-text refuses to publish an article, a book, a
 * video or an answer whose cover, poster or inline image has no alternative
 * text, with the Italian message the admin shows.
 */
describe('alternative text required to publish', () => {
  let cms: TestStrapi;
  let adminToken: string;
  let counter = 0;

  /** A media-library entry (no file on disk is needed for this check); `FILE_NAME` uses its file name as alt text. */
  const createImage = async (alternativeText: string | null | typeof FILE_NAME): Promise<number> => {
    counter += 1;
    const name = `immagine-${counter}.png`;
    const file = (await cms.strapi.db.query(FILE).create({
      data: {
        name, alternativeText: alternativeText === FILE_NAME ? name : alternativeText, hash: `immagine_${counter}`,
        ext: '.png', mime: 'image/png', size: 12.3, width: 1200, height: 630, url: `/uploads/immagine_${counter}.png`,
        provider: 'local', folderPath: '/',
      },
    })) as { id: number };
    return file.id;
  };

  /** An image block as the blocks editor writes it: a copy of the media entry, alt text included. */
  const imageBlock = async (alternativeText: string | null) => {
    const file = (await cms.strapi.db.query(FILE).findOne({ where: { id: await createImage('Descrizione nella libreria') } })) as Record<string, unknown>;
    const iso = (value: unknown) => new Date(value as string).toISOString();
    const { name, url, width, height, hash, ext, mime, size, provider } = file;
    return {
      type: 'image',
      image: { name, url, width, height, hash, ext, mime, size, provider, alternativeText, caption: null, formats: null, createdAt: iso(file.createdAt), updatedAt: iso(file.updatedAt) },
      children: [{ type: 'text', text: '' }],
    };
  };

  const draftArticle = async (cover: number | null, body = [paragraph('Un testo abbastanza lungo per essere un articolo di prova.')]) => {
    counter += 1;
    const created = await cms.strapi.documents(ARTICLE).create({
      data: {
        title: `Articolo di prova ${counter}`,
        slug: `articolo-di-prova-${counter}`,
        excerpt: 'Un articolo per provare il controllo del testo alternativo.',
        body,
        publicationDate: '2019-08-01',
        cover,
      },
    });
    return created.documentId;
  };

  const publishedCount = (uid: typeof ARTICLE | typeof VIDEO | typeof ANSWER, documentId?: string) =>
    cms.strapi.db.query(uid).count({ where: { ...(documentId ? { documentId } : {}), publishedAt: { $notNull: true } } });

  beforeAll(async () => {
    // The demo content is published at boot through the same middleware: its images all have alt text.
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(res.status).toBe(200);
    adminToken = ((await res.json()) as { data: { token: string } }).data.token;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('loaded the demo content: every seeded cover and poster has its alt text', async () => {
    expect(await publishedCount(ARTICLE)).toBeGreaterThan(0);
    expect(await publishedCount(VIDEO)).toBeGreaterThan(0);
  });

  it('refuses to publish an article whose cover has no alt text, and tells the editor how to fix it', async () => {
    const documentId = await draftArticle(await createImage(null));
    await expect(cms.strapi.documents(ARTICLE).publish({ documentId })).rejects.toMatchObject({
      name: 'ValidationError',
      message: COVER_WITHOUT_ALT_TEXT,
    });
    expect(await publishedCount(ARTICLE, documentId)).toBe(0);
  });

  it('shows the Italian message in the admin, on the cover field, when «Pubblica» is pressed', async () => {
    const documentId = await draftArticle(await createImage('   '));
    const res = await fetch(`${cms.url}/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(400);
    const { error } = JSON.parse(text) as ErrorBody;
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(COVER_WITHOUT_ALT_TEXT);
    expect(error.details?.errors).toEqual([expect.objectContaining({ path: ['cover'], message: COVER_WITHOUT_ALT_TEXT })]);
    expect(await publishedCount(ARTICLE, documentId)).toBe(0);
  });

  it('publishes once the alt text is written in the media library', async () => {
    const image = await createImage(FILE_NAME);
    const documentId = await draftArticle(image);
    await expect(cms.strapi.documents(ARTICLE).publish({ documentId })).rejects.toThrow(COVER_WITHOUT_ALT_TEXT);

    await cms.strapi.db.query(FILE).update({ where: { id: image }, data: { alternativeText: 'Una cornetta del telefono appoggiata su una pila di bollette' } });
    await cms.strapi.documents(ARTICLE).publish({ documentId });
    expect(await publishedCount(ARTICLE, documentId)).toBe(1);
  });

  it('lets an article without any image be published', async () => {
    const documentId = await draftArticle(null);
    await cms.strapi.documents(ARTICLE).publish({ documentId });
    expect(await publishedCount(ARTICLE, documentId)).toBe(1);
  });

  it('refuses an image without alt text inside the rich text, naming the field', async () => {
    const documentId = await draftArticle(await createImage('Una bolletta con due importi cerchiati'), [
      paragraph('Ecco la bolletta.'),
      await imageBlock(null),
    ] as never);
    await expect(cms.strapi.documents(ARTICLE).publish({ documentId })).rejects.toThrow('«Testo dell\'articolo»');
  });

  it('refuses a video created already published with a poster without alt text, and saves nothing', async () => {
    const before = await cms.strapi.db.query(VIDEO).count({});
    await expect(cms.strapi.documents(VIDEO).create({
      data: { title: 'Un video senza descrizione', slug: 'un-video-senza-descrizione', youtubeId: 'abcdefghijk', poster: await createImage(null) },
      status: 'published',
    })).rejects.toThrow(POSTER_WITHOUT_ALT_TEXT);
    expect(await cms.strapi.db.query(VIDEO).count({})).toBe(before);
  });

  it('checks the images in an answer\'s text', async () => {
    const answer = await cms.strapi.documents(ANSWER).create({
      data: {
        title: 'Una risposta con un\'immagine',
        slug: 'una-risposta-con-un-immagine',
        operatorClaim: 'Non si può fare.',
        sector: 'telefonia',
        correctAnswer: [
          paragraph('Si può fare.'),
          await imageBlock(''),
        ] as never,
      },
    });
    await expect(cms.strapi.documents(ANSWER).publish({ documentId: answer.documentId })).rejects.toThrow('«La risposta corretta»');
    expect(await publishedCount(ANSWER, answer.documentId)).toBe(0);
  });
});
