import { rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore, type BackupResult } from '../src/index.ts';
import { sha256, tempDir } from './helpers/cms';

/**
 * Uploads on S3 (a local s3rver): every object of the bucket goes into the
 * archive with its content type, and comes back into another, empty bucket.
 * The database is a small SQLite file (the CMS round trips are in the other files).
 */

const OBJECTS: Array<{ key: string; contentType: string; body: Buffer }> = [
  { key: 'cover_abc123.png', contentType: 'image/png', body: Buffer.from('\x89PNG fake image bytes '.repeat(200)) },
  { key: 'thumbnail_cover_abc123.webp', contentType: 'image/webp', body: Buffer.alloc(70_000, 7) },
  { key: 'documents/report_2026.pdf', contentType: 'application/pdf', body: Buffer.from('%PDF-1.7 not really') },
];

describe('pnpm backup / pnpm restore with uploads on S3', () => {
  let server: S3rver;
  let client: S3Client;
  let dir: string;
  let endpoint: string;
  let result: BackupResult;

  const env = (bucket: string, filename: string) => ({
    ...process.env,
    ENV_PATH: '/dev/null',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: filename,
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });

  beforeAll(async () => {
    dir = tempDir('backup-s3-');
    server = new S3rver({ address: '127.0.0.1', port: 0, directory: path.join(dir, 's3'), silent: true, configureBuckets: [{ name: 'cms-uploads' }, { name: 'cms-restored' }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    for (const object of OBJECTS) await client.send(new PutObjectCommand({ Bucket: 'cms-uploads', Key: object.key, Body: object.body, ContentType: object.contentType }));
    const db = new Database(path.join(dir, 'source.db'));
    db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO files (url) VALUES (\'a\'), (\'b\'), (\'c\');');
    db.close();
    result = await backup({ env: env('cms-uploads', path.join(dir, 'source.db')), outDir: path.join(dir, 'out') });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('puts every object of the bucket in the archive, with its size, sha256 and content type', () => {
    expect(result.manifest.uploads).toEqual({
      source: 's3',
      bucket: 'cms-uploads',
      totalBytes: OBJECTS.reduce((sum, o) => sum + o.body.length, 0),
      files: [...OBJECTS].sort((a, b) => a.key.localeCompare(b.key)).map((o) => ({
        key: o.key, path: `uploads/${o.key}`, size: o.body.length, sha256: sha256(o.body), contentType: o.contentType,
      })),
    });
    expect(result.manifest.database.tables).toEqual({ files: 3 });
  });

  it('restores every object into an empty bucket, byte for byte and with its content type', async () => {
    await restore({ env: env('cms-restored', path.join(dir, 'restored.db')), archive: result.archive });
    for (const object of OBJECTS) {
      const got = await client.send(new GetObjectCommand({ Bucket: 'cms-restored', Key: object.key }));
      expect(got.ContentType).toBe(object.contentType);
      expect(sha256(await got.Body!.transformToByteArray())).toBe(sha256(object.body));
    }
  });

  it('refuses a bucket that is not empty', async () => {
    await expect(restore({ env: env('cms-uploads', path.join(dir, 'other.db')), archive: result.archive }))
      .rejects.toThrow(/Refusing to restore into the uploads S3 bucket cms-uploads at http:\/\/127\.0\.0\.1:\d+: it is not empty \(e\.g\. .*cover_abc123\.png.*--force/s);
  });

  it('says which bucket failed when S3 cannot be reached', async () => {
    await expect(backup({ env: env('no-such-bucket', path.join(dir, 'source.db')), outDir: path.join(dir, 'out2') }))
      .rejects.toThrow(/S3 ListObjectsV2 on bucket "no-such-bucket" at http:\/\/127\.0\.0\.1:\d+ failed: NoSuchBucket/);
  });
});
