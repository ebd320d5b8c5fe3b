/**
 * What a public read may sort on, for the message of a refused `sort`
 * (`global::public-query`): Strapi's own refusal says "Invalid key asc at
 * createdBy", which names neither the problem nor the way out.
 */

/** Attribute types Strapi sorts on (a column of the type's own table). */
const SORTABLE_TYPES = new Set([
  'string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'integer', 'biginteger', 'float', 'decimal',
  'date', 'time', 'datetime', 'timestamp', 'boolean',
]);

export interface SortSchema {
  attributes: Record<string, { type: string; private?: boolean }>;
}

export interface SortableFields {
  /** Fields of the type itself: `sort=<field>:asc`. */
  fields: string[];
  /** Relations whose own fields may be sorted on: `sort=<relation>.<field>:asc`. */
  relations: string[];
}

/** The public fields and relations of a type that `sort` accepts; `isPrivate` is Strapi's view of an attribute. */
export function sortableFields(schema: SortSchema, isPrivate: (name: string) => boolean): SortableFields {
  const entries = Object.entries(schema.attributes).filter(([name, attribute]) => !isPrivate(name) && attribute.private !== true);
  const fields = ['id', 'documentId', ...entries.filter(([name, attribute]) => name !== 'id' && name !== 'documentId' && SORTABLE_TYPES.has(attribute.type)).map(([name]) => name)];
  const relations = entries.filter(([, attribute]) => attribute.type === 'relation').map(([name]) => name);
  return { fields, relations };
}

/** The refused field, from Strapi's details (`createdBy:asc` → key `asc`, path `createdBy`; `nope` → key `nope`, no path). */
export function refusedSortField(details: { key?: unknown; path?: unknown }): string {
  const key = typeof details.key === 'string' ? details.key : '';
  const path = typeof details.path === 'string' && details.path !== '' ? details.path : '';
  if (!path) return key;
  if (key === '' || key === path || /^(asc|desc)$/i.test(key)) return path;
  return `${path}.${key}`;
}

/** The message of a refused sort: the field, why, and what the type accepts. */
export function sortErrorMessage(field: string, { fields, relations }: SortableFields): string {
  const onRelations = relations.length > 0
    ? `, or a public field of a relation (${relations.map((name) => `${name}.<field>`).join(', ')})`
    : '';
  return `Invalid sort: "${field}" is not a field you can sort on. Sort on one of: ${fields.join(', ')}${onRelations}; add :asc or :desc (sort=${fields.includes('publishedAt') ? 'publishedAt' : fields[0]}:desc).`;
}
