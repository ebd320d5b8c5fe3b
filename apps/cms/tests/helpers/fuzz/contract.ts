import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appDir } from '../strapi';

/**
 * The public operations of the OpenAPI contract
 * (apps/cms/openapi/content-api.json), with their parameters and request
 * bodies resolved: what the fuzz suite generates requests from.
 */

export type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: Json;
}

export interface Operation {
  id: string;
  method: 'get' | 'post';
  /** The path in the document, e.g. `/articles/{documentId}`. */
  template: string;
  tags: string[];
  parameters: Parameter[];
  /** The JSON Schema of the request body, $refs of the top level resolved. */
  body?: Json;
  /** Declared statuses. */
  statuses: string[];
}

export interface Contract {
  /** The API prefix, e.g. `/api`. */
  prefix: string;
  operations: Operation[];
  schemas: Record<string, Json>;
}

interface RawOperation {
  operationId: string;
  tags?: string[];
  parameters?: Json[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, unknown>;
}

interface RawDocument {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, RawOperation>>;
  components: { parameters: Record<string, Json>; schemas: Record<string, Json> };
}

export const CONTRACT_PATH = path.join(appDir, 'openapi', 'content-api.json');

export function readContract(file = CONTRACT_PATH): Contract {
  const document = JSON.parse(readFileSync(file, 'utf8')) as RawDocument;
  const deref = (value: Json): Json => {
    const ref = value.$ref;
    if (typeof ref !== 'string') return value;
    const [, section, name] = /^#\/components\/(parameters|schemas)\/(.+)$/.exec(ref) ?? [];
    const target = section === 'parameters' ? document.components.parameters[name!] : document.components.schemas[name!];
    if (!target) throw new Error(`The contract has an unresolvable $ref ${ref}`);
    return target;
  };

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method !== 'get' && method !== 'post') throw new Error(`Unexpected method ${method} ${template}: teach the fuzz suite about it`);
      const body = operation.requestBody?.content['application/json']?.schema;
      operations.push({
        id: operation.operationId,
        method,
        template,
        tags: operation.tags ?? [],
        parameters: (operation.parameters ?? []).map((p) => {
          const parameter = deref(p);
          return {
            name: String(parameter.name),
            in: parameter.in as Parameter['in'],
            required: parameter.required === true,
            schema: (parameter.schema ?? {}) as Json,
          };
        }),
        body: body ? deref(body) : undefined,
        statuses: Object.keys(operation.responses),
      });
    }
  }
  return { prefix: new URL(document.servers[0]!.url, 'http://x').pathname.replace(/\/$/, ''), operations, schemas: document.components.schemas };
}

/** The values a schema allows by name: `enum`, `const`, `anyOf` of those, and array items. */
export function enumOf(schema: Json | undefined): string[] {
  if (!schema) return [];
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if (schema.const !== undefined) return [String(schema.const)];
  if (Array.isArray(schema.anyOf)) return [...new Set((schema.anyOf as Json[]).flatMap(enumOf))];
  if (schema.items) return enumOf(schema.items as Json);
  if (schema.propertyNames) return enumOf(schema.propertyNames as Json);
  return [];
}

export const parameter = (operation: Operation, name: string): Parameter | undefined =>
  operation.parameters.find((p) => p.name === name);
