import { ContentSchemas, sharedContentSchemas } from './content-schemas';
import { envelopes, headers, parameters, responses } from './components';
import { customOperations } from './custom-operations';
import type { Schema } from './json-schema';
import type { AppModel, RouteModel } from './model';
import { readOperations } from './read-operations';

/**
 * Strapi's generated document, corrected into the contract of the public
 * API. From the generated document we keep the list of routes (checked
 * against the app's own) and the query parameters Strapi accepts (checked
 * against those documented here); everything else is rebuilt from the
 * content model, the populate middlewares and the custom routes, because
 * the generator describes write routes that do not exist, plugin routes
 * the public may not call, a JWT login we do not have, drafts, wrong
 * identifiers and unpopulated shapes, and no headers, caching or errors.
 */

/** Query parameters of core routes that Strapi accepts but the contract leaves out, with the reason. */
const DROPPED_QUERY_PARAMETERS: Record<string, string> = {
  publicationFilter: 'selects draft/published cohorts: meaningful only with drafts, which are never served',
  hasPublishedVersion: 'deprecated by Strapi, and only meaningful with drafts',
};

/** Query parameters of core routes that the contract documents (as components or per operation). */
const DOCUMENTED_QUERY_PARAMETERS = new Set([
  'fields', 'populate', 'filters', 'sort', '_q', 'status',
  'pagination[page]', 'pagination[pageSize]', 'pagination[start]', 'pagination[limit]', 'pagination[withCount]',
]);

interface RawOperation {
  parameters?: Array<{ name?: string; in?: string }>;
}

type RawDocument = Schema & { 'paths'?: Record<string, Record<string, RawOperation>>; 'x-strapi-version'?: string };

/** `/articles/:id` and `/articles/{id}` → `/articles/{}`. */
const pathKey = (path: string) => path.replace(/:[A-Za-z0-9_]+/g, '{}').replace(/\{[^}]*\}/g, '{}').replace(/(.)\/$/, '$1');
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const INFO_DESCRIPTION = [
  'Published content of «Chiudete i Call Center in outsourcing», an Italian consumer-advocacy project: articles, testimonies of customers and call-center operators, "Risposte precise", the book, videos, plus the public forms of the site.',
  '',
  '**Access.** Reads need no credentials. Partners get a read-only API token from the redazione and send it as `Authorization: Bearer <token>`: a higher rate limit, and `Cache-Control: private`. The API is read-only for everyone: `POST`/`PUT`/`DELETE` on content answer `405 Method Not Allowed`. Drafts are never served (`status=draft` answers 403) and private attributes (`createdBy`, `updatedBy`, scheduling fields, anything of a testimony\'s submitter) are never returned, filtered or sorted on.',
  '',
  '**Shapes.** Without `fields` or `populate`, each type comes in its default shape (relations and media populated by the CMS, the same the site uses); `fields`/`populate` give the `…Selection` shapes. Content text is Italian.',
  '',
  '**Caching.** 200 answers to `GET` carry `ETag` (and `Last-Modified` when they contain entries); send `If-None-Match` to get `304 Not Modified`.',
  '',
  '**Limits.** `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy` on every read; `429` with `Retry-After` past the limit.',
  '',
  '**Errors.** Strapi\'s envelope `{ "data": null, "error": { "status", "name", "message", "details" } }`; the API is strict: an unknown query parameter answers 400 naming it.',
  '',
  'Partner guide, incremental sync, webhooks and attribution rules: `docs/partners.md` in the repository.',
].join('\n');

export interface Contract {
  document: Schema;
  /** Routes left out of the contract, with the reason (printed by the script). */
  excluded: string[];
}

