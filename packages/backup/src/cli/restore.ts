#!/usr/bin/env node
/**
 * pnpm restore <archive> [--force] [--verify-only] [--json]
 * pnpm restore --latest [--dir <dir>] ...
 *
 * Checks the archive (its .sha256, then every file against the manifest),
 * restores into the EMPTY database and uploads the CMS's environment points
 * at (apps/cms/.env, ENV_PATH, DATABASE_*, PUBLIC_DIR, S3_*), then checks row
 * counts and files against the manifest. --force empties a non-empty
 * database first. Stop the CMS before restoring.
 */
import { parseArgs } from 'node:util';
import { loadCmsEnvFile } from '../env.ts';
import { BackupError } from '../errors.ts';
import { latestArchive, restore } from '../restore.ts';
import { fromInvocation, main } from './main.ts';

const USAGE = 'Usage: pnpm restore <archive.tar.gz> [--force] [--verify-only] [--json]\n       pnpm restore --latest [--dir <dir>] [--force] [--verify-only] [--json]';

main(async () => {
  const { values, positionals } = parseArgs({
    options: {
      'force': { type: 'boolean', default: false },
      'verify-only': { type: 'boolean', default: false },
      'latest': { type: 'boolean', default: false },
      'dir': { type: 'string' },
      'json': { type: 'boolean', default: false },
      'help': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length > 1 || (positionals.length === 1) === values.latest) throw new BackupError(`Name one archive, or pass --latest.\n${USAGE}`);
  loadCmsEnvFile();
  const archive = values.latest
    ? await latestArchive(fromInvocation(values.dir ?? process.env.BACKUP_DIR ?? 'backups'))
    : fromInvocation(positionals[0]!);
  const result = await restore({
    env: process.env,
    archive,
    force: values.force,
    verifyOnly: values['verify-only'],
    log: values.json ? undefined : (line) => console.log(line),
  });
  if (values.json) console.log(JSON.stringify({ archive, timings: result.timings, files: result.manifest.uploads.files.length, tables: result.manifest.database.tables }));
});
