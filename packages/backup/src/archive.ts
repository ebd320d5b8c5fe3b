import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create, extract, list, type ReadEntry } from 'tar';
import { BackupError } from './errors.ts';
import { digestFile, hashingStream, type Digest } from './hash.ts';
import { MANIFEST_FILE, archivedFiles, parseManifest, type Manifest } from './manifest.ts';

/**
 * One gzipped tar per backup: manifest.json first, then the database file,
 * then the uploads; next to it `<archive>.sha256`, in sha256sum's format
 * (`sha256sum -c` checks it too).
 */

export const checksumFileOf = (archive: string) => `${archive}.sha256`;

/** Writes the archive of `entries` (paths relative to `stagingDir`), hashing it on the way. */
export async function writeArchive(stagingDir: string, entries: readonly string[], archive: string): Promise<Digest> {
  const hashing = hashingStream();
  // portable: no uid/gid/user names; the files' modes and times are kept. Level 1: what is left to
  // compress is little (the dump is compressed by pg_dump, images by their formats); SQLite files shrink anyway.
  const pack = create({ gzip: { level: 1 }, cwd: stagingDir, portable: true, noDirRecurse: true }, [...entries]);
  await pipeline(pack, hashing, createWriteStream(archive, { flags: 'wx' }));
  return hashing.digest();
}

export async function writeChecksumFile(archive: string, sha256: string): Promise<void> {
  const file = checksumFileOf(archive);
  await writeFile(`${file}.partial`, `${sha256}  ${path.basename(archive)}\n`);
  await rename(`${file}.partial`, file);
}

/** Refuses an archive whose sha256 is not the one its checksum file records (corrupt, truncated, or swapped). */
export async function checkArchiveChecksum(archive: string): Promise<Digest> {
  if (!existsSync(archive)) throw new BackupError(`No archive at ${archive}.`);
  const file = checksumFileOf(archive);
  if (!existsSync(file)) throw new BackupError(`Refusing ${archive}: its checksum file ${path.basename(file)} is missing, so the archive cannot be verified. Copy it along with the archive.`);
  const match = /^([0-9a-f]{64})\s+\*?(.+)$/m.exec(await readFile(file, 'utf8'));
  if (!match) throw new BackupError(`Refusing ${archive}: ${path.basename(file)} does not hold a sha256 checksum.`);
  const digest = await digestFile(archive);
  if (digest.sha256 !== match[1]) {
    throw new BackupError(`Refusing ${archive}: the archive is corrupt or truncated (${digest.size} bytes, sha256 ${digest.sha256}; ${path.basename(file)} expects ${match[1]}). Use another copy or an older backup.`);
  }
  return digest;
}

/**
 * Reads the whole archive once: parses the manifest (the first entry) and
 * checks that every other entry is a file the manifest lists, with its size
 * and sha256, and that none is missing. Returns the manifest.
 */
export async function verifyArchive(archive: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  const seen = new Map<string, Digest>();
  const problems: string[] = [];
  const pending: Array<Promise<void>> = [];

  const onReadEntry = (entry: ReadEntry) => {
    const name = entry.path.replace(/^\.\//, '');
    if (entry.type === 'Directory') {
      entry.resume();
      return;
    }
    if (entry.type !== 'File' && entry.type !== 'OldFile') {
      problems.push(`${name}: unexpected ${entry.type} entry`);
      entry.resume();
      return;
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    entry.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      if (name === MANIFEST_FILE) chunks.push(chunk);
    });
    pending.push(new Promise<void>((resolve) => entry.on('end', () => {
      if (name === MANIFEST_FILE) {
        if (seen.size > 0) problems.push(`${MANIFEST_FILE} is not the first entry`);
        try {
          manifest = parseManifest(Buffer.concat(chunks).toString('utf8'));
        } catch (error) {
          problems.push((error as Error).message);
        }
      } else if (seen.has(name)) {
        problems.push(`${name}: twice in the archive`);
      } else {
        seen.set(name, { sha256: hash.digest('hex'), size });
      }
      resolve();
    })));
  };

  try {
    await list({ file: archive, strict: true, onReadEntry });
    await Promise.all(pending);
  } catch (error) {
    throw new BackupError(`Refusing ${archive}: it cannot be read as a gzipped tar archive (${(error as Error).message}); it is truncated or corrupt.`, { cause: error });
  }
  if (!manifest && problems.length === 0) problems.push(`${MANIFEST_FILE} is missing`);
  if (manifest) {
    const listed = new Set<string>();
    for (const file of archivedFiles(manifest)) {
      listed.add(file.path);
      const found = seen.get(file.path);
      if (!found) problems.push(`${file.path}: listed in the manifest, missing from the archive`);
      else if (found.size !== file.size || found.sha256 !== file.sha256) problems.push(`${file.path}: ${found.size} bytes, sha256 ${found.sha256}; the manifest says ${file.size} bytes, ${file.sha256}`);
    }
    for (const name of seen.keys()) if (!listed.has(name)) problems.push(`${name}: in the archive, not in the manifest`);
  }
  if (problems.length) {
    throw new BackupError(`Refusing ${archive}: its content does not match its manifest:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`);
  }
  return manifest!;
}

/** Extracts a verified archive into `dir` (paths are checked by the manifest schema and by tar itself). */
export async function extractArchive(archive: string, dir: string): Promise<void> {
  await extract({ file: archive, cwd: dir, strict: true, preservePaths: false, noChmod: true });
}
