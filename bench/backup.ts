// pnpm backup / pnpm restore, timed: the demo content, then the same database
// with 100,000 generated testimonies added (`seed:scale`), on PostgreSQL,
// with the uploads on disk. For each: backup time (pg_dump in its snapshot,
// the uploads hashed, the archive written and read back), archive size, and
// restore time (checksum and manifest verified, extract, pg_restore in one
// transaction + ANALYZE, uploads copied, row counts and files checked) into a
// new empty database and uploads folder.
//
//   pnpm bench:backup        # builds the CMS first (seed:scale runs its dist/), then node bench/backup.ts
//
// Options (environment): BENCH_BACKUP_TESTIMONIES (100000), BENCH_POSTGRES_URL
// (a user that may create databases; default TEST_POSTGRES_URL, then
// postgres://postgres@127.0.0.1:5432/postgres). Databases and folders are
// created with unique names and removed at the end, whatever happens.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { backup, restore } from '../packages/backup/src/index.ts';
import { E2E_ADMIN, root } from '../e2e/stack.ts';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const cmsDir = path.join(root, 'apps/cms');
const pg = createRequire(path.join(cmsDir, 'package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };
const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const testimonies = Number(process.env.BENCH_BACKUP_TESTIMONIES ?? 100_000);
const secret = () => randomBytes(24).toString('base64');
const cleanups: Array<() => Promise<void> | void> = [];

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new empty database and public folder: the CMS environment pointing at them. */
async function createTarget(label: string): Promise<Record<string, string>> {
  const name = `bench_backup_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await sql(`CREATE DATABASE ${name}`);
  cleanups.push(() => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const publicDir = mkdtempSync(path.join(os.tmpdir(), `bench-backup-${label}-`));
  mkdirSync(path.join(publicDir, 'uploads'));
  cleanups.push(() => rmSync(publicDir, { recursive: true, force: true }));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), PUBLIC_DIR: publicDir, S3_BUCKET: '' };
}

function seed(env: Record<string, string>, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'scripts/seed-scale.ts', '--testimonies', String(count), '--no-compile'], {
      cwd: cmsDir,
      env: {
        ...process.env, ...env, ENV_PATH: '/dev/null', NODE_ENV: 'test', CRON_ENABLED: 'false', STRAPI_TELEMETRY_DISABLED: 'true',
        SEED_DEMO_CONTENT: 'true', SEED_ADMIN_EMAIL: E2E_ADMIN.email, SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
        APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:scale exited with ${code}:\n${stderr.slice(-2000)}`))));
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function measure(label: string, source: Record<string, string>, outDir: string): Promise<string> {
  const env = { ...process.env, ENV_PATH: '/dev/null', ...source };
  const backedUp = await backup({ env, outDir });
  const target = await createTarget('restore');
  const restored = await restore({ env: { ...process.env, ENV_PATH: '/dev/null', ...target }, archive: backedUp.archive });
  const { manifest } = backedUp;
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  const b = backedUp.timings;
  const r = restored.timings;
  return `| ${label} | ${rows.toLocaleString('en')} | ${mb(manifest.database.file.size)} | ${manifest.uploads.files.length} (${mb(manifest.uploads.totalBytes)} MB) | ${mb(backedUp.size)} | ${b.total} (dump ${b.database}, archive ${b.archive}, read back ${b.verify}) | ${r.total} (verify ${r.verify}, pg_restore+ANALYZE ${r.database}, check ${r.check}) |`;
}

async function main(): Promise<void> {
  const source = await createTarget('source');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-backup-out-'));
  cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
  const lines = [
    `Measured ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, PostgreSQL on the same machine, uploads on local disk.`,
    '',
    '| content | rows | dump (MB) | uploads | archive (MB) | backup (s) | restore (s) |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  console.error('Seeding the demo content...');
  await seed(source, 0);
  lines.push(await measure('demo content', source, outDir));
  console.error(`Adding ${testimonies} testimonies...`);
  await seed(source, testimonies);
  lines.push(await measure(`demo + ${testimonies.toLocaleString('en')} testimonies`, source, outDir));
  console.log(lines.join('\n'));
}

main().then(
  async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  },
  async (error: unknown) => {
    console.error(error);
    for (const cleanup of cleanups.reverse()) await cleanup();
    process.exitCode = 1;
  },
);
