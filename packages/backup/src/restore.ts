import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkArchiveChecksum, extractArchive, verifyArchive } from './archive.ts';
import { BackupError } from './errors.ts';
import type { Env } from './env.ts';
import type { Manifest } from './manifest.ts';
import { postgresTables, restorePostgres } from './postgres.ts';
import { restoreSqlite, sqliteTables } from './sqlite.ts';
import { databaseTarget, describeDatabase, describeUploads, uploadsTarget, type DatabaseTarget, type UploadsTarget } from './targets.ts';
import { checkDiskUploads, copyUploadsToDisk, listDiskUploads } from './uploads-disk.ts';
import { checkS3Uploads, listS3Keys, uploadToS3 } from './uploads-s3.ts';

export interface RestoreOptions {
  /** The environment of the CMS to restore into (DATABASE_*, PUBLIC_DIR, S3_*). */
  env: Env;
  archive: string;
  /** Restore over a database (and uploads) that are not empty: the database is emptied first. */
  force?: boolean;
  /** Only check the archive (checksum and manifest); touch nothing. */
  verifyOnly?: boolean;
  /** Where the archive is unpacked (default: the system's temp folder). */
  workDir?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Seconds per step. */
  timings: { verify: number; extract: number; database: number; uploads: number; check: number; total: number };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

const FORCE_HINT = 'Restore into a new, empty database (and an empty uploads folder or bucket), or pass --force to replace what is there.';

async function existingTables(target: DatabaseTarget): Promise<string[]> {
  return target.client === 'postgres' ? postgresTables(target.connection) : sqliteTables(target.filename);
}

async function existingUploads(target: UploadsTarget): Promise<string[]> {
  if (target.kind === 's3') return listS3Keys(target, undefined, 5);
  return existsSync(target.dir) ? listDiskUploads(target.dir) : [];
}

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, count] of Object.entries(expected)) {
    if (!(table in actual)) problems.push(`table ${table}: missing`);
    else if (actual[table] !== count) problems.push(`table ${table}: ${actual[table]} rows, expected ${count}`);
  }
  return problems;
}

/**
 * Checks the archive (checksum, then every entry against the manifest),
 * refuses a non-empty target unless forced, restores the database and the
 * uploads, then checks row counts and files against the manifest.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const archive = path.resolve(options.archive);

  let step = performance.now();
  await checkArchiveChecksum(archive);
  const manifest = await verifyArchive(archive);
  const verifySeconds = seconds(step);
  log(`Archive ${archive}: checksum and manifest verified in ${verifySeconds} s (${manifest.database.client} database from ${manifest.createdAt}, ${manifest.uploads.files.length} files).`);
  const timings = { verify: verifySeconds, extract: 0, database: 0, uploads: 0, check: 0, total: 0 };
  if (options.verifyOnly) return { manifest, timings: { ...timings, total: seconds(started) } };

  const database = databaseTarget(options.env);
  const uploads = uploadsTarget(options.env);
  if (database.client !== manifest.database.client) {
    throw new BackupError(`The archive holds a ${manifest.database.client} database but the target is ${database.client} (DATABASE_CLIENT): restore into the same kind of database.`);
  }
  if (uploads.kind !== manifest.uploads.source) log(`Note: the uploads were backed up from ${manifest.uploads.source} and go to ${uploads.kind}; the URLs stored in the database still point where they were.`);

  const tables = await existingTables(database);
  if (tables.length && !options.force) {
    throw new BackupError(`Refusing to restore into ${describeDatabase(database)}: it is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}). ${FORCE_HINT}`);
  }
  const present = await existingUploads(uploads);
  if (present.length && !options.force) {
    throw new BackupError(`Refusing to restore into the uploads ${describeUploads(uploads)}: it is not empty (e.g. ${present.slice(0, 3).join(', ')}). ${FORCE_HINT}`);
  }

  const work = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'chiudete-restore-'));
  try {
    step = performance.now();
    await extractArchive(archive, work);
    timings.extract = seconds(step);

    step = performance.now();
    log(`Database: ${describeDatabase(database)}${tables.length ? ' (emptied first: --force)' : ''}`);
    const databaseFile = path.join(work, manifest.database.file.path);
    const counts = database.client === 'postgres'
      ? await restorePostgres(database.connection, databaseFile, options.env, { force: tables.length > 0 })
      : restoreSqlite(databaseFile, database.filename);
    timings.database = seconds(step);
    log(`  restored in ${timings.database} s`);

    step = performance.now();
    log(`Uploads: ${describeUploads(uploads)}${present.length ? ' (files of the archive written over what is there: --force)' : ''}`);
    if (uploads.kind === 'disk') await copyUploadsToDisk(work, manifest.uploads.files, uploads.dir);
    else await uploadToS3(uploads, work, manifest.uploads.files);
    timings.uploads = seconds(step);
    log(`  ${manifest.uploads.files.length} files in ${timings.uploads} s`);

    step = performance.now();
    const problems = [
      ...compareCounts(manifest.database.tables, counts),
      ...(uploads.kind === 'disk' ? await checkDiskUploads(uploads.dir, manifest.uploads.files) : await checkS3Uploads(uploads, manifest.uploads.files)),
    ];
    timings.check = seconds(step);
    if (problems.length) throw new BackupError(`The restore finished but does not match the manifest:\n  ${problems.slice(0, 20).join('\n  ')}`);
    log(`Checked: ${Object.keys(manifest.database.tables).length} tables' row counts and ${manifest.uploads.files.length} files' sha256 match the manifest (${timings.check} s).`);
    return { manifest, timings: { ...timings, total: seconds(started) } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Names of the archives in a folder, newest first (for `pnpm restore --latest`). */
export async function latestArchive(dir: string): Promise<string> {
  const names = existsSync(dir) ? (await readdir(dir)).filter((name) => /^chiudete-.*Z\.tar\.gz$/.test(name)).sort() : [];
  if (!names.length) throw new BackupError(`No archive (chiudete-*.tar.gz) in ${dir}.`);
  return path.join(dir, names.at(-1)!);
}
