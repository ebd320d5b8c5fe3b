import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_CLIENTS } from './generated/clients';
import { CONTENT_TYPE_NAMES, CONTENT_TYPE_REGISTRY, DRAFT_AND_PUBLISH_TYPES, SCHEDULED_CONTENT_TYPES, PUBLIC_CONTENT_TYPES, RELATED_TYPES, SITEMAP_CONTENT_TYPES, hasEntryPages, linkedTypes, publicContentType, publicTypeOfUid, sitePath } from './registry';

const apiDir = new URL('../../../apps/cms/src/api/', import.meta.url);

/** Every content type of the CMS, as its schema.json says it. */
const schemas = readdirSync(apiDir, { withFileTypes: true })
  .filter((dir) => dir.isDirectory() && existsSync(new URL(`${dir.name}/content-types/`, apiDir)))
  .flatMap((dir) => readdirSync(new URL(`${dir.name}/content-types/`, apiDir)).map((name) => ({
    uid: `api::${dir.name}.${name}`,
    schema: JSON.parse(readFileSync(new URL(`${dir.name}/content-types/${name}/schema.json`, apiDir), 'utf8')) as {
      kind: string;
      info: { singularName: string; pluralName: string };
      options?: { draftAndPublish?: boolean };
      attributes: Record<string, unknown>;
    },
  })));

describe('the registry of content types', () => {
  it('has an entry for every Strapi content type, and none without one (add it to src/registry/table.ts, then `pnpm types:generate`)', () => {
    expect(schemas.length).toBeGreaterThan(0);
    const registered = CONTENT_TYPE_NAMES.map((type) => CONTENT_TYPE_REGISTRY[type].uid).sort();
    expect(registered).toEqual(schemas.map(({ uid }) => uid).sort());
  });

  it('says what each schema says (run `pnpm types:generate` after changing one)', () => {
    for (const { uid, schema } of schemas) {
      const entry = CONTENT_TYPE_REGISTRY[schema.info.singularName as keyof typeof CONTENT_TYPE_REGISTRY];
      expect(entry.uid, uid).toBe(uid);
      expect(entry.kind, uid).toBe(schema.kind);
      expect(entry.restPath, uid).toBe(schema.kind === 'singleType' ? schema.info.singularName : schema.info.pluralName);
      expect(entry.draftAndPublish, uid).toBe(schema.options?.draftAndPublish === true);
      expect(entry.scheduled, uid).toBe('scheduledPublishAt' in schema.attributes);
    }
  });

  it('gives the REST client one member per public type, at its REST path', () => {
    expect(Object.keys(CONTENT_CLIENTS).sort()).toEqual(PUBLIC_CONTENT_TYPES.map((type) => publicContentType(type).client).sort());
    for (const type of PUBLIC_CONTENT_TYPES) {
      const { client, restPath } = publicContentType(type);
      expect(CONTENT_CLIENTS[client as keyof typeof CONTENT_CLIENTS].path, type).toBe(restPath);
    }
  });

  it('schedules only public draft-and-publish types (the CMS publishes them)', () => {
    for (const type of SCHEDULED_CONTENT_TYPES) expect(DRAFT_AND_PUBLISH_TYPES, type).toContain(type);
  });

  it('knows the public types by UID, and nothing else', () => {
    expect(publicTypeOfUid('api::article.article')).toBe('article');
    expect(publicTypeOfUid('api::testimony-submission.testimony-submission')).toBeUndefined();
    expect(publicTypeOfUid('api::__proto__.__proto__')).toBeUndefined();
    expect(publicTypeOfUid(undefined)).toBeUndefined();
    for (const type of PUBLIC_CONTENT_TYPES) expect(publicTypeOfUid(CONTENT_TYPE_REGISTRY[type].uid)).toBe(type);
  });

  it('derives related types from the relations between public types', () => {
    expect([...RELATED_TYPES].sort()).toEqual(['answer', 'article', 'author', 'book-release', 'category']);
    expect(linkedTypes('article').sort()).toEqual(['answer', 'author', 'book-release', 'category']);
    expect(linkedTypes('testimony')).toEqual([]);
  });

  it('keeps the sitemap source order: types with a page per entry, then those with one page (the book), each in the table\'s order', () => {
    const inSitemap = PUBLIC_CONTENT_TYPES.filter((type) => publicContentType(type).sitemap);
    expect([...SITEMAP_CONTENT_TYPES]).toEqual([...inSitemap.filter(hasEntryPages), ...inSitemap.filter((type) => !hasEntryPages(type))]);
  });
});

describe('sitePath', () => {
  it('is the page of an entry, its slug encoded as one path segment', () => {
    expect(sitePath('article', 'il-caso')).toBe('/articoli/il-caso');
    expect(sitePath('author', 'a/b c')).toBe('/autori/a%2Fb%20c');
    expect(sitePath('testimony', 'x')).toBe('/testimonianze/x');
  });

  it('is the type\'s one page for types without a page per entry, and its list without a slug', () => {
    expect(sitePath('video', 'v1')).toBe('/video');
    expect(sitePath('book-release', 'x')).toBe('/libro');
    expect(sitePath('global', null)).toBe('/');
    expect(sitePath('category', null)).toBe('/categorie');
  });
});