export function buildContract(raw: RawDocument, model: AppModel, readableTypes: readonly string[]): Contract {
  const appRoutes = model.routes.filter((route) => route.owner.startsWith('api::'));
  const pluginRoutes = model.routes.filter((route) => route.owner.startsWith('plugin::'));
  const custom = customOperations(model);
  const problems: string[] = [];
  const excluded: string[] = [];

  // Every path Strapi generated must be a route of the app or of a plugin.
  const known = new Set(model.routes.map((route) => pathKey(route.path)));
  for (const path of Object.keys(raw.paths ?? {})) {
    if (!known.has(pathKey(path))) problems.push(`The generator lists ${path}, which no content-API route of the app or its plugins has.`);
  }
  const rawPaths = new Set(Object.keys(raw.paths ?? {}).map(pathKey));
  for (const route of appRoutes) {
    if (!rawPaths.has(pathKey(route.path))) problems.push(`${route.method} ${route.path} is missing from the generated document.`);
  }
  for (const route of pluginRoutes) {
    excluded.push(`${route.method} ${route.path} (${route.owner}: not public; the Public role and read-only tokens get 403 or 404)`);
  }

  // Accepted query parameters: documented, or dropped for a stated reason.
  for (const route of appRoutes.filter((r) => r.contentType)) {
    const operation = raw.paths?.[openApiPath(route.path).replace(/\{[^}]*\}/g, '{id}')]?.[route.method.toLowerCase()];
    for (const parameter of operation?.parameters ?? []) {
      if (parameter.in !== 'query' || !parameter.name) continue;
      if (DOCUMENTED_QUERY_PARAMETERS.has(parameter.name) || DROPPED_QUERY_PARAMETERS[parameter.name]) continue;
      problems.push(`${route.method} ${route.path} accepts the query parameter "${parameter.name}", which scripts/openapi/document.ts neither documents nor drops.`);
    }
  }

  const content = new ContentSchemas(model, readableTypes);
  const coreRoutes = new Map<string, RouteModel[]>();
  for (const route of appRoutes) {
    if (route.contentType) {
      if (!readableTypes.includes(route.contentType.uid)) {
        problems.push(`${route.method} ${route.path} reads ${route.contentType.uid}, which is not in PUBLIC_READABLE_TYPES: read-only API tokens could read it. Remove the route or make the type public.`);
        continue;
      }
      coreRoutes.set(route.contentType.uid, [...(coreRoutes.get(route.contentType.uid) ?? []), route]);
    } else if (!custom[`${route.method} ${route.path}`]) {
      problems.push(`${route.method} ${route.path} (${route.handler}) is public but not described: add it to scripts/openapi/custom-operations.ts.`);
    }
  }
  for (const uid of readableTypes) {
    if (!coreRoutes.has(uid)) problems.push(`${uid} is in PUBLIC_READABLE_TYPES but has no find route.`);
  }
  if (problems.length > 0) throw new Error(`The OpenAPI contract cannot be built:\n- ${problems.join('\n- ')}`);

  content.reserveDefaultShapes(readableTypes.map((uid) => ({ uid, populate: coreRoutes.get(uid)?.find((r) => r.contentType?.action === 'find')?.defaultPopulate })));
  const paths: Record<string, Record<string, Schema>> = {};
  const schemas: Record<string, Schema> = {};
  const tags: Array<{ name: string; description: string }> = [];
  for (const uid of readableTypes) {
    const type = model.contentTypes[uid];
    if (!type) throw new Error(`Unknown content type ${uid}`);
    const read = readOperations(model, content, type, coreRoutes.get(uid) ?? []);
    Object.assign(paths, read.paths);
    Object.assign(schemas, read.schemas);
    tags.push(read.tag);
  }
  const present = new Set(appRoutes.map((route) => `${route.method} ${route.path}`));
  for (const [key, { operation, schemas: own }] of Object.entries(custom)) {
    if (!present.has(key)) continue;
    const [method = '', path = ''] = key.split(' ');
    paths[openApiPath(path)] = { ...paths[openApiPath(path)], [method.toLowerCase()]: operation };
    Object.assign(schemas, own);
  }
  for (const [name, description] of [
    ['Search', 'Full-text search.'],
    ['Sitemap', 'Every published entry with a page of its own, as slug and last change: the source of sitemaps.'],
    ['Osservatorio', 'Open data (CC BY 4.0): published testimonies counted by sector, channel, role, month and company, as JSON, or as CSV and JSON files.'],
    ['Webhooks', 'The delivery log of the webhooks linked to your API token (the webhooks themselves: `docs/partners.md`).'],
    ['Forms', 'The public forms (testimonies, contact) and their anti-abuse endpoints. Browsers only from the site\'s own origins (CORS).'],
    ['Meta', 'About the API itself.'],
  ] as const) {
    if (Object.values(paths).some((item) => Object.values(item).some((op) => (op.tags as string[] | undefined)?.includes(name)))) tags.push({ name, description });
  }

  // Every path answers the methods it has no operation for with a 405 (src/middlewares/bare-errors.ts): said on every operation.
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const responses = operation.responses as Record<string, Schema>;
      responses['405'] ??= { $ref: '#/components/responses/MethodNotAllowed' };
    }
  }

  const document: Schema = {
    'openapi': '3.1.0',
    'jsonSchemaDialect': 'https://spec.openapis.org/oas/3.1/dialect/base',
    'info': {
      title: 'Chiudete i Call Center: public content API',
      version: model.version,
      description: INFO_DESCRIPTION,
      contact: { name: 'La redazione', email: 'redazione@chiudeteicallcenter.eu' },
    },
    'servers': [{ url: model.apiPrefix, description: 'The CMS that serves this document (relative to its URL; when the CMS has a PUBLIC_URL, the served copy names it first).' }],
    'security': [{}, { apiToken: [] }],
    tags,
    paths,
    'components': {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Optional. A read-only API token issued by the redazione (Settings → API Tokens), one per partner: higher read limit, private caching. Invalid or revoked tokens answer 401.',
        },
      },
      parameters: parameters(),
      headers: headers(),
      responses: responses(),
      schemas: { ...envelopes(), ...sharedContentSchemas(), ...content.schemas, ...schemas },
    },
    'x-generated-by': `apps/cms/scripts/openapi.ts, from \`strapi openapi generate\` (Strapi ${raw['x-strapi-version'] ?? 'unknown'}), corrected. Do not edit by hand: run \`pnpm --filter @chiudete/cms openapi:generate\`.`,
  };
  return { document, excluded };
}
