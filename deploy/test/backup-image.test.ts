// The backup image (packages/backup/Dockerfile) without Docker: its PostgreSQL
// major matches the compose server's, and the very `pnpm deploy` copy it ships
// runs through its entry point: a backup of a real PostgreSQL database, then
// `restore --latest` into a scratch database, as docs/deploy.md's monthly test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from './helpers/nginx.ts';

const dockerfile = readFileSync(path.join(repoRoot, 'packages/backup/Dockerfile'), 'utf8');
const argOf = (text: string, name: string) => new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(text)?.[1];
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { image?: string }> };

const temp = mkdtempSync(path.join(os.tmpdir(), 'deploy-backup-image-'));
const deployed = path.join(temp, 'opt/chiudete-backup');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The image's entry point, as `docker run chiudete-backup <args>` runs it (ENTRYPOINT ["/bin/sh", ".../entrypoint.sh"]). */
const entrypoint = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('/bin/sh', [path.join(deployed, 'entrypoint.sh'), ...args], {
    encoding: 'utf8',
    cwd: deployed,
    // The image's own environment (Dockerfile ENV), then the service's.
    env: { PATH: process.env.PATH!, NODE_ENV: 'production', ENV_PATH: '/dev/null', CMS_DIR: path.join(temp, 'no-cms'), ...env },
  });

describe('packages/backup/Dockerfile', () => {
  it('dumps with the PostgreSQL major of the compose server, on the Node image of the apps', () => {
    const serverMajor = /^postgres:(\d+)-/.exec(compose.services.postgres!.image!)?.[1];
    expect(argOf(dockerfile, 'POSTGRES_IMAGE')).toBe(`postgres:${serverMajor}-bookworm`);
    const nodeImage = argOf(readFileSync(path.join(repoRoot, 'apps/cms/Dockerfile'), 'utf8'), 'NODE_IMAGE');
    expect(argOf(dockerfile, 'NODE_IMAGE')).toBe(nodeImage);
    expect(nodeImage).toMatch(/-bookworm-/);
    expect(dockerfile).toContain('RUN pnpm deploy --filter @chiudete/backup --prod /prod/backup');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/bin\/sh", "\/opt\/chiudete-backup\/entrypoint\.sh"\]$/m);
    expect(dockerfile).toMatch(/^USER chiudete$/m);
  });

  it('leaves the archives (./backups, in the build context) out of every image', () => {
    const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toContain('backups');
  });

  it('runs as the uid the Kubernetes CronJob runs it with', () => {
    const [cronJob] = parseAllDocuments(readFileSync(path.join(repoRoot, 'deploy/kubernetes/base/backup.yaml'), 'utf8')).map((document) => document.toJS() as { spec: { jobTemplate: { spec: { template: { spec: { securityContext: { runAsUser: number; runAsGroup: number } } } } } } });
    const { runAsUser, runAsGroup } = cronJob!.spec.jobTemplate.spec.template.spec.securityContext;
    expect(dockerfile).toContain(`useradd --uid ${runAsUser} --gid ${runAsGroup} `);
  });
});

describe('the deployed package, through the entry point', () => {
  beforeAll(() => {
    // The Dockerfile's step, from the workspace's lockfile and store.
    execFileSync('pnpm', ['deploy', '--filter', '@chiudete/backup', '--prod', deployed], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
  }, 120_000);

  it('holds the sources and production dependencies only', () => {
    expect(readdirSync(path.join(deployed, 'src/cli')).sort()).toEqual(['backup.ts', 'main.ts', 'restore.ts']);
    expect(readdirSync(path.join(deployed, 'src')).filter((name) => name.endsWith('.test.ts'))).toEqual([]);
    expect(readdirSync(path.join(deployed, 'node_modules')).filter((name) => !name.startsWith('.')).sort()).toEqual(['@aws-sdk', 'better-sqlite3', 'pg', 'tar', 'zod']);
  });

  it('backs up by default, restores with `restore`, and refuses anything else', () => {
    expect(entrypoint(['--help']).stdout).toContain('Usage: pnpm backup');
    expect(entrypoint(['backup', '--help']).stdout).toContain('Usage: pnpm backup');
    const restore = entrypoint(['restore', '--help']);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('pnpm restore --latest');
    const typo = entrypoint(['resotre', '--latest']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('Unknown command "resotre"');
    expect(entrypoint(['--keep', '0']).stderr).toContain('--keep (or BACKUP_KEEP) must be a whole number');
  });

  const postgresUrl = process.env.TEST_POSTGRES_URL;
  if (!postgresUrl && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set.');

  describe.skipIf(!postgresUrl)('on PostgreSQL (TEST_POSTGRES_URL)', () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const source = `deploy_backup_src_${suffix}`;
    const scratch = `deploy_backup_scratch_${suffix}`;
    const urlOf = (database: string) => Object.assign(new URL(postgresUrl!), { pathname: `/${database}` }).toString();
    /** psql (postgresql-client, next to the pg_dump the tool needs): one statement, its rows as text. */
    const sql = (url: string, statement: string) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-Atc', statement], { encoding: 'utf8' }).trim();

    beforeAll(() => {
      sql(postgresUrl!, `CREATE DATABASE ${source}`);
      sql(postgresUrl!, `CREATE DATABASE ${scratch}`);
      sql(urlOf(source), 'CREATE TABLE testimonies (id serial PRIMARY KEY, body text NOT NULL)');
      sql(urlOf(source), 'INSERT INTO testimonies (body) SELECT \'testimony \' || n FROM generate_series(1, 250) AS n');
    });
    afterAll(() => {
      sql(postgresUrl!, `DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
      sql(postgresUrl!, `DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    });

    it('backs up the database and uploads into BACKUP_DIR, then restores the newest archive into a scratch database', async () => {
      const backups = path.join(temp, 'backups');
      const uploads = path.join(temp, 'public/uploads');
      mkdirSync(uploads, { recursive: true });
      writeFileSync(path.join(uploads, 'poster.txt'), 'Chiudete i call center');
      const service = { DATABASE_CLIENT: 'postgres', BACKUP_DIR: backups, BACKUP_KEEP: '1' };

      for (let run = 0; run < 2; run += 1) {
        const backup = entrypoint([], { ...service, DATABASE_URL: urlOf(source), PUBLIC_DIR: path.join(temp, 'public') });
        expect(backup.status, backup.stderr).toBe(0);
        if (run === 0) await new Promise((resolve) => setTimeout(resolve, 1100)); // archives are named by the second
      }
      const archives = readdirSync(backups).filter((name) => name.endsWith('.tar.gz'));
      expect(archives, 'BACKUP_KEEP=1').toHaveLength(1);

      // The monthly test: the newest archive into an empty database and a throw-away uploads folder.
      const restored = path.join(temp, 'restored');
      const restore = entrypoint(['restore', '--latest'], { ...service, DATABASE_URL: urlOf(scratch), PUBLIC_DIR: restored });
      expect(restore.status, restore.stderr).toBe(0);
      expect(readFileSync(path.join(restored, 'uploads/poster.txt'), 'utf8')).toBe('Chiudete i call center');
      expect(sql(urlOf(scratch), 'SELECT count(*) FROM testimonies')).toBe('250');

      // A second restore into the now-used database is refused without --force.
      const again = entrypoint(['restore', '--latest'], { ...service, DATABASE_URL: urlOf(scratch), PUBLIC_DIR: restored });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('not empty');
    }, 120_000);
  });
});
