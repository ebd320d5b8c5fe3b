import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from './helpers/admin';
import { startChildStrapi } from './helpers/child-strapi';
import { createSqliteDatabase } from './helpers/database';
import { startS3Server, type TestS3Server } from './helpers/s3-server';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

interface UploadedFile {
  id: number;
  url: string;
  provider: string;
  hash: string;
  ext: string;
  mime: string;
  width: number;
  height: number;
  formats: Record<string, { url: string; hash: string; ext: string; width: number }> | null;
}

/**
 * Uploads on S3 (issue #12): with S3_BUCKET set, the real CMS stores the
 * Media Library's files, their responsive formats included, in the bucket
 * (a local s3rver), records URLs that serve them, and deletes them with the
 * file; the admin's CSP allows their origin; nothing lands on the local disk.
 * Pairing checked here: @strapi/provider-upload-aws-s3 5.52.3 with Strapi 5.54.0.
 */
describe('uploads on S3', () => {
  let s3: TestS3Server;
  let cms: TestStrapi;
  let adminToken: string;
  let uploaded: UploadedFile;

  const admin = (route: string, init: RequestInit = {}) =>
    fetch(`${cms.url}${route}`, { ...init, headers: { authorization: `Bearer ${adminToken}`, ...init.headers } });

  /** The object key of a stored URL, when the URL is in the bucket's public base. */
  const keyOf = (url: string) => (url.startsWith(`${s3.publicUrl}/`) ? url.slice(s3.publicUrl.length + 1) : null);

  beforeAll(async () => {
    s3 = await startS3Server({ bucket: 'cms-uploads' });
    cms = await startTestStrapi('sqlite', { ...s3.env, SEED_DEMO_CONTENT: 'false', CRON_ENABLED: 'false' });
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
    await s3?.stop();
  });

  it('stores an image uploaded through the Media Library in the bucket, its formats too', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d3557' } })
      .composite([{ input: Buffer.from('<svg width="600" height="400"><rect width="600" height="400" fill="#f4a261"/></svg>'), top: 200, left: 300 }])
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'copertina-s3.png');
    form.append('fileInfo', JSON.stringify({ name: 'copertina-s3.png', alternativeText: 'Un rettangolo arancione su fondo blu' }));
    const res = await admin('/upload', { method: 'POST', body: form });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(201);
    [uploaded] = JSON.parse(text) as UploadedFile[];

    expect(uploaded).toMatchObject({ provider: 'aws-s3', mime: 'image/png', width: 1200, height: 800 });
    expect(uploaded.url).toBe(`${s3.publicUrl}/${uploaded.hash}${uploaded.ext}`);
    const formats = Object.values(uploaded.formats ?? {});
    expect(Object.keys(uploaded.formats ?? {}).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    for (const format of formats) expect(format.url).toBe(`${s3.publicUrl}/${format.hash}${format.ext}`);

    const expectedKeys = [uploaded.url, ...formats.map((format) => format.url)].map(keyOf).sort();
    expect(await s3.keys()).toEqual(expectedKeys);
    // Nothing on the local disk.
    expect(readdirSync(path.join(cms.database.env.PUBLIC_DIR!, 'uploads'))).toEqual([]);
  });

  it('records the URL in the database, and that URL serves the stored object to anyone', async () => {
    const row = (await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: uploaded.id } })) as { url: string; provider: string };
    expect(row).toMatchObject({ url: uploaded.url, provider: 'aws-s3' });

    const stored = await s3.read(keyOf(row.url)!);
    const res = await fetch(row.url);
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(stored!)).toBe(true);
    expect(await sharp(served).metadata()).toMatchObject({ format: 'png', width: 1200, height: 800 });

    const large = uploaded.formats!.large!;
    expect(await sharp(Buffer.from(await (await fetch(large.url)).arrayBuffer())).metadata()).toMatchObject({ width: large.width });
  });

  it('lets the admin show the bucket\'s files (CSP img-src, media-src, connect-src)', async () => {
    const csp = (await fetch(`${cms.url}/_health`)).headers.get('content-security-policy') ?? '';
    for (const directive of ['img-src', 'media-src', 'connect-src']) {
      const sources = csp.split(';').map((part) => part.trim().split(/\s+/)).find(([name]) => name === directive) ?? [];
      expect(sources, directive).toContain(s3.endpoint);
      expect(sources, directive).toContain('\'self\'');
    }
  });

  it('deletes the objects with the file', async () => {
    const res = await admin(`/upload/files/${uploaded.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await s3.keys()).toEqual([]);
    expect((await fetch(uploaded.url)).status).toBe(404);
  });

  it('stops the CMS at start when S3_BUCKET is set without credentials, naming the variable', async () => {
    const other = createSqliteDatabase();
    try {
      await expect(startChildStrapi({ ...other.env, ...s3.env, S3_SECRET_ACCESS_KEY: '' })).rejects.toThrow(/S3_BUCKET is set but S3_SECRET_ACCESS_KEY is missing/);
      await expect(startChildStrapi({ ...other.env, ...s3.env, S3_ACCESS_KEY_ID: '' })).rejects.toThrow(/S3_BUCKET is set but S3_ACCESS_KEY_ID is missing/);
    } finally {
      await other.drop();
    }
  }, 120_000);
});
