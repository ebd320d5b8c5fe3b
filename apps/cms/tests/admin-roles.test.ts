import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { ADMIN_ROLES, syncAdminRoles } from '../src/bootstrap/admin-roles';
import { MODERATION_ROUTES } from '../src/moderation/contract';
import { PRIVATE_ADMIN_TYPES, restrictDefaultRoles } from '../src/bootstrap/default-roles';

const ARTICLE = 'api::article.article';
const SUBMISSION = 'api::testimony-submission.testimony-submission';
const TESTIMONY = 'api::testimony.testimony';
const CONTACT = 'api::contact-message.contact-message';
const NEWSLETTER_ISSUE = 'api::newsletter-issue.newsletter-issue';
const NEWSLETTER_SEND = 'api::newsletter-send.newsletter-send';
const NEWSLETTER_SETTING = 'api::newsletter-setting.newsletter-setting';
const SUBSCRIBER = 'api::newsletter-subscriber.newsletter-subscriber';
const CM = 'plugin::content-manager.explorer';
const collection = (uid: string) => `/content-manager/collection-types/${uid}`;
const STRAPI_ROLES = ['strapi-super-admin', 'strapi-editor', 'strapi-author'];

interface RoleRow {
  id: number;
  code: string;
  name: string;
  description: string;
  updatedAt: string;
}
interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
  updatedAt: string;
  role: { code: string };
}

