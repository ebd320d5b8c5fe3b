import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { appDir } from './strapi';

/**
 * Checks one HTTP answer against the committed OpenAPI document
 * (apps/cms/openapi/content-api.json), as tests/openapi-contract.test.ts
 * does for every operation: the status must be declared for the operation,
 * its required headers present and valid, its body valid (Ajv, JSON Schema
 * 2020-12). For suites that test one route in depth.
 */

type Json = Record<string, unknown>;
interface Header { required?: boolean; schema?: Json }
interface ResponseObject { headers?: Record<string, Header | { $ref: string }>; content?: Record<string, { schema: Json }> }

const contract = JSON.parse(readFileSync(path.join(appDir, 'openapi', 'content-api.json'), 'utf8')) as Json & {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject | { $ref: string }> }>>;
};
const CONTRACT_ID = 'https://contract.invalid/content-api.json';
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
for (const keyword of ['openapi', 'jsonSchemaDialect', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'x-generated-by']) ajv.addKeyword({ keyword });
ajv.addSchema({ ...contract, $id: CONTRACT_ID });

const pointer = (segments: string[]) =>
  `${CONTRACT_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
const validators = new Map<string, ValidateFunction>();
function validate(segments: string[], value: unknown, what: string): void {
  const ref = pointer(segments);
  let check = validators.get(ref);
  if (!check) validators.set(ref, (check = ajv.compile({ $ref: ref })));
  if (!check(value)) throw new Error(`${what} does not match #/${segments.join('/')}:\n${ajv.errorsText(check.errors, { separator: '\n' })}\n${JSON.stringify(value).slice(0, 600)}`);
}

function resolve<T>(value: T | { $ref: string }): { value: T; segments?: string[] } {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    const segments = value.$ref.replace(/^#\//, '').split('/');
    let target: unknown = contract;
    for (const segment of segments) target = (target as Json)[segment];
    return { value: target as T, segments };
  }
  return { value: value as T };
}

/** Throws when `res` (already read into `text`) is not an answer the document declares for `METHOD template`. */
export function assertAnswerMatchesContract(method: string, template: string, res: Response, text: string): void {
  const where = `${method} ${template} → ${res.status}`;
  const declared = contract.paths[template]?.[method.toLowerCase()]?.responses[String(res.status)];
  if (!declared) throw new Error(`${where}: status not declared in the OpenAPI document. Body: ${text.slice(0, 300)}`);
  const { value: response, segments } = resolve<ResponseObject>(declared);
  const base = segments ?? ['paths', template, method.toLowerCase(), 'responses', String(res.status)];
  for (const [name, headerOrRef] of Object.entries(response.headers ?? {})) {
    const { value: header, segments: headerSegments } = resolve<Header>(headerOrRef);
    const actual = res.headers.get(name);
    if (header.required && actual === null) throw new Error(`${where}: header ${name} is required`);
    if (actual === null || !header.schema) continue;
    const numeric = header.schema.type === 'integer' || header.schema.type === 'number';
    validate([...(headerSegments ?? [...base, 'headers', name]), 'schema'], numeric ? Number(actual) : actual, `${where}: header ${name}`);
  }
  if (response.content) validate([...base, 'content', 'application/json', 'schema'], JSON.parse(text), `${where}: body`);
  else if (text !== '') throw new Error(`${where}: no body is declared, got ${text.slice(0, 100)}`);
}
