import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { appDir } from './strapi';

/**
 * The committed contract (apps/cms/openapi/content-api.json) as a validator
 * of real answers: Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1)
 * holding the whole document, so that every `$ref` resolves. Used by the
 * contract's own test and by the tests of the partners' documentation.
 */

export type Json = Record<string, unknown>;

export interface Header {
  required?: boolean;
  schema?: Json;
}

export interface ResponseObject {
  'description': string;
  'headers'?: Record<string, Header | { $ref: string }>;
  'content'?: Record<string, { schema: Json; example?: unknown }>;
  'x-selection-schema'?: string;
}

export interface Operation {
  operationId: string;
  tags?: string[];
  parameters?: Array<Json>;
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, ResponseObject | { $ref: string }>;
  security?: Json[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, ResponseObject>;
    headers: Record<string, Header>;
    parameters: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}

export const DOCUMENT_TEXT = readFileSync(path.join(appDir, 'openapi', 'content-api.json'), 'utf8');
export const contract = JSON.parse(DOCUMENT_TEXT) as OpenApiDocument;
export const CONTRACT_ID = 'https://contract.invalid/content-api.json';
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
// The document's top-level members, so that Ajv can hold it as the base of the $refs.
for (const keyword of ['openapi', 'jsonSchemaDialect', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'x-generated-by']) {
  ajv.addKeyword({ keyword });
}
ajv.addSchema({ ...contract, $id: CONTRACT_ID } as Json);

/** A JSON pointer into the document, as a $ref Ajv resolves. */
export const pointer = (...segments: string[]) =>
  `${CONTRACT_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

const validators = new Map<string, ValidateFunction>();
export function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

export function validateAt(ref: string, value: unknown, what: string): void {
  const validate = validatorFor(ref);
  if (!validate(value)) {
    throw new Error(`${what} does not match ${ref.slice(CONTRACT_ID.length)}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(value).slice(0, 600)}`);
  }
}

export const localRef = (ref: string) => ref.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

export function resolve<T>(value: T | { $ref: string }): { value: T; segments?: string[] } {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    const segments = localRef(value.$ref);
    let target: unknown = contract;
    for (const segment of segments) target = (target as Json)[segment];
    if (target === undefined) throw new Error(`Unresolved $ref ${value.$ref}`);
    return { value: target as T, segments };
  }
  return { value: value as T };
}

/** The API prefix of the document's server (`/api`). */
export const API_PREFIX = contract.servers[0]!.url;

export interface Answer {
  /** The operation's method in the document, lower case. */
  method: string;
  /** The operation's path in the document, e.g. `/articles/{documentId}`. */
  template: string;
  status: number;
  headers: Headers;
  text: string;
  /** Validate a 200 body against the operation's `x-selection-schema` (requests with `fields`/`populate`). */
  selection?: boolean;
  /** What was called, for the messages. */
  where: string;
}

/**
 * Checks a real answer against the document: its status is declared for
 * the operation, its declared headers are present when required and match
 * their schemas, and its body matches the declared schema (or is empty
 * when none is declared). Returns the parsed body and where the response
 * object sits in the document.
 */
export function validateAnswer({ method, template, status, headers, text, selection = false, where }: Answer): { body: unknown; responsePath: string[] } {
  const operation = contract.paths[template]?.[method];
  if (!operation) throw new Error(`The document has no ${method.toUpperCase()} ${template}`);
  const declared = operation.responses[String(status)];
  if (!declared) throw new Error(`${where}: status not declared for ${operation.operationId} (declared: ${Object.keys(operation.responses).join(', ')}). Body: ${text.slice(0, 300)}`);
  const { value: response, segments } = resolve<ResponseObject>(declared);
  const base = segments ?? ['paths', template, method, 'responses', String(status)];

  for (const [name, headerOrRef] of Object.entries(response.headers ?? {})) {
    const { value: header, segments: headerSegments } = resolve<Header>(headerOrRef);
    const actual = headers.get(name);
    if (header.required) expect(actual, `${where}: header ${name} is required`).not.toBeNull();
    if (actual === null || !header.schema) continue;
    const schemaRef = pointer(...(headerSegments ?? [...base, 'headers', name]), 'schema');
    const type = header.schema.type;
    validateAt(schemaRef, type === 'integer' || type === 'number' ? Number(actual) : actual, `${where}: header ${name}`);
  }

  let body: unknown;
  if (response.content?.['text/csv'] && /^text\/csv/.test(headers.get('content-type') ?? '')) {
    // A CSV download (the Osservatorio's): its layout is checked by its own tests.
    body = text;
    expect(text.length, `${where}: a CSV body`).toBeGreaterThan(0);
  } else if (response.content) {
    expect(headers.get('content-type'), where).toMatch(/^application\/json/);
    body = JSON.parse(text);
    const schemaRef = selection && response['x-selection-schema']
      ? `${CONTRACT_ID}${response['x-selection-schema']}`
      : pointer(...base, 'content', 'application/json', 'schema');
    validateAt(schemaRef, body, `${where}: body`);
  } else {
    expect(text, `${where}: no body is declared`).toBe('');
  }
  return { body, responsePath: base };
}

const templatePatterns = Object.keys(contract.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The document's path template of a concrete API path (`/api/articles/abc` → `/articles/{documentId}`), literal paths first. */
export function templateOf(apiPath: string): string | undefined {
  const relative = apiPath.startsWith(API_PREFIX) ? apiPath.slice(API_PREFIX.length) : apiPath;
  return templatePatterns.find(({ template }) => template === relative)?.template
    ?? templatePatterns.find(({ pattern }) => pattern.test(relative))?.template;
}
