import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { adminViews, COMPONENT_VIEWS, SYSTEM_ATTRIBUTES } from '../src/admin-views';
import { syncAdminViews } from '../src/bootstrap/admin-views';

const ARTICLE = 'api::article.article';
const STORE_PREFIX = 'plugin_content_manager_configuration_';

interface StoredConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<StoredConfiguration>;
  updateConfiguration(model: unknown, configuration: StoredConfiguration): Promise<unknown>;
  findContentType?(uid: string): unknown;
  findComponent?(uid: string): unknown;
}

const service = (strapi: Core.Strapi, name: 'content-types' | 'components') =>
  strapi.plugin('content-manager').service(name) as unknown as ConfigurationService;

/** The stored configuration of a content type or component, through the Content Manager's services. */
async function configurationOf(strapi: Core.Strapi, uid: string): Promise<StoredConfiguration> {
  const isComponent = !uid.startsWith('api::');
  const cm = service(strapi, isComponent ? 'components' : 'content-types');
  const model = isComponent ? cm.findComponent!(uid) : cm.findContentType!(uid);
  return cm.findConfiguration(model);
}

/** Every Content Manager view configuration row of core_store, raw: key → { id, value }. */
async function storedRows(strapi: Core.Strapi): Promise<Record<string, { id: number; value: string }>> {
  const rows: Array<{ id: number; key: string; value: string }> = await strapi.db
    .query('strapi::core-store')
    .findMany({ where: { key: { $startsWith: STORE_PREFIX } } });
  return Object.fromEntries(rows.map(({ id, key, value }) => [key, { id, value }]));
}

