import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore, type BackupResult, type RestoreResult } from '../../src/index.ts';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  envFor,
  fileHashesOnDisk,
  fileHashesServed,
  postgresSkipReason,
  sha256,
  snapshotCms,
  startStrapi,
  tempDir,
  type CmsSnapshot,
  type RunningStrapi,
  type TestDatabase,
} from './cms';

export interface RoundTrip {
  kind: 'postgres' | 'sqlite';
  source: TestDatabase;
  target: TestDatabase;
  outDir: string;
  backup: BackupResult;
  /** The CMS running on the restored database, when a test needs it stopped. */
  stopCms(): Promise<void>;
}

/**
 * The real thing: the CMS with its demo content (entries, images and their
 * formats) on a fresh database, backed up while it runs, restored into a new
 * empty database and public folder, booted again on them without the seed:
 * every row, every document and every file must be there.
 */
export function roundTripSuite(kind: RoundTrip['kind'], more?: (context: () => RoundTrip) => void): void {
  const skip = kind === 'postgres' ? postgresSkipReason() : undefined;
  describe.skipIf(skip)(`pnpm backup / pnpm restore on ${kind}`, () => {
    const create = () => (kind === 'postgres' ? createPostgresDatabase() : Promise.resolve(createSqliteDatabase()));
    let source: TestDatabase;
    let target: TestDatabase;
    let outDir: string;
    let cms: RunningStrapi | undefined;
    let before: CmsSnapshot;
    let sourceHashes: Record<string, string>;
    let backedUp: BackupResult;
    let restored: RestoreResult;

    beforeAll(async () => {
      source = await create();
      target = await create();
      outDir = tempDir('backup-out-');
      cms = await startStrapi(source);
      before = await snapshotCms(cms.strapi);
      sourceHashes = await fileHashesOnDisk(source.env.PUBLIC_DIR!, before.fileUrls);
      // Online: the CMS keeps running while it is backed up.
      backedUp = await backup({ env: envFor(source), outDir, keep: 3 });
      await cms.stop();
      cms = undefined;
      restored = await restore({ env: envFor(target), archive: backedUp.archive });
      cms = await startStrapi(target, { SEED_DEMO_CONTENT: 'false' });
    });

    afterAll(async () => {
      await cms?.stop();
      await source?.drop();
      await target?.drop();
      if (outDir) await rm(outDir, { recursive: true, force: true });
    });

    it('writes one timestamped archive with its sha256 file and a manifest of the database and every upload', async () => {
      expect(path.basename(backedUp.archive)).toMatch(/^chiudete-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/);
      const checksum = await readFile(`${backedUp.archive}.sha256`, 'utf8');
      expect(checksum).toBe(`${sha256(await readFile(backedUp.archive))}  ${path.basename(backedUp.archive)}\n`);
      const { manifest } = backedUp;
      expect(manifest.database.client).toBe(kind);
      expect(manifest.uploads.source).toBe('disk');
      expect(manifest.uploads.files.map((file) => `/uploads/${file.key}`).sort()).toEqual(before.fileUrls);
      expect(Object.fromEntries(manifest.uploads.files.map((file) => [`/uploads/${file.key}`, file.sha256]))).toEqual(sourceHashes);
      const table = (name: string) => manifest.database.tables[kind === 'postgres' ? `public.${name}` : name];
      expect(table('articles')).toBe((before.rows['api::article.article'] ?? []).length);
      expect(table('testimonies')).toBe((before.rows['api::testimony.testimony'] ?? []).length);
      expect(table('files')).toBe(before.rows['plugin::upload.file']!.length);
      expect(manifest.versions.strapi).toMatch(/^5\./);
      expect(restored.manifest).toEqual(manifest);
    });

    it('restores every entry: the CMS booted on the restored database has the same rows and documents', async () => {
      expect(before.documents['api::article.article']!.length).toBeGreaterThan(5);
      expect(before.fileUrls.length).toBeGreaterThan(10);
      const after = await snapshotCms(cms!.strapi);
      expect(after.rows).toEqual(before.rows);
      expect(after.documents).toEqual(before.documents);
    });

    it('restores every file: the restored CMS serves each upload, byte for byte', async () => {
      expect(await fileHashesServed(cms!, before.fileUrls)).toEqual(sourceHashes);
    });

    it('refuses to restore into a database that is not empty', async () => {
      await expect(restore({ env: envFor(target), archive: backedUp.archive })).rejects.toThrow(/Refusing to restore into .*: it is not empty \(\d+ tables.*--force/s);
    });

    more?.(() => ({ kind, source, target, outDir, backup: backedUp, stopCms: async () => {
      await cms?.stop();
      cms = undefined;
    } }));
  });
}
