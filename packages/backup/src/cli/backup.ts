#!/usr/bin/env node
/**
 * pnpm backup [--out <dir>] [--keep <n>] [--json]
 *
 * The CMS's database and uploads into <dir>/chiudete-<UTC time>.tar.gz plus
 * its .sha256. Reads the CMS's configuration from the environment and
 * apps/cms/.env (ENV_PATH), as Strapi does. Defaults: --out $BACKUP_DIR or
 * ./backups, --keep $BACKUP_KEEP or every archive kept.
 */
import { parseArgs } from 'node:util';
import { backup } from '../backup.ts';
import { loadCmsEnvFile } from '../env.ts';
import { BackupError } from '../errors.ts';
import { fromInvocation, main } from './main.ts';

const USAGE = 'Usage: pnpm backup [--out <dir>] [--keep <n>] [--json]';

main(async () => {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, keep: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  loadCmsEnvFile();
  const keepText = values.keep ?? process.env.BACKUP_KEEP;
  if (keepText !== undefined && !/^[1-9]\d*$/.test(keepText)) throw new BackupError(`--keep (or BACKUP_KEEP) must be a whole number >= 1 (got "${keepText}").\n${USAGE}`);
  const result = await backup({
    env: process.env,
    outDir: fromInvocation(values.out ?? process.env.BACKUP_DIR ?? 'backups'),
    keep: keepText === undefined ? undefined : Number(keepText),
    log: values.json ? undefined : (line) => console.log(line),
  });
  if (values.json) {
    const { manifest, ...rest } = result;
    console.log(JSON.stringify({ ...rest, files: manifest.uploads.files.length, uploadBytes: manifest.uploads.totalBytes, databaseBytes: manifest.database.file.size, tables: manifest.database.tables }));
  }
});
