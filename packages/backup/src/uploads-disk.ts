import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BackupError } from './errors.ts';
import { digestFile, mapLimit } from './hash.ts';
import type { UploadEntry } from './manifest.ts';

/** Placeholder kept in the repository's empty uploads folder: not an upload. */
const IGNORED = new Set(['.gitkeep']);

/** Every file under the uploads folder, as keys relative to it (`/`-separated), sorted. */
export async function listDiskUploads(dir: string): Promise<string[]> {
  if (!existsSync(dir)) throw new BackupError(`The uploads folder ${dir} does not exist: check PUBLIC_DIR (its uploads/ holds the files), or set S3_BUCKET if uploads are on S3.`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !IGNORED.has(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Size and checksum of each upload, read where it is (the archive reads the same files through a link). */
export async function describeDiskUploads(dir: string): Promise<UploadEntry[]> {
  const keys = await listDiskUploads(dir);
  return mapLimit(keys, 4, async (key) => ({ key, path: `uploads/${key}`, ...(await digestFile(path.join(dir, key))) }));
}

export async function copyUploadsToDisk(fromDir: string, files: readonly UploadEntry[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await mapLimit(files, 4, async (file) => {
    const target = path.join(dir, file.key);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(fromDir, file.path), target);
  });
}

/** The files as they are now on disk, compared with the manifest: a list of what differs. */
export async function checkDiskUploads(dir: string, files: readonly UploadEntry[]): Promise<string[]> {
  const problems = await mapLimit(files, 4, async (file) => {
    const target = path.join(dir, file.key);
    if (!existsSync(target) || !(await stat(target)).isFile()) return `${file.key}: missing`;
    const digest = await digestFile(target);
    return digest.sha256 === file.sha256 && digest.size === file.size ? undefined : `${file.key}: ${digest.size} bytes, sha256 ${digest.sha256}; expected ${file.size} bytes, ${file.sha256}`;
  });
  return problems.filter((p): p is string => p !== undefined);
}
