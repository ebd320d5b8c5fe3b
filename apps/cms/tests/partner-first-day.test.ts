import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookPayload } from '@chiudete/types/webhooks';
import { PUBLIC_CONTENT_TYPES, publicContentType } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken } from './helpers/webhook-receiver';

/**
 * A partner's first day: a project of its own installs the client from the
 * tarball the repository packs (`npm pack` of packages/types, as published),
 * and a script written from the docs reads every collection with a read-only
 * token, syncs, meets a 404 as a typed error and verifies a signed delivery,
 * against the real CMS with the demo content. Nothing of the monorepo is on
 * its module path: only what the tarball ships and declares.
 */

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const typesPackage = path.resolve(here, '..', '..', '..', 'packages', 'types');

interface FirstDay {
  counts: Record<string, number>;
  siteName: string;
  synced: string[];
  cursor: string;
  missing: number | string;
  verified: boolean;
  forged: boolean;
}

describe('a partner\'s first day with the packed client', () => {
  let cms: TestStrapi;
  let project: string;
  let token: string;

  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'partner-first-day-'));
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
    token = await createReadOnlyToken(cms.strapi, 'First day partner');
    // The package as it would be published (dist/ was built by `pnpm build:packages`).
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: typesPackage });
    const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'partner-first-day', private: true, type: 'module' }));
    await run('pnpm', ['add', `./${path.basename(filename)}`, '--prefer-offline', '--ignore-workspace'], { cwd: project, timeout: 120_000 });
    copyFileSync(path.join(here, 'partner-first-day', 'first-day.mjs'), path.join(project, 'first-day.mjs'));
  }, 180_000);

  afterAll(async () => {
    await cms?.stop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('reads every collection, syncs, gets typed errors and verifies a delivery, from ESM', async () => {
    const body = JSON.stringify({ type: 'content.published', data: { documentId: 'x' } });
    const secret = 'whsec_first_day_partner_secret_0123456789';
    const { stdout } = await run(process.execPath, ['first-day.mjs'], {
      cwd: project,
      env: { PATH: process.env.PATH, CMS_URL: cms.url, CMS_TOKEN: token, DELIVERY_BODY: body, DELIVERY_HEADER: signWebhookPayload({ payload: body, secret }), WEBHOOK_SECRET: secret },
    });
    const day = JSON.parse(stdout.trim().split('\n').at(-1)!) as FirstDay;

    // What the CMS itself holds, published.
    for (const type of PUBLIC_CONTENT_TYPES) {
      const entry = publicContentType(type);
      if (entry.kind !== 'collectionType') continue;
      const published = await cms.strapi.documents(entry.uid as never).count({ status: 'published' } as never);
      expect(day.counts[entry.client], entry.client).toBe(published);
      expect(published, entry.client).toBeGreaterThan(0);
    }
    const articles = (await cms.strapi.documents('api::article.article').findMany({ status: 'published', fields: ['slug'] })) as Array<{ slug: string }>;
    expect([...day.synced].sort()).toEqual(articles.map((a) => a.slug).sort());
    expect(day.cursor).toMatch(/^\d{4}-\d\d-\d\dT/);
    const global = (await cms.strapi.documents('api::global.global').findFirst({ status: 'published' })) as { siteName: string };
    expect(day.siteName).toBe(global.siteName);
    expect(day.missing).toBe(404);
    expect([day.verified, day.forged]).toEqual([true, false]);
  });

  it('loads from CommonJS too, with the declared dependencies only', async () => {
    const script = 'const t = require("@chiudete/types"); const w = require("@chiudete/types/webhooks"); console.log(typeof t.createStrapiClient, typeof w.verifyWebhookSignature)';
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: project });
    expect(stdout.trim()).toBe('function function');
  });
});
