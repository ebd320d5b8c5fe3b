import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create, extract, list } from 'tar';
import { describe, expect, it } from 'vitest';
import { BackupError, restore, type BackupResult } from '../src/index.ts';
import { createSqliteDatabase, envFor, sha256, tempDir } from './helpers/cms';
import { roundTripSuite } from './helpers/round-trip-suite';

const packageDir = path.resolve(import.meta.dirname, '..');

/** A copy of the archive, altered by `alter`, with a checksum file that matches it or not. */
async function alteredCopy(backup: BackupResult, name: string, alter: (file: string) => Promise<void>, { rehash }: { rehash: boolean }): Promise<string> {
  const file = path.join(path.dirname(backup.archive), name);
  await copyFile(backup.archive, file);
  await alter(file);
  const checksum = rehash ? `${sha256(await readFile(file))}  ${name}\n` : await readFile(`${backup.archive}.sha256`, 'utf8');
  await writeFile(`${file}.sha256`, checksum);
  return file;
}

/** Repacks the archive with one upload changed by a byte, in the same order, with the same manifest. */
async function tamper(file: string): Promise<void> {
  const dir = tempDir('backup-tamper-');
  const names: string[] = [];
  await list({ file, onReadEntry: (entry) => names.push(entry.path) });
  await extract({ file, cwd: dir });
  const upload = names.find((name) => name.startsWith('uploads/'))!;
  const bytes = await readFile(path.join(dir, upload));
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
  await writeFile(path.join(dir, upload), bytes);
  await rm(file);
  await create({ gzip: true, cwd: dir, file, portable: true }, names);
  await rm(dir, { recursive: true, force: true });
}

roundTripSuite('sqlite', (context) => {
  describe('a damaged archive is refused before anything is touched', () => {
    const attempt = async (archive: string) => {
      const target = createSqliteDatabase();
      try {
        const error = await restore({ env: envFor(target), archive }).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(BackupError);
        expect(existsSync(target.env.DATABASE_FILENAME!)).toBe(false);
        return (error as Error).message;
      } finally {
        await target.drop();
      }
    };

    it('one byte changed: the checksum does not match', async () => {
      const archive = await alteredCopy(context().backup, 'flipped.tar.gz', async (file) => {
        const bytes = await readFile(file);
        const middle = Math.floor(bytes.length / 2);
        bytes[middle] = bytes[middle]! ^ 0x01;
        await writeFile(file, bytes);
      }, { rehash: false });
      expect(await attempt(archive)).toMatch(/^Refusing .*flipped\.tar\.gz: the archive is corrupt or truncated \(\d+ bytes, sha256 [0-9a-f]{64}; flipped\.tar\.gz\.sha256 expects [0-9a-f]{64}\)/);
    });

    it('truncated, with a checksum file recomputed to match: not a readable archive', async () => {
      const archive = await alteredCopy(context().backup, 'truncated.tar.gz', (file) => truncate(file, Math.floor(context().backup.size * 0.6)), { rehash: true });
      expect(await attempt(archive)).toMatch(/^Refusing .*truncated\.tar\.gz: it cannot be read as a gzipped tar archive \(.+\); it is truncated or corrupt\./);
    });

    it('an upload altered inside a well-formed archive: its content does not match the manifest', async () => {
      const archive = await alteredCopy(context().backup, 'tampered.tar.gz', tamper, { rehash: true });
      expect(await attempt(archive)).toMatch(/^Refusing .*tampered\.tar\.gz: its content does not match its manifest:\n {2}uploads\/\S+: \d+ bytes, sha256 [0-9a-f]{64}; the manifest says/);
    });

    it('no checksum file: refused, it cannot be verified', async () => {
      const archive = path.join(context().outDir, 'lonely.tar.gz');
      await copyFile(context().backup.archive, archive);
      expect(await attempt(archive)).toMatch(/Refusing .*lonely\.tar\.gz: its checksum file lonely\.tar\.gz\.sha256 is missing/);
    });
  });

  describe('the commands', () => {
    const cli = (script: string, args: string[], env: Record<string, string | undefined>) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(packageDir, 'src/cli', script), ...args], { env: { ...env, INIT_CWD: context().outDir } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

    it('pnpm backup --json writes an archive in --out, relative to where it was typed', async () => {
      const { code, stdout, stderr } = await cli('backup.ts', ['--out', 'from-cli', '--json'], envFor(context().source));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { archive: string; size: number; files: number };
      expect(path.dirname(result.archive)).toBe(path.join(context().outDir, 'from-cli'));
      expect(result.files).toBe(context().backup.manifest.uploads.files.length);
    });

    it('pnpm restore --latest --verify-only checks the newest archive and touches nothing', async () => {
      const { code, stdout } = await cli('restore.ts', ['--latest', '--dir', 'from-cli', '--verify-only'], envFor(context().target));
      expect(code).toBe(0);
      expect(stdout).toMatch(/from-cli\/chiudete-.*\.tar\.gz: checksum and manifest verified/);
    });

    it('a bad option exits 1 with the usage', async () => {
      const { code, stderr } = await cli('backup.ts', ['--keep', '0'], envFor(context().source));
      expect(code).toBe(1);
      expect(stderr).toContain('--keep (or BACKUP_KEEP) must be a whole number >= 1 (got "0").\nUsage: pnpm backup');
    });
  });

  it('--force restores over a database and uploads that are not empty, and checks the result', async () => {
    const { target, backup } = context();
    await context().stopCms();
    const result = await restore({ env: envFor(target), archive: backup.archive, force: true });
    expect(result.manifest.database.tables).toEqual(backup.manifest.database.tables);
  });
});
