import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup } from '../src/index.ts';
import { postgresSkipReason, tempDir } from './helpers/cms';
import { roundTripSuite } from './helpers/round-trip-suite';

roundTripSuite('postgres');

describe.skipIf(postgresSkipReason())('pg_dump that cannot dump the server', () => {
  let dir: string;
  const env = (binDir: string) => ({ ...process.env, ENV_PATH: '/dev/null', S3_BUCKET: '', DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.TEST_POSTGRES_URL, PG_BIN_DIR: binDir });

  beforeAll(async () => {
    dir = tempDir('backup-pgbin-');
    // A pg_dump older than any server this project runs (compose runs PostgreSQL 17; Debian 12 ships client 15).
    await mkdir(path.join(dir, 'old'));
    await writeFile(path.join(dir, 'old', 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    await chmod(path.join(dir, 'old', 'pg_dump'), 0o755);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is refused before anything is written, naming the client to install', async () => {
    await expect(backup({ env: env(path.join(dir, 'old')), outDir: path.join(dir, 'out') }))
      .rejects.toThrow(/^pg_dump 9 cannot dump a PostgreSQL (\d+) server: install postgresql-client-\1 \(or newer\).*PG_BIN_DIR/);
  });

  it('a missing pg_dump says how to install it', async () => {
    await expect(backup({ env: env(path.join(dir, 'none')), outDir: path.join(dir, 'out') }))
      .rejects.toThrow(/pg_dump not found: install the PostgreSQL client .* or set PG_BIN_DIR/);
  });
});
