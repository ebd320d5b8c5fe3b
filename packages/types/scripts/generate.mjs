#!/usr/bin/env node
// Derives the public REST shapes of the content API from Strapi's own
// generated schema types (apps/cms/types/generated/*.d.ts, written by
// `strapi ts:generate-types`). Output: src/generated/content.ts.
//
// Why not import Strapi's types directly: they describe the server-side
// schema and drag the whole `@strapi/strapi` type graph into every consumer.
// Partners get plain interfaces of what the REST API actually returns:
// private attributes dropped, relations/media/components optional (present
// when populated), enums as string unions.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const pascal = (s) => s.replace(/(^|[-_.])(\w)/g, (_, __, c) => c.toUpperCase());

const cmsTypes = new URL('../../../apps/cms/types/generated/', import.meta.url);
const output = fileURLToPath(new URL('../src/generated/content.ts', import.meta.url));

/**
 * The registry's hand-kept table (src/registry/table.ts: plain data, which
 * Node reads with its type stripping) and the schemas of the content types
 * (apps/cms/src/api/<folder>/content-types/<folder>/schema.json): every
 * content type must have its entry, and every entry its schema.
 */
const { CONTENT_TYPE_TABLE } = await import('../src/registry/table.ts');
const apiDir = new URL('../../../apps/cms/src/api/', import.meta.url);
const schemas = Object.fromEntries(
  readdirSync(apiDir, { withFileTypes: true })
    .filter((dir) => dir.isDirectory() && existsSync(new URL(`${dir.name}/content-types/`, apiDir)))
    .flatMap((dir) => readdirSync(new URL(`${dir.name}/content-types/`, apiDir)).map((name) => {
      const schema = JSON.parse(readFileSync(new URL(`${dir.name}/content-types/${name}/schema.json`, apiDir), 'utf8'));
      return [`api::${dir.name}.${name}`, schema];
    })),
);
const typeOfUid = (uid) => uid.replace(/^api::[^.]+\./, '');
const unlisted = Object.keys(schemas).filter((uid) => !(typeOfUid(uid) in CONTENT_TYPE_TABLE) || uid !== `api::${typeOfUid(uid)}.${typeOfUid(uid)}`);
if (unlisted.length) throw new Error(`Content types without a registry entry: ${unlisted.join(', ')}. Add them to packages/types/src/registry/table.ts.`);
const schemaless = Object.keys(CONTENT_TYPE_TABLE).filter((type) => !schemas[`api::${type}.${type}`]);
if (schemaless.length) throw new Error(`Registry entries without a Strapi schema: ${schemaless.join(', ')}. Remove them from packages/types/src/registry/table.ts.`);

/** Which Strapi interfaces become public types, and under which name: the public types of the registry, and media. */
const CONTENT_TYPES = {
  ...Object.fromEntries(Object.entries(CONTENT_TYPE_TABLE).filter(([, entry]) => entry.access === 'public').map(([type, entry]) => [
    `Api${pascal(type)}${pascal(type)}`, { name: entry.name, uid: `api::${type}.${type}` },
  ])),
  PluginUploadFile: { name: 'Media', uid: 'plugin::upload.file' },
};

/** JSON attributes whose shape Strapi documents but does not type. */
const JSON_OVERRIDES = {
  'Media.formats': 'Partial<Record<MediaFormatName, MediaFormat>> | null',
  'Media.focalPoint': '{ x: number; y: number } | null',
};
/** Attributes that are internal even though Strapi does not mark them private. */
const HIDDEN = new Set(['Media.related', 'Media.provider_metadata']);

const componentName = (uid) => pascal(uid); // 'shared.seo' -> 'SharedSeo'

