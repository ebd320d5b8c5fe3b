/**
 * What Strapi's own query validation lets through to the database and fails
 * on there (a 500), found by tests/fuzz-contract.test.ts; refused here with
 * a 400 that says what is wrong (`global::public-query`, on every public
 * read route, see public-read-router.ts):
 * - `_q` given twice, as a list or as an object (the search calls
 *   `.split` on it);
 * - names that are properties of every object (`constructor`, `toString`,
 *   `__proto__`...) as fields, sort keys, populate or filter keys: Strapi
 *   looks attributes up in plain objects, finds them there, and asks the
 *   database for a column `constructor`;
 * - `$between` without a list of exactly two values (knex asserts);
 * - `filters` (or a `$not`, or an item of `$and`/`$or`) that is a list, or
 *   keys that are numbers where an attribute is expected: Strapi asks for a
 *   column `0`;
 * - an empty name in `fields` or `sort` (`fields=`): a column without name;
 * - a page or offset past 2^31 - 1 (`pagination[page]=1e20`): an OFFSET the
 *   database cannot hold;
 * - filters through more than MAX_FILTER_RELATIONS relations
 *   (`filters[articles][author][articles][author]…`): each one a join, and
 *   nine of them kept SQLite (synchronous, so the whole CMS) busy for minutes.
 */

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object key in a parsed query, at any depth. */
function* keysOf(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    for (const item of value) yield* keysOf(item);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* keysOf(item);
    }
  }
}

/** Attribute names written as text: `fields=title,slug`, `sort=author.name:asc`, `populate=author,categories`. */
function* namesIn(value: unknown): Generator<string> {
  if (typeof value === 'string') {
    yield* value.split(/[,.:]/).map((name) => name.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) yield* namesIn(item);
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) yield* namesIn(item);
  }
}

function* betweenOperands(value: unknown): Generator<unknown> {
  if (Array.isArray(value)) {
    for (const item of value) yield* betweenOperands(item);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$between') yield item;
      yield* betweenOperands(item);
    }
  }
}

const LOGICAL = new Set(['$and', '$or']);

/** The largest page, page size, start or limit: far past any real list, and an OFFSET every database holds. */
export const MAX_PAGINATION_VALUE = 2_147_483_647;

/** Relations a filter may go through (`filters[author][slug]` is one). */
export const MAX_FILTER_RELATIONS = 3;

/** A condition (`filters`, `$not`, an item of `$and`/`$or`, a relation's filter): an object of attribute or logical keys. */
function conditionProblem(value: unknown, relations = 0): string | undefined {
  if (relations > MAX_FILTER_RELATIONS) return `Invalid filters: they may go through at most ${MAX_FILTER_RELATIONS} relations.`;
  if (!isRecord(value)) return 'Invalid filters: give conditions as filters[<attribute>][<operator>]=<value>, not as a list or a plain value.';
  for (const [key, item] of Object.entries(value)) {
    if (LOGICAL.has(key)) {
      const items = Array.isArray(item) ? item : isRecord(item) ? Object.values(item) : [item];
      for (const condition of items) {
        const problem = conditionProblem(condition, relations);
        if (problem) return problem;
      }
    } else if (key === '$not') {
      const problem = conditionProblem(item, relations);
      if (problem) return problem;
    } else if (/^\d+$/.test(key)) {
      return `Invalid key ${key}: no attribute has this name.`;
    } else if (isRecord(item) && Object.keys(item).some((name) => !name.startsWith('$'))) {
      // A relation's or component's own conditions.
      const problem = conditionProblem(item, relations + 1);
      if (problem) return problem;
    } else if (isRecord(item)) {
      // An attribute's operators: a $not/$and/$or there takes operators, not attributes (`[author][$not][slug]` fails in Strapi).
      for (const [operator, operand] of Object.entries(item)) {
        if (!LOGICAL.has(operator) && operator !== '$not') continue;
        const operands = Array.isArray(operand) ? operand : [operand];
        if (operands.some((o) => isRecord(o) && Object.keys(o).some((name) => !name.startsWith('$')))) {
          return `Invalid filter on ${key}: ${operator} here takes operators ($eq, $contains...), not attributes; filter a relation's attributes without it (filters[${key}][<attribute>][<operator>]).`;
        }
      }
    }
  }
  return undefined;
}

/** The problem with a public read's query, in English for the error's message; undefined when Strapi may go on. */
export function publicQueryProblem(query: unknown): string | undefined {
  if (!isRecord(query)) return undefined;
  if (query._q !== undefined && typeof query._q !== 'string') {
    return 'Invalid parameter "_q": give the text to search for once, as a plain value (`_q=call center`).';
  }
  const names = [...keysOf(query), ...['fields', 'sort', 'populate'].flatMap((param) => [...namesIn(query[param])])];
  const reserved = names.find((name) => PROTOTYPE_NAMES.has(name));
  if (reserved !== undefined) return `Invalid key ${reserved}: no attribute has this name.`;
  for (const param of ['fields', 'sort']) {
    if (query[param] !== undefined && [...namesIn(query[param])].some((name) => name === '')) {
      return `Invalid parameter "${param}": an attribute name is empty (\`${param}=\`, or a comma too many).`;
    }
  }
  if (isRecord(query.pagination)) {
    for (const [name, value] of Object.entries(query.pagination)) {
      if (typeof value === 'string' && Number(value) > MAX_PAGINATION_VALUE) {
        return `Invalid parameter "pagination[${name}]": at most ${MAX_PAGINATION_VALUE}.`;
      }
    }
  }
  if (query.filters !== undefined) {
    const problem = conditionProblem(query.filters);
    if (problem) return problem;
  }
  for (const operands of betweenOperands(query.filters)) {
    if (!Array.isArray(operands) || operands.length !== 2 || operands.some((operand) => typeof operand === 'object' && operand !== null)) {
      return 'Invalid filter: $between takes exactly two values (`[$between][0]=a&[$between][1]=b`).';
    }
  }
  return undefined;
}
