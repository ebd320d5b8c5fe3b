import { contentTypeDocs, publicTypeOfUid } from '@chiudete/types';
import type { ContentSchemas } from './content-schemas';
import { cacheableHeaders } from './components';
import { arrayOf, object, pascal, ref, type Schema } from './json-schema';
import type { AppModel, AttributeModel, RouteModel, TypeModel } from './model';

/**
 * The read operations of the public content types (`find`/`findOne` core
 * routes): parameters with this type's attribute names, the default shape
 * as the 200 body, validators, 304 and the error responses.
 */

/** The registry's tag and English description of a public type (the schema's own descriptions are Italian, for editors). */
const registryEntry = (uid: string) => {
  const type = publicTypeOfUid(uid);
  return type ? contentTypeDocs(type) : undefined;
};

export const tagOf = (type: TypeModel): string =>
  registryEntry(type.uid)?.tag ?? type.pluralName.charAt(0).toUpperCase() + type.pluralName.slice(1).replace(/-/g, ' ');

export const typeDescription = (type: TypeModel): string =>
  registryEntry(type.uid)?.description ?? `Published entries of «${type.displayName}».`;

const isRelational = (attribute: AttributeModel) => ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type);

function attributeNames(model: AppModel, type: TypeModel) {
  const visible = Object.entries(type.attributes).filter(([key, attribute]) => attribute.private !== true && !model.globallyPrivate.includes(key));
  return {
    scalars: visible.filter(([, attribute]) => !isRelational(attribute)).map(([key]) => key),
    relational: visible.filter(([, attribute]) => isRelational(attribute)).map(([key]) => key),
  };
}

function queryParameters(model: AppModel, type: TypeModel, selectionName: string, { list }: { list: boolean }): Schema[] {
  const { scalars, relational } = attributeNames(model, type);
  const fields: Schema = {
    name: 'fields',
    in: 'query',
    description: `Attributes to return (\`id\` and \`documentId\` always come): e.g. \`fields=title,slug\` or \`fields[0]=title&fields[1]=slug\`. Relations keep their default population unless \`populate\` is given. The entries then follow \`${selectionName}\`.`,
    style: 'form',
    explode: false,
    schema: arrayOf({ enum: scalars }, { uniqueItems: true }),
  };
  const populate: Schema = {
    name: 'populate',
    in: 'query',
    description: `Replaces the default population (what the default shape shows) with your own: \`*\` (first level only), a relation name, a list, or Strapi's object syntax (\`populate[author][fields][0]=name\`). The entries then follow \`${selectionName}\`. Private relations (\`createdBy\`, \`updatedBy\`) are never populated.`,
    schema: relational.length === 0
      ? { const: '*' }
      : {
          anyOf: [
            { const: '*' },
            { enum: relational },
            arrayOf({ enum: relational }),
            { type: 'object', propertyNames: { enum: relational } },
          ],
        },
  };
  const status = { $ref: '#/components/parameters/Status' };
  const conditional = [{ $ref: '#/components/parameters/IfNoneMatch' }, { $ref: '#/components/parameters/IfModifiedSince' }];
  if (!list) return [fields, populate, status, ...conditional];

  const filters: Schema = {
    name: 'filters',
    in: 'query',
    description: [
      'Strapi filters: `filters[<attribute>][<operator>]=<value>`, nested through relations (`filters[author][slug][$eq]=candy-larsson`) and combined with `$and`, `$or`, `$not`.',
      'Operators: `$eq`, `$eqi`, `$ne`, `$nei`, `$lt`, `$lte`, `$gt`, `$gte`, `$in`, `$notIn`, `$contains`, `$notContains`, `$containsi`, `$notContainsi`, `$null`, `$notNull`, `$between`, `$startsWith`, `$startsWithi`, `$endsWith`, `$endsWithi`.',
      'By slug: `filters[slug][$eq]=<slug>`.',
      'Incremental sync: a keyset on the change time (`publishedAt` for the types with drafts, `updatedAt` for the others) and `documentId` of the last entry you processed, `filters[$or][0][publishedAt][$gt]=<time>&filters[$or][1][publishedAt][$eq]=<time>&filters[$or][1][documentId][$gt]=<documentId>` with `sort[0]=publishedAt:asc&sort[1]=documentId:asc`; the partner guide\'s «Incremental sync» (`docs/partners.md`) describes it.',
      'An unknown or private attribute answers 400.',
    ].join(' '),
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', propertyNames: { enum: [...scalars, ...relational, 'id', 'documentId', '$and', '$or', '$not'] } },
  };
  const sort: Schema = {
    name: 'sort',
    in: 'query',
    description: `Sort order: \`<attribute>[:asc|:desc]\`, several separated by commas or as \`sort[0]=...&sort[1]=...\`; relation attributes with a dot (\`author.name\`). Attributes: ${scalars.map((s) => `\`${s}\``).join(', ')}.`,
    schema: {
      anyOf: [
        { type: 'string', pattern: '^[A-Za-z0-9_.]+(:(asc|desc|ASC|DESC))?(,[A-Za-z0-9_.]+(:(asc|desc|ASC|DESC))?)*$' },
        arrayOf({ type: 'string', pattern: '^[A-Za-z0-9_.]+(:(asc|desc|ASC|DESC))?$' }),
      ],
    },
    example: 'updatedAt:desc',
  };
  const search: Schema = {
    name: '_q',
    in: 'query',
    description: 'Simple search: entries whose text attributes contain this text (use `GET /search` for ranked, highlighted results where available).',
    schema: { type: 'string' },
  };
  const pagination = ['PaginationPage', 'PaginationPageSize', 'PaginationStart', 'PaginationLimit', 'PaginationWithCount']
    .map((name) => ({ $ref: `#/components/parameters/${name}` }));
  return [fields, populate, filters, sort, ...pagination, search, status, ...conditional];
}