describe('Content Manager views in code', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;

  beforeAll(async () => {
    database = createSqliteDatabase();
    cms = await startStrapi(database);
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  it('applies the article view at bootstrap: Italian labels, help texts, default sort, edit rows', async () => {
    const config = await configurationOf(cms.strapi, ARTICLE);
    expect(config.metadatas.slug!.edit).toMatchObject({
      label: 'Indirizzo della pagina (slug)',
      description: expect.stringContaining('/articoli/il-mio-primo-hater'),
    });
    expect(config.metadatas.slug!.list.label).toBe('Indirizzo della pagina (slug)');
    expect(config.metadatas.publicationDate!.edit).toMatchObject({
      label: 'Data di pubblicazione',
      description: expect.stringMatching(/\S/),
    });
    expect(config.metadatas.author!.edit.mainField).toBe('name');
    expect(config.metadatas.categories!.edit.mainField).toBe('name');
    expect(config.metadatas.book!.edit.mainField).toBe('title');
    expect(config.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'publicationDate', defaultSortOrder: 'DESC' });
    expect(config.layouts.list).toEqual(['title', 'publicationDate', 'author', 'categories', 'scheduledPublishAt']);
    expect(config.layouts.edit).toEqual(adminViews(cms.strapi)[ARTICLE]!.layouts.edit);
    expect(config.layouts.edit.slice(0, 2)).toEqual([
      [{ name: 'title', size: 12 }],
      [
        { name: 'slug', size: 6 },
        { name: 'publicationDate', size: 6 },
      ],
    ]);
    // Strapi's own fields are kept, with Italian column headers.
    expect(config.metadatas.createdAt!.list.label).toBe('Creato il');
    expect(config.metadatas.documentId).toBeDefined();
  });

  it('finds each content type\'s view in its own API (src/api/<type>/config/admin-view.ts), and every component\'s', () => {
    // Strapi loads every file of an API's config/ folder as that API's config.
    const bookView = cms.strapi.config.get<{ uid: string } | undefined>('api::book-release.admin-view');
    expect(bookView?.uid).toBe('api::book-release.book-release');
    const views = adminViews(cms.strapi);
    const contentTypes = Object.keys(cms.strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
    expect(contentTypes.length).toBeGreaterThanOrEqual(12);
    // Every content type and every component has a view, and nothing else does.
    expect(Object.keys(views).sort()).toEqual([...contentTypes, ...Object.keys(cms.strapi.components)].sort());
    expect(COMPONENT_VIEWS.every((view) => !view.uid.startsWith('api::'))).toBe(true);
  });

  it('reports a content type without a view, and a view under another API\'s folder', async () => {
    const key = 'api::video.admin-view';
    const videoView = cms.strapi.config.get<unknown>(key);
    try {
      cms.strapi.config.set(key, undefined);
      expect(adminViews(cms.strapi)).not.toHaveProperty('api::video.video');
      const missing = await syncAdminViews(cms.strapi);
      expect(missing.warnings).toContain('admin view api::video.video: missing (no Italian labels): add src/api/video/config/admin-view.ts');

      cms.strapi.config.set(key, { ...adminViews(cms.strapi)[ARTICLE]! });
      expect(adminViews(cms.strapi)[ARTICLE]).toBe(cms.strapi.config.get('api::article.admin-view'));
      expect((await syncAdminViews(cms.strapi)).warnings).toContain(
        'admin view api::video.video: missing (no Italian labels): add src/api/video/config/admin-view.ts',
      );
    } finally {
      cms.strapi.config.set(key, videoView);
    }
    expect((await syncAdminViews(cms.strapi)).warnings).toEqual([]);
  });

  it('applies every view exactly as written, without warnings', async () => {
    const result = await syncAdminViews(cms.strapi);
    expect(result.warnings).toEqual([]);
    for (const view of Object.values(adminViews(cms.strapi))) {
      const config = await configurationOf(cms.strapi, view.uid);
      expect(config.layouts.edit, view.uid).toEqual(view.layouts.edit);
      if (view.layouts.list) expect(config.layouts.list, view.uid).toEqual(view.layouts.list);
      expect(config.settings, view.uid).toMatchObject(view.settings ?? {});
      for (const [name, field] of Object.entries(view.fields)) {
        expect(config.metadatas[name]!.edit, `${view.uid}.${name}`).toMatchObject({
          label: field.label,
          description: field.description,
          editable: !field.readOnly,
          visible: field.hidden !== true,
          ...(field.placeholder === undefined ? {} : { placeholder: field.placeholder }),
          ...(field.mainField === undefined ? {} : { mainField: field.mainField }),
        });
      }
    }
  });

  it('gives every field of every content type and component an Italian label and help text', async () => {
    const system = new Set<string>(SYSTEM_ATTRIBUTES);
    const uids = [
      ...Object.keys(cms.strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
      ...Object.keys(cms.strapi.components),
    ];
    expect(uids.length).toBeGreaterThanOrEqual(13);
    const missing: string[] = [];
    for (const uid of uids) {
      const schema = ({ ...cms.strapi.contentTypes, ...cms.strapi.components } as Record<string, { attributes: object }>)[uid]!;
      const config = await configurationOf(cms.strapi, uid);
      const placed = new Set(config.layouts.edit.flat().map((field) => field.name));
      for (const name of Object.keys(schema.attributes).filter((n) => !system.has(n))) {
        const edit = config.metadatas[name]?.edit ?? {};
        const { label, description } = edit as { label?: string; description?: string };
        if (!label?.trim() || label === name) missing.push(`${uid}.${name}: label`);
        if (!description?.trim()) missing.push(`${uid}.${name}: description`);
        if (config.metadatas[name]?.list.label !== label) missing.push(`${uid}.${name}: list label`);
        if (!placed.has(name)) missing.push(`${uid}.${name}: not in the edit layout`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await storedRows(cms.strapi);
    expect(Object.keys(before)).toContain(`${STORE_PREFIX}content_types::${ARTICLE}`);
    expect(Object.keys(before)).toContain(`${STORE_PREFIX}components::shared.seo`);
    const result = await syncAdminViews(cms.strapi);
    expect(result.updated).toEqual([]);
    expect(result.unchanged.sort()).toEqual(Object.keys(adminViews(cms.strapi)).sort());
    expect(await storedRows(cms.strapi)).toEqual(before);
  });

  it('restores a label an editor changed by hand, and keeps what we do not manage', async () => {
    const cm = service(cms.strapi, 'content-types');
    const model = cm.findContentType!(ARTICLE);
    const edited = structuredClone(await cm.findConfiguration(model));
    edited.metadatas.slug!.edit.label = 'Slug';
    edited.metadatas.slug!.list.label = 'Slug';
    edited.settings.defaultSortBy = 'title';
    edited.settings.pageSize = 50;
    await cm.updateConfiguration(model, edited);
    expect((await configurationOf(cms.strapi, ARTICLE)).metadatas.slug!.edit.label).toBe('Slug');

    const result = await syncAdminViews(cms.strapi);
    expect(result.updated).toEqual([ARTICLE]);
    const restored = await configurationOf(cms.strapi, ARTICLE);
    expect(restored.metadatas.slug!.edit.label).toBe('Indirizzo della pagina (slug)');
    expect(restored.metadatas.slug!.list.label).toBe('Indirizzo della pagina (slug)');
    expect(restored.settings.defaultSortBy).toBe('publicationDate');
    expect(restored.settings.pageSize).toBe(50); // not ours: the editor's choice stays
  });

  it('warns instead of throwing on what it does not know', async () => {
    const result = await syncAdminViews(cms.strapi, {
      'book.format': {
        uid: 'book.format',
        fields: {
          format: { label: 'Formato', description: 'x' },
          note: { label: 'Nota', description: 'y' },
          colour: { label: 'Colore', description: 'z' },
        },
        settings: { mainField: 'nope', defaultSortBy: 'nope' },
        layouts: { list: ['format', 'nope'], edit: [[{ name: 'colour', size: 6 }, { name: 'format', size: 6 }]] },
      },
    });
    expect(result.warnings.join('\n')).toMatch(/"colour" is not an attribute/);
    expect(result.warnings.join('\n')).toMatch(/"nope"/);
    const config = await configurationOf(cms.strapi, 'book.format');
    // The unknown field is dropped, the forgotten one appended.
    expect(config.layouts.edit).toEqual([[{ name: 'format', size: 6 }], [{ name: 'note', size: 6 }]]);
    expect(config.metadatas).not.toHaveProperty('colour');
    await syncAdminViews(cms.strapi);
    expect((await configurationOf(cms.strapi, 'book.format')).layouts.edit).toEqual(adminViews(cms.strapi)['book.format']!.layouts.edit);
  });

  it('changes nothing when Strapi restarts on the same database', async () => {
    const restart = async () => {
      await cms.stop();
      cms = await startStrapi(database);
    };
    const withoutId = (value: string) => {
      const config = JSON.parse(value) as StoredConfiguration;
      return { ...config, metadatas: { ...config.metadatas, id: undefined } };
    };

    // First restart: the Content Manager's own sync turns `searchable` and
    // `sortable` off on the `id` of components (its defaults turn them on):
    // that is all that may change.
    const first = await storedRows(cms.strapi);
    await restart();
    const second = await storedRows(cms.strapi);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    for (const [key, row] of Object.entries(second)) {
      if (row.value === first[key]!.value) continue;
      expect(key).toMatch(/_components::/);
      expect(withoutId(row.value), key).toEqual(withoutId(first[key]!.value));
    }

    // From then on a boot writes nothing at all.
    await restart();
    expect(await storedRows(cms.strapi)).toEqual(second);
  });
});
