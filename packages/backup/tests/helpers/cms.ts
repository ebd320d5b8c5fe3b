import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import type { RunningStrapi } from '../../../../apps/cms/tests/helpers/strapi';

// The CMS's own test helpers: a temp SQLite file or PostgreSQL database with a temp public folder, and Strapi in-process.
export { createPostgresDatabase, createSqliteDatabase, postgresSkipReason, type TestDatabase } from '../../../../apps/cms/tests/helpers/database';
export { startStrapi, type RunningStrapi } from '../../../../apps/cms/tests/helpers/strapi';

/** Content types of the demo seed (SEEDED_TYPES of @chiudete/demo-content), plus what Strapi itself keeps. */
const TYPES = [
  'api::global.global',
  'api::author.author',
  'api::category.category',
  'api::book-release.book-release',
  'api::article.article',
  'api::answer.answer',
  'api::testimony.testimony',
  'api::video.video',
  'plugin::upload.file',
  'admin::user',
  'admin::role',
  'admin::api-token',
  'plugin::users-permissions.permission',
] as const;

export interface CmsSnapshot {
  /** Every row of every type above, all columns, in id order (JSON round trip: dates as strings). */
  rows: Record<string, unknown[]>;
  /** Every document of the content types, draft and published, with its relations and media one level deep. */
  documents: Record<string, unknown[]>;
  /** Every URL of an uploaded file (originals and formats). */
  fileUrls: string[];
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function snapshotCms(strapi: Core.Strapi): Promise<CmsSnapshot> {
  const rows: Record<string, unknown[]> = {};
  const documents: Record<string, unknown[]> = {};
  for (const uid of TYPES) {
    rows[uid] = json(await strapi.db.query(uid).findMany({ orderBy: { id: 'asc' } }));
    if (uid.startsWith('api::')) {
      const service = strapi.documents(uid as UID.ContentType);
      documents[uid] = json([
        ...(await service.findMany({ status: 'draft', populate: '*', sort: 'id:asc' })),
        ...(await service.findMany({ status: 'published', populate: '*', sort: 'id:asc' })),
      ]);
    }
  }
  const files = rows['plugin::upload.file'] as Array<{ url: string; formats: Record<string, { url: string }> | null }>;
  const fileUrls = files.flatMap((file) => [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]).sort();
  return { rows, documents, fileUrls };
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** sha256 of each local upload, read from the public folder (url `/uploads/x.png` → <publicDir>/uploads/x.png). */
export async function fileHashesOnDisk(publicDir: string, urls: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const url of urls) hashes[url] = sha256(await readFile(path.join(publicDir, url)));
  return hashes;
}

/** sha256 of each file as the running CMS serves it over HTTP. */
export async function fileHashesServed(cms: RunningStrapi, urls: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const url of urls) {
    const response = await fetch(`${cms.url}${url}`);
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    hashes[url] = sha256(new Uint8Array(await response.arrayBuffer()));
  }
  return hashes;
}

export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/** The environment backup/restore see: the test process's, pointed at one database and public folder. */
export const envFor = (database: { env: Record<string, string> }) => ({ ...process.env, ENV_PATH: '/dev/null', S3_BUCKET: '', ...database.env });