function parse(file) {
  const text = readFileSync(new URL(file, cmsTypes), 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** Flattens `A & B & C` into its `Schema.Attribute.X<...>` references. */
function parts(typeNode) {
  if (ts.isIntersectionTypeNode(typeNode)) return typeNode.types.flatMap(parts);
  if (ts.isParenthesizedTypeNode(typeNode)) return parts(typeNode.type);
  if (ts.isTypeReferenceNode(typeNode)) {
    const name = typeNode.typeName.getText().replace(/^Schema\.Attribute\./, '');
    return [{ name, args: typeNode.typeArguments ?? [] }];
  }
  throw new Error(`Unexpected attribute type: ${typeNode.getText()}`);
}

const literal = (node) => JSON.parse(node.getText().replace(/'/g, '"'));
const tupleValues = (node) => node.elements.map((e) => e.literal.text);

function tsType(owner, attr, kind, args) {
  const override = JSON_OVERRIDES[`${owner}.${attr}`];
  if (override) return { type: override, relational: false };
  switch (kind) {
    case 'String': case 'Text': case 'RichText': case 'Email': case 'UID': case 'Password':
      return { type: 'string' };
    case 'Date': case 'DateTime': case 'Time': case 'Timestamp':
      return { type: 'string' };
    case 'Integer': case 'Float': case 'Decimal':
      return { type: 'number' };
    case 'BigInteger':
      return { type: 'string' };
    case 'Boolean':
      return { type: 'boolean' };
    case 'Blocks':
      return { type: 'BlocksContent' };
    case 'JSON':
      return { type: 'unknown' };
    case 'Enumeration':
      return { type: tupleValues(args[0]).map((v) => `'${v}'`).join(' | ') };
    case 'Media': {
      const multiple = args[1] && literal(args[1]) === true;
      return { type: multiple ? 'Media[]' : 'Media | null', relational: true };
    }
    case 'Component': {
      const name = componentName(literal(args[0]));
      return { type: literal(args[1]) === true ? `${name}[]` : `${name} | null`, relational: true };
    }
    case 'Relation': {
      const relation = literal(args[0]);
      const target = literal(args[1]);
      const targetName = Object.values(CONTENT_TYPES).find((c) => c.uid === target)?.name;
      if (!targetName) throw new Error(`${owner}.${attr}: relation to non-public type ${target}`);
      return { type: /ToMany$/.test(relation) ? `${targetName}[]` : `${targetName} | null`, relational: true };
    }
    default:
      throw new Error(`${owner}.${attr}: unsupported attribute kind ${kind}; teach scripts/generate.mjs about it`);
  }
}

function interfaceFor(name, attributesNode, { system }) {
  const lines = [];
  if (system) lines.push('  id: number;', '  documentId: string;');
  for (const member of attributesNode.members) {
    const attr = member.name.getText().replace(/^'|'$/g, '');
    const [head, ...modifiers] = parts(member.type);
    const flags = new Set(modifiers.map((m) => m.name));
    if (flags.has('Private') || HIDDEN.has(`${name}.${attr}`)) continue;
    const { type, relational } = tsType(name, attr, head.name, head.args);
    const required = flags.has('Required') || ['createdAt', 'updatedAt'].includes(attr);
    if (relational) lines.push(`  ${attr}?: ${type};`);
    else lines.push(`  ${attr}: ${required ? type : `${type} | null`};`);
  }
  return `export interface ${name} {\n${lines.join('\n')}\n}`;
}

function interfaces(sourceFile) {
  return sourceFile.statements.filter(ts.isInterfaceDeclaration).map((decl) => {
    const attributes = decl.members.find((m) => m.name?.getText() === 'attributes');
    const uid = decl.members.find((m) => m.name?.getText() === 'collectionName');
    return { name: decl.name.text, attributes: attributes?.type, uid };
  });
}

const components = interfaces(parse('components.d.ts')).map(({ name, attributes }) =>
  interfaceFor(name, attributes, { system: false }),
);

const contentTypes = interfaces(parse('contentTypes.d.ts'))
  .filter(({ name }) => name in CONTENT_TYPES)
  .map(({ name, attributes }) => interfaceFor(CONTENT_TYPES[name].name, attributes, { system: true }));

const missing = Object.keys(CONTENT_TYPES).filter(
  (key) => !interfaces(parse('contentTypes.d.ts')).some((i) => i.name === key),
);
if (missing.length) throw new Error(`Not found in Strapi's generated types: ${missing.join(', ')}`);

const uidMap = Object.values(CONTENT_TYPES)
  .filter((c) => c.uid.startsWith('api::'))
  .map((c) => `  '${c.uid}': ${c.name};`)
  .join('\n');

/** What the schemas say of each content type, in the registry's order. */
const schemaFacts = Object.keys(CONTENT_TYPE_TABLE).map((type) => {
  const uid = `api::${type}.${type}`;
  const schema = schemas[uid];
  const relations = Object.entries(schema.attributes)
    .filter(([, attribute]) => attribute.type === 'relation' && attribute.target?.startsWith('api::'))
    .map(([field, attribute]) => `'${field}': '${typeOfUid(attribute.target)}'`);
  const restPath = schema.kind === 'singleType' ? schema.info.singularName : schema.info.pluralName;
  return `  '${type}': { uid: '${uid}', kind: '${schema.kind}', restPath: '${restPath}', draftAndPublish: ${schema.options?.draftAndPublish === true}, scheduled: ${'scheduledPublishAt' in schema.attributes && 'scheduledUnpublishAt' in schema.attributes}, relations: ${relations.length ? `{ ${relations.join(', ')} }` : '{}'} },`;
});
/** The REST client's members: small, so that a browser bundle of the client does not carry the registry. */
const clientMembers = Object.entries(CONTENT_TYPE_TABLE)
  .filter(([, entry]) => entry.access === 'public')
  .map(([type, entry]) => {
    const schema = schemas[`api::${type}.${type}`];
    const restPath = schema.kind === 'singleType' ? schema.info.singularName : schema.info.pluralName;
    const shape = schema.kind === 'singleType' ? 'single: true' : `changedAt: '${schema.options?.draftAndPublish === true ? 'publishedAt' : 'updatedAt'}'`;
    return `  ${entry.client}: { path: '${restPath}', ${shape} },`;
  });
const publicNames = Object.entries(CONTENT_TYPE_TABLE)
  .filter(([, entry]) => entry.access === 'public')
  .map(([type, entry]) => `  '${type}': ${entry.name};`)
  .join('\n');

const source = `// Generated by packages/types/scripts/generate.mjs from apps/cms/types/generated.
// Do not edit: change the Strapi schema, then run \`pnpm types:generate\`.
import type { BlocksContent } from '../blocks';

export type MediaFormatName = 'thumbnail' | 'small' | 'medium' | 'large';

export interface MediaFormat {
  url: string;
  width: number;
  height: number;
  mime: string;
  ext: string;
  size: number;
}

${components.join('\n\n')}

${contentTypes.join('\n\n')}

/** Public content types by Strapi UID. */
export interface ContentTypes {
${uidMap}
}

/** Public content types by registry name (src/registry). */
export interface ContentTypesByName {
${publicNames}
}

/**
 * What the Strapi schemas say of each content type (apps/cms/src/api/<type>/content-types/<type>/schema.json),
 * keyed and ordered as the registry's table (src/registry/table.ts): the REST path below \`/api\`,
 * draft & publish, scheduled publishing (the \`scheduledPublishAt\` and \`scheduledUnpublishAt\` fields), and the relations to other content types (field: type).
 */
export const CONTENT_TYPE_SCHEMAS = {
${schemaFacts.join('\n')}
} as const;
`;

/**
 * A file of its own, used by the REST client only: a browser bundle of the
 * client (the site's forms) then carries neither the registry nor the schemas.
 */
const clientsSource = `// Generated by packages/types/scripts/generate.mjs from the registry (src/registry/table.ts) and the Strapi schemas.
// Do not edit: change them, then run \`pnpm types:generate\`.

/**
 * The members of \`StrapiClient\` (the registry's \`client\` names), each with its REST path and the
 * field telling when an entry's public version changed (\`publishedAt\` with draft & publish), or \`single\`.
 */
export const CONTENT_CLIENTS = {
${clientMembers.join('\n')}
} as const;
`;

writeFileSync(output, source);
writeFileSync(fileURLToPath(new URL('../src/generated/clients.ts', import.meta.url)), clientsSource);
console.log(`[types] wrote ${fileURLToPath(new URL('../src/generated/content.ts', import.meta.url))}`);
