import { existsSync, mkdirSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupError } from './errors.ts';

/**
 * SQLite: `VACUUM INTO` writes a consistent, compacted copy while the CMS
 * keeps running (it is a read transaction on the live file).
 */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tablesOf(db: Database.Database): string[] {
  return (db.prepare('SELECT name FROM sqlite_master WHERE type = \'table\' AND name NOT LIKE \'sqlite\\_%\' ESCAPE \'\\\' ORDER BY name').all() as Array<{ name: string }>).map((row) => row.name);
}

export function sqliteRowCounts(filename: string): Record<string, number> {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of tablesOf(db)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    return counts;
  } finally {
    db.close();
  }
}

export function copySqlite(filename: string, destination: string): { tables: Record<string, number>; version: string } {
  if (!existsSync(filename)) throw new BackupError(`The SQLite database ${filename} does not exist: check DATABASE_FILENAME (relative to apps/cms) or DATABASE_CLIENT.`);
  const db = new Database(filename, { readonly: true, fileMustExist: true, timeout: 30_000 });
  let version: string;
  try {
    version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    db.prepare('VACUUM INTO ?').run(destination);
  } finally {
    db.close();
  }
  return { tables: sqliteRowCounts(destination), version };
}

/** Tables of the target file (none when it does not exist). */
export function sqliteTables(filename: string): string[] {
  if (!existsSync(filename)) return [];
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    return tablesOf(db);
  } finally {
    db.close();
  }
}

/** Puts the copy in place (a rename, so the target is never half-written) and drops a stale journal. */
export function restoreSqlite(copy: string, filename: string): Record<string, number> {
  mkdirSync(path.dirname(filename), { recursive: true });
  const temporary = `${filename}.restoring-${process.pid}`;
  copyFileSync(copy, temporary);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${filename}${suffix}`, { force: true });
  renameSync(temporary, filename);
  return sqliteRowCounts(filename);
}
