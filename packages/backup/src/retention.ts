import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { checksumFileOf } from './archive.ts';

export const ARCHIVE_PREFIX = 'chiudete-';
const ARCHIVE_NAME = /^chiudete-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/;

/** chiudete-2026-12-05T13-20-00Z.tar.gz: UTC, sortable, valid on every file system. */
export const archiveNameFor = (date: Date) => `${ARCHIVE_PREFIX}${date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.tar.gz`;

/** Keeps the newest `keep` archives of `dir` (by their timestamped names) and deletes the others with their checksums. */
export async function applyRetention(dir: string, keep: number): Promise<string[]> {
  const archives = (await readdir(dir)).filter((name) => ARCHIVE_NAME.test(name)).sort().reverse();
  const removed = archives.slice(keep);
  for (const name of removed) {
    const archive = path.join(dir, name);
    await rm(archive, { force: true });
    await rm(checksumFileOf(archive), { force: true });
  }
  return removed;
}
