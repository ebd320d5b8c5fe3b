import { within, type ApiDeprecation } from './index';

/**
 * The retirements of config/deprecations.ts written into the served OpenAPI
 * document, so that partners' tools flag them too (not only the headers):
 * - a retired route: each of its operations gets `deprecated: true`,
 *   `x-sunset` (the ISO date it stops working) and a description line with
 *   the dates and the CHANGELOG link;
 * - a retired field: the property of the entry schemas its routes answer
 *   (the default shape and the `…Selection` one) gets the same.
 * The committed document knows nothing of them: with no entry, it is served as it is.
 */

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sentence appended to a deprecated operation's or property's description. */
export function deprecationNotice(entry: ApiDeprecation): string {
  return `**Deprecated** since ${entry.deprecatedAt}: stops working on ${entry.sunset} (see the \`Sunset\` header). What to use instead: ${entry.link}`;
}

function mark(target: Json, entry: ApiDeprecation): void {
  target.deprecated = true;
  // Several entries on one target: the earliest sunset wins, as in the headers.
  const sunset = target['x-sunset'];
  if (typeof sunset !== 'string' || Date.parse(entry.sunset) < Date.parse(sunset)) target['x-sunset'] = entry.sunset;
  const description = typeof target.description === 'string' ? target.description : '';
  target.description = description ? `${description}\n\n${deprecationNotice(entry)}` : deprecationNotice(entry);
}

/** `#/components/schemas/Video` → the schema object in `document`. */
function resolve(document: Json, ref: unknown): Json | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const key of ref.slice(2).split('/')) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
}

/** A schema, its `$ref` followed, and the alternatives of `anyOf`/`oneOf`/`allOf`. */
function alternatives(document: Json, schema: unknown): Json[] {
  if (!isObject(schema)) return [];
  const target = '$ref' in schema ? resolve(document, schema.$ref) : schema;
  if (!target) return [];
  const nested = ['anyOf', 'oneOf', 'allOf'].flatMap((key) => (Array.isArray(target[key]) ? (target[key] as unknown[]) : []));
  return [target, ...nested.flatMap((each) => alternatives(document, each))];
}

/** The entry schemas an operation answers: `data` (or its items) of each 2xx body, default shape and `x-selection-schema`. */
function entrySchemas(document: Json, operation: Json): Json[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const bodies = Object.entries(responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .flatMap(([, response]) => {
      const resolved = alternatives(document, response)[0];
      if (!resolved) return [];
      const content = isObject(resolved.content) ? Object.values(resolved.content).filter(isObject).map((media) => media.schema) : [];
      return [...content, ...(typeof resolved['x-selection-schema'] === 'string' ? [{ $ref: resolved['x-selection-schema'] }] : [])];
    });
  return bodies.flatMap((body) => alternatives(document, body)).flatMap((envelope) => {
    const data = isObject(envelope.properties) ? envelope.properties.data : undefined;
    return alternatives(document, data).flatMap((schema) => (schema.type === 'array' ? alternatives(document, schema.items) : [schema]));
  });
}

/**
 * A copy of `document` with `entries` marked; `prefix` is the REST prefix the
 * document's paths are relative to (`/api`). Answers the entries that matched
 * nothing in the document as well (a path or field misspelled in the configuration).
 */
export function markDeprecations<D extends object>(document: D, entries: readonly ApiDeprecation[], prefix: string): { document: D; unmatched: ApiDeprecation[] } {
  if (entries.length === 0) return { document, unmatched: [] };
  const copy = structuredClone(document);
  const root = copy as Json;
  const paths = isObject(root.paths) ? root.paths : {};
  const unmatched: ApiDeprecation[] = [];
  for (const entry of entries) {
    let matched = false;
    // A schema answered by several routes (the list and the single entry) is marked once.
    const marked = new Set<Json>();
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item) || !within(`${prefix}${path}`, entry.path)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        if (entry.field === undefined) {
          mark(operation, entry);
          matched = true;
          continue;
        }
        for (const schema of entrySchemas(root, operation)) {
          const property = isObject(schema.properties) ? schema.properties[entry.field] : undefined;
          if (!isObject(property)) continue;
          matched = true;
          if (marked.has(property)) continue;
          marked.add(property);
          mark(property, entry);
        }
      }
    }
    if (!matched) unmatched.push(entry);
  }
  return { document: copy, unmatched };
}