const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

function okResponse(description: string, schema: string, selection: string): Schema {
  return {
    description,
    'headers': cacheableHeaders(),
    'content': { 'application/json': { schema: ref(schema) } },
    'x-selection-schema': `#/components/schemas/${selection}`,
  };
}

export interface ReadOperations {
  paths: Record<string, Record<string, Schema>>;
  schemas: Record<string, Schema>;
  tag: { name: string; description: string };
}

/** `GET /<plural>` and `GET /<plural>/{documentId}` (collection) or `GET /<singular>` (single type). */
export function readOperations(model: AppModel, content: ContentSchemas, type: TypeModel, routes: RouteModel[]): ReadOperations {
  const find = routes.find((route) => route.contentType?.action === 'find');
  const findOne = routes.find((route) => route.contentType?.action === 'findOne');
  if (!find) throw new Error(`${type.uid} has no find route`);

  const name = content.defaultShape(type.uid, find.defaultPopulate);
  const selection = content.selection(type.uid);
  const tag = tagOf(type);
  const schemas: Record<string, Schema> = {};
  const paths: Record<string, Record<string, Schema>> = {};
  const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [String(status), responseRef({
    304: 'NotModified', 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 429: 'TooManyReads',
  }[status] ?? 'NotFound')]));
  const defaults = find.defaultPopulate ? `Relations and media populated by default: ${Object.keys(find.defaultPopulate).map((k) => `\`${k}\``).join(', ')}.` : 'No relations are populated by default.';

  const single = (entry: string) => object({ data: ref(entry), meta: object({}, []) });
  const list = (entry: string) => object({ data: arrayOf(ref(entry)), meta: object({ pagination: ref('Pagination') }) });

  if (type.kind === 'singleType') {
    schemas[`${name}Response`] = single(name);
    schemas[`${selection}Response`] = single(selection);
    paths[`/${type.singularName}`] = {
      get: {
        operationId: `get${name}`,
        tags: [tag],
        summary: `${type.displayName}`,
        description: `${typeDescription(type)} ${defaults}`,
        parameters: queryParameters(model, type, selection, { list: false }),
        responses: {
          200: okResponse(`The ${type.singularName} entry.`, `${name}Response`, `${selection}Response`),
          ...errors(304, 400, 401, 403, 404, 429),
        },
      },
    };
    return { paths, schemas, tag: { name: tag, description: typeDescription(type) } };
  }

  const plural = type.pluralName;
  schemas[`${name}ListResponse`] = list(name);
  schemas[`${selection}ListResponse`] = list(selection);
  paths[`/${plural}`] = {
    get: {
      operationId: `list${pascal(plural)}`,
      tags: [tag],
      summary: `List published ${plural.replace(/-/g, ' ')}`,
      description: `${typeDescription(type)} ${defaults} Paginated: 25 per page by default, at most 100.`,
      parameters: queryParameters(model, type, selection, { list: true }),
      responses: {
        200: okResponse(`A page of published ${plural.replace(/-/g, ' ')}.`, `${name}ListResponse`, `${selection}ListResponse`),
        ...errors(304, 400, 401, 403, 429),
      },
    },
  };
  if (findOne) {
    schemas[`${name}Response`] = single(name);
    schemas[`${selection}Response`] = single(selection);
    paths[`/${plural}/{documentId}`] = {
      get: {
        operationId: `get${name}`,
        tags: [tag],
        summary: `One published ${type.singularName.replace(/-/g, ' ')} by documentId`,
        description: `${typeDescription(type)} ${defaults} To find one by slug, list with \`filters[slug][$eq]=<slug>\`.`,
        parameters: [{ $ref: '#/components/parameters/DocumentId' }, ...queryParameters(model, type, selection, { list: false })],
        responses: {
          200: okResponse(`The published ${type.singularName.replace(/-/g, ' ')}.`, `${name}Response`, `${selection}Response`),
          ...errors(304, 400, 401, 403, 404, 429),
        },
      },
    };
  }
  return { paths, schemas, tag: { name: tag, description: typeDescription(type) } };
}