describe('admin roles (Redattore, Moderatore)', () => {
  let cms: TestStrapi;
  let redattore: string;
  let moderatore: string;

  const call = (path: string, token: string, method = 'GET', body?: unknown) =>
    fetch(`${cms.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const status = async (res: Response, expected: number, what: string) => {
    const text = await res.text();
    expect(res.status, `${what}: ${text.slice(0, 300)}`).toBe(expected);
    return text;
  };

  /** An active admin with the role of the given code, logged in over HTTP: its admin JWT. */
  const loginAs = async (code: string, email: string): Promise<string> => {
    const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
    expect(role, `role ${code}`).not.toBeNull();
    const password = 'Redazione2019!';
    const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
    await users.create({ email, firstname: code, password, isActive: true, registrationToken: null, roles: [role!.id] });
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status, `login of ${email}`).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  const roles = () =>
    cms.strapi.db.query('admin::role').findMany({ orderBy: { id: 'asc' } }) as Promise<RoleRow[]>;
  const permissions = (codes: string[]) =>
    cms.strapi.db.query('admin::permission').findMany({
      where: { role: { code: { $in: codes } } },
      populate: ['role'],
      orderBy: { id: 'asc' },
    }) as Promise<PermissionRow[]>;
  const grants = async (code: string) =>
    (await permissions([code])).map((p) => `${p.action} ${p.subject ?? ''}`.trim()).sort();

  const newArticle = (slug: string) => ({
    title: 'Il mio primo hater',
    slug,
    excerpt: 'Un operatore mi ha insultata su Facebook senza aver letto nulla.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Il titolo è una provocazione.' }] }],
    publicationDate: '2019-07-07',
  });

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
    redattore = await loginAs(ADMIN_ROLES.redattore.code, 'redattore@example.org');
    moderatore = await loginAs(ADMIN_ROLES.moderatore.code, 'moderatore@example.org');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('creates both roles at bootstrap, beside Strapi\'s own', async () => {
    const byCode = Object.fromEntries((await roles()).map((r) => [r.code, r]));
    expect(Object.keys(byCode)).toEqual(expect.arrayContaining([...STRAPI_ROLES, 'redattore', 'moderatore']));
    expect(byCode.redattore).toMatchObject({ name: 'Redattore', description: ADMIN_ROLES.redattore.description });
    expect(byCode.moderatore).toMatchObject({ name: 'Moderatore', description: ADMIN_ROLES.moderatore.description });
  });

  it('keeps every role description within the admin_roles column (255 characters: PostgreSQL refuses more, SQLite does not)', () => {
    for (const definition of Object.values(ADMIN_ROLES)) expect(definition.description.length, definition.code).toBeLessThanOrEqual(255);
  });

  it('grants exactly the listed permissions, with every field of each type', async () => {
    const redattoreGrants = await grants('redattore');
    expect(redattoreGrants.filter((g) => g.includes('testimony') || g.includes(CONTACT) || g.includes(SUBSCRIBER))).toEqual([]);
    expect(redattoreGrants).toEqual(expect.arrayContaining([
      `${CM}.create ${ARTICLE}`,
      `${CM}.publish ${ARTICLE}`,
      `${CM}.delete api::category.category`,
      `${CM}.read api::global.global`,
      `${CM}.update api::global.global`,
      'plugin::upload.assets.copy-link',
    ]));
    // No draft & publish on authors, categories and the global single type: nothing to publish, nothing to create there.
    expect(redattoreGrants).not.toContain(`${CM}.publish api::author.author`);
    expect(redattoreGrants).not.toContain(`${CM}.create api::global.global`);
    // Every public type but the moderated testimonies: read, create, update, delete (a single type: read, update), publish with draft & publish; and 5 media library actions.
    const edited = PUBLIC_CONTENT_TYPES.filter((type) => type !== 'testimony').map((type) => CONTENT_TYPE_REGISTRY[type]);
    const perType = edited.map((entry) => (entry.kind === 'singleType' ? 2 : 4) + (entry.draftAndPublish ? 1 : 0));
    // The newsletter: issues written and sent, the send log read, the weekly digest switched on (never the subscribers).
    expect(redattoreGrants.filter((g) => g.includes('newsletter'))).toEqual([
      `${CM}.create ${NEWSLETTER_ISSUE}`,
      `${CM}.delete ${NEWSLETTER_ISSUE}`,
      `${CM}.read ${NEWSLETTER_ISSUE}`,
      `${CM}.read ${NEWSLETTER_SEND}`,
      `${CM}.read ${NEWSLETTER_SETTING}`,
      `${CM}.update ${NEWSLETTER_ISSUE}`,
      `${CM}.update ${NEWSLETTER_SETTING}`,
    ]);
    expect(redattoreGrants).toHaveLength(perType.reduce((sum, count) => sum + count, 0) + 5 + 7);

    expect(await grants('moderatore')).toEqual([
      `${CM}.create ${TESTIMONY}`,
      `${CM}.delete ${SUBSCRIBER}`,
      `${CM}.delete ${SUBMISSION}`,
      `${CM}.delete ${TESTIMONY}`,
      `${CM}.publish ${TESTIMONY}`,
      `${CM}.read ${CONTACT}`,
      `${CM}.read ${SUBSCRIBER}`,
      `${CM}.read ${SUBMISSION}`,
      `${CM}.read ${TESTIMONY}`,
      `${CM}.update ${CONTACT}`,
      `${CM}.update ${SUBMISSION}`,
      `${CM}.update ${TESTIMONY}`,
    ]);

    const articleRead = (await permissions(['redattore'])).find((p) => p.action === `${CM}.read` && p.subject === ARTICLE)!;
    expect(articleRead.properties.fields).toEqual(expect.arrayContaining(['title', 'body', 'author', 'categories']));
    expect(articleRead.properties.fields!.some((f) => f.startsWith('seo.'))).toBe(true);
    expect(articleRead.properties.fields).not.toContain('createdBy');
  });

  it('lets the Redattore list and create articles, and refuses testimony submissions', async () => {
    await status(await call(collection(ARTICLE), redattore), 200, 'Redattore lists articles');
    const created = JSON.parse(
      await status(await call(collection(ARTICLE), redattore, 'POST', newArticle('il-mio-primo-hater-redattore')), 201, 'Redattore creates an article'),
    ) as { data: { documentId: string; title: string } };
    expect(created.data).toMatchObject({ title: 'Il mio primo hater' });
    await status(await call(collection(SUBMISSION), redattore), 403, 'Redattore lists submissions');
    await status(await call(collection(TESTIMONY), redattore), 403, 'Redattore lists testimonies');
  });

  it('lets the Moderatore list submissions, and refuses articles and creating a submission', async () => {
    await status(await call(collection(SUBMISSION), moderatore), 200, 'Moderatore lists submissions');
    await status(await call(collection(TESTIMONY), moderatore), 200, 'Moderatore lists testimonies');
    await status(await call(collection(ARTICLE), moderatore), 403, 'Moderatore lists articles');
    await status(
      await call(collection(ARTICLE), moderatore, 'POST', newArticle('il-mio-primo-hater-moderatore')),
      403,
      'Moderatore creates an article',
    );
    const before = await cms.strapi.db.query(SUBMISSION).count();
    await status(
      await call(collection(SUBMISSION), moderatore, 'POST', {
        submissionStatus: 'nuova', role: 'cliente', displayName: 'Finto lettore', sector: 'telefonia',
        channel: 'assistenza_telefonica', eventMonth: '2019-03', title: 'Inventata dalla redazione',
        consentToPublish: true, privacyAccepted: true, submittedAt: new Date().toISOString(),
      }),
      403,
      'Moderatore creates a submission',
    );
    expect(await cms.strapi.db.query(SUBMISSION).count()).toBe(before);
  });

  it('lets the Moderatore, not the Redattore, read contact messages and set their status; nobody creates or deletes them', async () => {
    const { documentId } = await cms.strapi.documents(CONTACT).create({
      data: { messageStatus: 'nuovo', topic: 'libro', email: 'lettrice@example.org', message: 'Il libro esiste anche in e-book?', privacyAccepted: true },
    });
    const entry = `${collection(CONTACT)}/${documentId}`;
    await status(await call(collection(CONTACT), redattore), 403, 'Redattore lists contact messages');
    await status(await call(entry, redattore), 403, 'Redattore reads a contact message');

    const list = JSON.parse(await status(await call(collection(CONTACT), moderatore), 200, 'Moderatore lists contact messages')) as { results: Array<{ documentId: string }> };
    expect(list.results.map((r) => r.documentId)).toContain(documentId);
    const read = JSON.parse(await status(await call(entry, moderatore), 200, 'Moderatore reads a contact message')) as { data: { email: string; message: string } };
    expect(read.data).toMatchObject({ email: 'lettrice@example.org', message: 'Il libro esiste anche in e-book?' });
    await status(await call(entry, moderatore, 'PUT', { messageStatus: 'risposto', internalNote: 'Risposto da Candy.' }), 200, 'Moderatore marks it answered');
    expect(await cms.strapi.db.query(CONTACT).findOne({ where: { documentId } })).toMatchObject({ messageStatus: 'risposto', internalNote: 'Risposto da Candy.' });

    const before = await cms.strapi.db.query(CONTACT).count();
    await status(await call(collection(CONTACT), moderatore, 'POST', { topic: 'altro', email: 'finto@example.org', message: 'Inventato dalla redazione.' }), 403, 'Moderatore creates a contact message');
    await status(await call(entry, moderatore, 'DELETE'), 403, 'Moderatore deletes a contact message');
    expect(await cms.strapi.db.query(CONTACT).count()).toBe(before);
  });

  it('lets the Moderatore, not the Redattore, use the moderation routes', async () => {
    const { documentId } = await cms.strapi.documents(SUBMISSION).create({
      data: {
        submissionStatus: 'nuova', role: 'cliente', displayName: 'Marta da Bari', sector: 'telefonia',
        channel: 'assistenza_telefonica', eventMonth: '2019-03', title: 'Tre chiamate, tre risposte diverse',
        story: 'Ogni operatore mi ha dato una risposta diversa sulla stessa bolletta.',
        consentToPublish: true, privacyAccepted: true, submittedAt: new Date().toISOString(),
      },
    });
    await status(await call(MODERATION_ROUTES.personalData(documentId), redattore), 403, 'Redattore reads the report');
    await status(await call(MODERATION_ROUTES.inReview(documentId), redattore, 'POST', {}), 403, 'Redattore takes it in review');
    await status(await call(MODERATION_ROUTES.personalData(documentId), moderatore), 200, 'Moderatore reads the report');
    await status(await call(MODERATION_ROUTES.inReview(documentId), moderatore, 'POST', {}), 200, 'Moderatore takes it in review');
  });

  it('changes nothing on a second run: role and permission rows stay as they are', async () => {
    const everyCode = [...STRAPI_ROLES, 'redattore', 'moderatore'];
    const rolesBefore = await roles();
    const permissionsBefore = await permissions(everyCode);

    const result = await syncAdminRoles(cms.strapi);

    expect(result).toEqual({ created: [], updated: [], unchanged: ['redattore', 'moderatore'] });
    expect(await roles()).toEqual(rolesBefore);
    expect(await permissions(everyCode)).toEqual(permissionsBefore);
  });

  it('restores a permission removed by hand, and the access that goes with it', async () => {
    const [articleCreate] = (await permissions(['redattore'])).filter((p) => p.action === `${CM}.create` && p.subject === ARTICLE);
    await cms.strapi.db.query('admin::permission').delete({ where: { id: articleCreate!.id } });
    await status(
      await call(collection(ARTICLE), redattore, 'POST', newArticle('senza-permesso')),
      403,
      'Redattore creates an article without the permission',
    );

    const result = await syncAdminRoles(cms.strapi);

    expect(result).toEqual({ created: [], updated: ['redattore'], unchanged: ['moderatore'] });
    expect(await grants('redattore')).toContain(`${CM}.create ${ARTICLE}`);
    await status(
      await call(collection(ARTICLE), redattore, 'POST', newArticle('permesso-ripristinato')),
      201,
      'Redattore creates an article once the permission is back',
    );
  });

  it('finds its roles by code, not by name: a renamed role gets its name back', async () => {
    const { id } = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'moderatore' } })) as RoleRow;
    await cms.strapi.db.query('admin::role').update({ where: { id }, data: { name: 'Moderatori (vecchio nome)' } });

    const result = await syncAdminRoles(cms.strapi);

    expect(result.updated).toEqual(['moderatore']);
    expect(await cms.strapi.db.query('admin::role').count({ where: { code: 'moderatore' } })).toBe(1);
    expect(await cms.strapi.db.query('admin::role').findOne({ where: { code: 'moderatore' } })).toMatchObject({ id, name: 'Moderatore' });
  });
  it('takes private types back from Strapi\'s default Editor and Author roles: an Editor cannot read submissions or contact messages', async () => {
    const grants = (await cms.strapi.db.query('admin::permission').findMany({
      where: { subject: { $in: [...PRIVATE_ADMIN_TYPES] } },
      populate: ['role'],
    })) as PermissionRow[];
    expect(grants.map((grant) => grant.role.code).filter((code) => code === 'strapi-editor' || code === 'strapi-author')).toEqual([]);
    expect(await restrictDefaultRoles(cms.strapi)).toBe(0);
    const editor = await loginAs('strapi-editor', 'editor-privato@example.org');
    await status(await call(collection(SUBMISSION), editor), 403, 'Editor lists submissions');
    await status(await call(collection(CONTACT), editor), 403, 'Editor lists contact messages');
    await status(await call(collection(ARTICLE), editor), 200, 'Editor lists articles');
  });
  it('hides what editors never need: users, webhook collections, the Content-Type Builder, the Marketplace, Settings', async () => {
    // What the admin's menu and routes are built from: the user's own permissions.
    const FORBIDDEN_ACTIONS = [
      'admin::marketplace.read',
      'plugin::content-type-builder.read',
      'admin::users.read',
      'admin::roles.read',
      'admin::webhooks.read',
      'admin::api-tokens.read',
      'plugin::users-permissions.roles.read',
    ];
    const HIDDEN_TYPES = ['plugin::users-permissions.user', 'api::partner-webhook.partner-webhook', 'api::webhook-delivery.webhook-delivery'];
    for (const [code, token] of [['redattore', redattore], ['moderatore', moderatore]] as const) {
      const own = JSON.parse(await status(await call('/admin/users/me/permissions', token), 200, `${code} reads its permissions`)) as {
        data: Array<{ action: string; subject: string | null }>;
      };
      expect(own.data.filter((p) => FORBIDDEN_ACTIONS.includes(p.action)).map((p) => p.action), code).toEqual([]);
      expect(own.data.filter((p) => p.subject && HIDDEN_TYPES.includes(p.subject)).map((p) => `${p.action} ${p.subject}`), code).toEqual([]);

      // And the admin API refuses them, whatever the menu shows.
      for (const uid of HIDDEN_TYPES) await status(await call(collection(uid), token), 403, `${code} lists ${uid}`);
      await status(await call('/admin/users', token), 403, `${code} lists the admin users`);
      await status(await call('/admin/webhooks', token), 403, `${code} lists Strapi's webhooks`);
      await status(await call('/content-type-builder/content-types', token), 403, `${code} opens the Content-Type Builder`);
    }
  });
});
