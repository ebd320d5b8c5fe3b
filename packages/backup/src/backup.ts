import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checksumFileOf, verifyArchive, writeArchive, writeChecksumFile } from './archive.ts';
import { BackupError } from './errors.ts';
import { cmsVersions, toolVersion, type Env } from './env.ts';
import { digestFile } from './hash.ts';
import { MANIFEST_FILE, MANIFEST_FORMAT, type Manifest, type UploadEntry } from './manifest.ts';
import { dumpPostgres } from './postgres.ts';
import { applyRetention, archiveNameFor } from './retention.ts';
import { copySqlite } from './sqlite.ts';
import { databaseTarget, describeDatabase, describeUploads, uploadsTarget } from './targets.ts';
import { describeDiskUploads } from './uploads-disk.ts';
import { downloadS3Uploads } from './uploads-s3.ts';

export interface BackupOptions {
  /** The CMS's environment (DATABASE_*, PUBLIC_DIR, S3_*). */
  env: Env;
  /** Folder of the archives; created if missing. */
  outDir: string;
  /** Keep only the newest N archives of outDir (this one included). */
  keep?: number;
  log?: (line: string) => void;
  now?: Date;
}

export interface BackupResult {
  archive: string;
  checksumFile: string;
  sha256: string;
  /** Bytes of the archive. */
  size: number;
  manifest: Manifest;
  removed: string[];
  /** Seconds per step. */
  timings: { database: number; uploads: number; archive: number; verify: number; total: number };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/**
 * Database + uploads into one archive, written as `<name>.partial` and
 * renamed only once it has been read back and checked against its manifest;
 * then the checksum file, then the retention.
 */
export async function backup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  if (options.keep !== undefined && (!Number.isInteger(options.keep) || options.keep < 1)) throw new BackupError(`--keep must be a whole number >= 1 (got ${options.keep}).`);
  const started = performance.now();
  const database = databaseTarget(options.env);
  const uploads = uploadsTarget(options.env);
  await mkdir(options.outDir, { recursive: true });
  const archive = path.join(path.resolve(options.outDir), archiveNameFor(options.now ?? new Date()));
  if (existsSync(archive)) throw new BackupError(`${archive} already exists: one backup per second at most.`);
  const staging = await mkdtemp(path.join(options.outDir, '.staging-'));
  const partial = `${archive}.partial`;

  try {
    let step = performance.now();
    log(`Database: ${describeDatabase(database)}`);
    await mkdir(path.join(staging, 'database'));
    const databaseFile = database.client === 'postgres' ? 'database/postgres.dump' : 'database/sqlite.db';
    const dumped = database.client === 'postgres'
      ? await dumpPostgres(database.connection, path.join(staging, databaseFile), options.env)
      : (({ tables, version }) => ({ tables, serverVersion: version, dumpVersion: null }))(copySqlite(database.filename, path.join(staging, databaseFile)));
    const databaseDigest = await digestFile(path.join(staging, databaseFile));
    const databaseSeconds = seconds(step);
    log(`  ${Object.keys(dumped.tables).length} tables, ${Object.values(dumped.tables).reduce((a, b) => a + b, 0)} rows, ${databaseDigest.size} bytes in ${databaseSeconds} s`);

    step = performance.now();
    log(`Uploads: ${describeUploads(uploads)}`);
    let files: UploadEntry[];
    if (uploads.kind === 'disk') {
      files = await describeDiskUploads(uploads.dir);
      // The archive reads the files where they are, through this link: no copy.
      await symlink(uploads.dir, path.join(staging, 'uploads'), 'dir');
    } else {
      files = await downloadS3Uploads(uploads, path.join(staging, 'uploads'));
    }
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    const uploadsSeconds = seconds(step);
    log(`  ${files.length} files, ${totalBytes} bytes in ${uploadsSeconds} s`);

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      versions: { backupTool: toolVersion(), node: process.version, ...cmsVersions(options.env), database: dumped.serverVersion, dumpTool: dumped.dumpVersion },
      database: { client: database.client, file: { path: databaseFile, ...databaseDigest }, tables: dumped.tables },
      uploads: { source: uploads.kind, ...(uploads.kind === 's3' ? { bucket: uploads.bucket } : {}), files, totalBytes },
    };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    step = performance.now();
    const digest = await writeArchive(staging, [MANIFEST_FILE, databaseFile, ...files.map((file) => file.path)], partial);
    const archiveSeconds = seconds(step);
    step = performance.now();
    // Read back: a file that changed between its checksum and the archive fails here, not at restore time.
    await verifyArchive(partial);
    const verifySeconds = seconds(step);
    await rename(partial, archive);
    await writeChecksumFile(archive, digest.sha256);
    log(`Archive: ${archive} (${digest.size} bytes, written in ${archiveSeconds} s, verified in ${verifySeconds} s)`);

    const removed = options.keep ? await applyRetention(options.outDir, options.keep) : [];
    if (removed.length) log(`Retention (--keep ${options.keep}): removed ${removed.join(', ')}`);
    return {
      archive,
      checksumFile: checksumFileOf(archive),
      sha256: digest.sha256,
      size: digest.size,
      manifest,
      removed,
      timings: { database: databaseSeconds, uploads: uploadsSeconds, archive: archiveSeconds, verify: verifySeconds, total: seconds(started) },
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
