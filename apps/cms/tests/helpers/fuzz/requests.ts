import fc from 'fast-check';
import { enumOf, parameter, type Contract, type Json, type Operation, type Parameter } from './contract';
import { flatten, obj, RAW_QUERIES, serialize, withDuplicate, type Pair, type QueryTree } from './query';
import { encodeText, headerText, hostileString, hostileText, RAW_BYTES, UNICODE_TRICKS, type Text } from './text';
import { formBody, type FuzzBody } from './bodies';

/**
 * Requests generated from the contract, per operation: valid ones (what the
 * contract documents), boundary ones (at and past every limit it states)
 * and hostile ones (wrong types, deep nesting, prototype keys, operators,
 * unicode tricks, duplicated and array-valued parameters, wrong methods).
 */

export type Mode = 'valid' | 'boundary' | 'hostile';

export interface FuzzRequest {
  /** The operationId, or `off-contract` (methods and paths the contract does not offer). */
  operation: string;
  mode: Mode;
  method: string;
  /** Percent-encoded path after the API prefix, e.g. `/articles/abc`. */
  path: string;
  /** Percent-encoded query string, without `?`. */
  query: string;
  headers: Record<string, string>;
  body?: FuzzBody;
}

/** What the generators know of the running CMS. */
export interface FuzzContext {
  contract: Contract;
  /** Words worth looking for: the markers of drafts and private data (a leak would show them). */
  huntWords: string[];
  /** Published documentIds by list template (`/articles`). */
  ids: Record<string, string[]>;
  /** documentIds of drafts (never published). */
  draftIds: string[];
  /** A read-only API token («partner»). */
  partnerToken: string;
  /** Real access tokens of two submissions: one for the status route, one for withdraw. */
  submissionTokens: { status: string; withdraw: string };
}

const OPERATORS = [
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$notContains', '$containsi',
  '$notContainsi', '$null', '$notNull', '$between', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
];
const HOSTILE_OPERATORS = [
  '$where', '$raw', '$regex', '$exists', '$expr', '$function', '$jsonSupersetOf', '$size', '$elemMatch', '$text', '$options',
  '$EQ', 'eq', '$eq ', '$', '$$eq', '$__proto__', '$constructor', '$or', '$and', '$not', '$in]', '$eq[0]',
];
/** Attributes and relations no public answer may show or be filtered, sorted or populated by. */
const PRIVATE_NAMES = [
  'createdBy', 'updatedBy', 'scheduledPublishAt', 'scheduledUnpublishAt', 'locale', 'localizations', 'password', 'email',
  'firstname', 'roles', 'users', 'contactEmail', 'moderatorNote', 'accessTokenHash', 'ipHash', 'testimonySubmission',
  'personalDataFindings', 'story_raw', 'folderPath', 'related', 'provider_metadata', 'resetPasswordToken',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineSetter__'];
const HOSTILE_KEYS: Text[] = [
  ...PROTOTYPE_KEYS, ...PRIVATE_NAMES.slice(0, 6), '$where', '$or', '$not', '0', '-1', '1e3', '', ' ', '[', ']', '.', '*',
  'title.id', 'a'.repeat(300), '\u0000', '\u202e', '\ud800', { raw: '%00' }, { raw: '%C0%AE' }, { raw: '%5B%5D' },
];
/** Parameters the content API does not know, and ones that ask for drafts or locales. */
const UNKNOWN_PARAMETERS = [
  'foo', 'publicationState', 'locale', 'hasPublishedVersion', 'publicationFilter', 'status', 'plugins', 'populate[0]',
  '__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__[status]',
  'pagination[foo]', 'pagination[__proto__]', 'filters[__proto__][slug][$eq]', 'toString', '_q', 'q', 'count', '$where', '',
];

/**
 * What may follow `populate[<relation>]`: among them the ways back to the
 * draft article through its author, categories and answers.
 */
const NESTED_POPULATE: QueryTree[] = [
  'true', '*', obj(['populate', '*']), obj(['fields', ['slug']]), obj(['count', 'true']),
  obj(['populate', 'articles']), obj(['populate', obj(['articles', 'true'])]),
  obj(['populate', obj(['author', obj(['populate', 'articles'])])]), obj(['populate', obj(['articles', obj(['populate', '*'])])]),
  obj(['filters', obj(['slug', obj(['$notNull', 'true'])])]),
];

const ISO_DATES = ['2019-07-04', '2019-07-04T00:00:00.000Z', '2000-01-01T00:00:00Z', '2100-01-01', new Date().toISOString()];

/** One of the values (a constant `''` when there are none: a contract without, say, sortable fields). */
const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => (values.length > 0 ? fc.constantFrom(...values) : fc.constant('' as T));

/** All relation, media and component names of the contract (for nested filters and populate). */
function relationNames(contract: Contract): string[] {
  const names = contract.operations.flatMap((operation) => enumOf(parameter(operation, 'populate')?.schema));
  return [...new Set(names.filter((name) => name !== '*'))];
}

/** The attributes of a filter (`propertyNames` minus the logical operators). */
const filterAttributes = (operation: Operation) => enumOf(parameter(operation, 'filters')?.schema).filter((name) => !name.startsWith('$'));

export class RequestGenerator {
  private readonly words: string[];
  private readonly relations: string[];
  private readonly allAttributes: string[];

  constructor(private readonly context: FuzzContext) {
    const ids = Object.values(context.ids).flat();
    this.words = [...context.huntWords, ...ids.slice(0, 6), ...context.draftIds];
    this.relations = relationNames(context.contract);
    this.allAttributes = [...new Set(context.contract.operations.flatMap(filterAttributes))];
  }

  // ---- values ------------------------------------------------------------

  private text(): fc.Arbitrary<Text> {
    return hostileText(this.words);
  }

  private validScalar(): fc.Arbitrary<Text> {
    return fc.oneof(pick(['call', 'center', 'bolletta', 'operatore', 'a', 'telefonia']), pick(ISO_DATES), fc.integer({ min: 0, max: 100 }).map(String), pick(this.words));
  }

  /** Anything but a well-formed value: scalars, bare keys, arrays, objects with hostile keys, deep chains, long arrays. */
  hostileValue(depth = 2): fc.Arbitrary<QueryTree> {
    const scalar: fc.Arbitrary<QueryTree> = fc.oneof({ weight: 6, arbitrary: this.text() }, { weight: 1, arbitrary: fc.constant(null) });
    if (depth <= 0) return scalar;
    const inner = this.hostileValue(depth - 1);
    return fc.oneof(
      { weight: 5, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }) },
      { weight: 2, arbitrary: fc.array(fc.tuple(pick(HOSTILE_KEYS), inner), { minLength: 1, maxLength: 3 }).map((entries) => ({ entries })) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 3, max: 40 }), pick(HOSTILE_KEYS), this.text()).map(([n, key, leaf]) => deepChain(n, key, leaf)) },
      { weight: 1, arbitrary: fc.integer({ min: 99, max: 130 }).map((n) => Array.from({ length: n }, () => 'slug')) },
    );
  }

  /** A valid value of a parameter's schema. */
  private validValue(schema: Json): fc.Arbitrary<QueryTree> {
    const names = enumOf(schema);
    if (schema.type === 'integer') {
      const min = Number(schema.minimum ?? 0);
      const max = Math.min(Number(schema.maximum ?? 1_000), min + 200);
      return fc.integer({ min, max }).map(String);
    }
    if (schema.type === 'boolean') return pick(['true', 'false']);
    if (schema.type === 'array' && names.length > 0) {
      return fc.uniqueArray(pick(names), { minLength: 1, maxLength: 3 }).chain((list) => pick<QueryTree>([list.join(','), list]));
    }
    if (names.length > 0) return pick(names);
    const min = Number(schema.minLength ?? 1);
    const max = Number(schema.maxLength ?? 60);
    return pick([...this.words, 'call center', 'bolletta della luce']).map((word) => word.padEnd(min, 'a').slice(0, max));
  }

  /** Values at and just past the limits a schema states, and near-miss spellings of its names. */
  private boundaryValue(schema: Json): fc.Arbitrary<QueryTree> {
    const names = enumOf(schema);
    const numbers: string[] = [
      '0', '-1', '1', '2147483648', '4294967296', '9007199254740993', '18446744073709551616', '99999999999999999999', '1e2', '1e20', '1e300',
      '1.5', '01', ' 1', '+1', '0x10', '0b11', '', 'NaN', 'Infinity', '-0', '\u0661',
    ];
    if (schema.minimum !== undefined) numbers.push(String(Number(schema.minimum) - 1), String(schema.minimum));
    if (schema.maximum !== undefined) numbers.push(String(schema.maximum), String(Number(schema.maximum) + 1));
    if (schema.type === 'integer') return pick(numbers);
    if (schema.type === 'boolean') return pick(['1', '0', 'TRUE', 'yes', '', 'null', 'on']);
    const spellings = names.flatMap((name) => [name.toUpperCase(), `${name} `, ` ${name}`, `${name}\u0000`, `${name}s`, name.slice(0, -1), `${name},${name}`, `${name},`]);
    const lengths: number[] = [];
    for (const bound of [schema.minLength, schema.maxLength]) {
      if (typeof bound === 'number') lengths.push(Math.max(bound - 1, 0), bound, bound + 1);
    }
    const sized = fc.tuple(pick(lengths.length > 0 ? lengths : [0, 1, 255, 256]), pick(['a', 'é', '\u{1f600}', ' ']))
      .map(([length, unit]) => unit.repeat(length));
    return spellings.length > 0 ? fc.oneof(pick(spellings), sized, pick(numbers)) : fc.oneof(sized, pick(numbers));
  }

  private valueFor(schema: Json, mode: Mode): fc.Arbitrary<QueryTree> {
    if (mode === 'valid') return this.validValue(schema);
    if (mode === 'boundary') return fc.oneof({ weight: 3, arbitrary: this.boundaryValue(schema) }, { weight: 1, arbitrary: this.validValue(schema) });
    return fc.oneof({ weight: 3, arbitrary: this.hostileValue() }, { weight: 1, arbitrary: this.boundaryValue(schema) });
  }

  // ---- Strapi's deep parameters ------------------------------------------

  private filters(operation: Operation, mode: Mode): fc.Arbitrary<Pair[]> {
    const own = filterAttributes(operation);
    const attributes = mode === 'valid' ? own : [...own, ...this.allAttributes, ...PRIVATE_NAMES, ...PROTOTYPE_KEYS];
    const operators = mode === 'valid' ? OPERATORS : [...OPERATORS, ...HOSTILE_OPERATORS];
    const leaf: fc.Arbitrary<QueryTree> = mode === 'valid'
      ? fc.oneof({ weight: 4, arbitrary: this.validScalar() }, { weight: 1, arbitrary: fc.array(this.validScalar(), { minLength: 1, maxLength: 3 }) })
      : fc.oneof(this.validScalar(), this.hostileValue(1));
    const condition = fc.tuple(pick(operators), leaf).map(([operator, value]): QueryTree => obj([operator, value]));

    // Level by level, so that the arbitraries stay a handful per depth.
    let level: fc.Arbitrary<QueryTree> = fc.tuple(pick(attributes), fc.oneof({ weight: 3, arbitrary: condition }, { weight: 1, arbitrary: leaf }))
      .map(([attribute, value]) => obj([attribute, value]));
    for (let depth = 1; depth <= 3; depth++) {
      const below = level;
      level = fc.oneof(
        { weight: 3, arbitrary: below },
        { weight: 1, arbitrary: fc.tuple(pick(['$and', '$or']), fc.array(below, { minLength: 1, maxLength: 3 })).map(([op, list]): QueryTree => obj([op, list])) },
        { weight: 1, arbitrary: below.map((inner): QueryTree => obj(['$not', inner])) },
        { weight: 1, arbitrary: fc.tuple(pick(this.relations), below).map(([relation, inner]): QueryTree => obj([relation, inner])) },
      );
    }
    const trees = fc.array(level, { minLength: 1, maxLength: 2 }).map((list) => list.flatMap((tree) => flatten('filters', tree)));
    if (mode === 'valid') return trees;
    const chain = fc.tuple(fc.integer({ min: 5, max: 45 }), fc.array(pick(['[$or][0]', '[$and][1]', '[$not]', '[author]', '[articles]', '[__proto__]']), { minLength: 1, maxLength: 4 }), this.text())
      .map(([n, steps, value]): Pair[] => [{ key: `filters${Array.from({ length: n }, (_, i) => steps[i % steps.length]).join('')}[slug][$eq]`, value }]);
    const flat = this.hostileValue().map((tree) => flatten('filters', tree));
    return fc.oneof({ weight: 3, arbitrary: trees }, { weight: 1, arbitrary: chain }, { weight: 1, arbitrary: flat });
  }

  private populate(operation: Operation, mode: Mode): fc.Arbitrary<Pair[]> {
    const own = enumOf(parameter(operation, 'populate')?.schema).filter((n) => n !== '*');
    const names = own.length > 0 ? own : ['*'];
    const fields = enumOf(parameter(operation, 'fields')?.schema);
    const valid: fc.Arbitrary<QueryTree> = fc.oneof(
      fc.constant('*'),
      pick(names),
      fc.uniqueArray(pick(names), { minLength: 1, maxLength: 3 }).chain((list) => pick<QueryTree>([list.join(','), list])),
      fc.tuple(pick(names), pick<QueryTree>(NESTED_POPULATE)).map(([name, value]): QueryTree => obj([name, value])),
    );
    if (mode === 'valid') return valid.map((tree) => flatten('populate', tree));
    const relation = pick([...names, ...this.relations, ...PRIVATE_NAMES, ...PROTOTYPE_KEYS, '*', 'on']);
    const chain = fc.tuple(fc.integer({ min: 2, max: 35 }), fc.array(relation, { minLength: 1, maxLength: 4 }), pick<Text>(['*', 'true', 'createdBy', ...fields]))
      .map(([n, steps, leaf]): Pair[] => [{ key: `populate${Array.from({ length: n }, (_, i) => `[${steps[i % steps.length]}][populate]`).join('')}`, value: leaf }]);
    const hostile: fc.Arbitrary<QueryTree> = fc.oneof(
      relation,
      fc.array(relation, { minLength: 1, maxLength: 4 }).map((list) => list.join(',')),
      fc.array(relation, { minLength: 1, maxLength: 4 }),
      fc.tuple(relation, fc.oneof(pick<QueryTree>(['true', 'false', '*', '1', '']), this.hostileValue(1))).map(([name, value]): QueryTree => obj([name, value])),
      fc.tuple(relation, pick(['fields', 'filters', 'sort', 'populate', 'on', 'count', 'status', 'locale']), this.hostileValue(1)).map(([name, key, value]): QueryTree => obj([name, obj([key, value])])),
      fc.array(relation, { minLength: 2, maxLength: 5 }).map((list) => list.join('.')),
      this.hostileValue(),
    );
    return fc.oneof({ weight: 3, arbitrary: hostile.map((tree) => flatten('populate', tree)) }, { weight: 1, arbitrary: chain }, { weight: 1, arbitrary: valid.map((tree) => flatten('populate', tree)) });
  }

  private fields(operation: Operation, mode: Mode): fc.Arbitrary<Pair[]> {
    const names = enumOf(parameter(operation, 'fields')?.schema);
    const valid = fc.uniqueArray(pick(names), { minLength: 1, maxLength: 4 }).chain((list) => pick<QueryTree>([list.join(','), list]));
    if (mode === 'valid') return valid.map((tree) => flatten('fields', tree));
    const name = pick([...names, ...PRIVATE_NAMES, ...PROTOTYPE_KEYS, ...this.relations, '*', 'id', 'documentId', '']);
    const hostile: fc.Arbitrary<QueryTree> = fc.oneof(
      name,
      fc.array(name, { minLength: 1, maxLength: 4 }).map((list) => list.join(',')),
      fc.array(name, { minLength: 1, maxLength: 4 }),
      fc.tuple(name, this.hostileValue(1)).map(([key, value]): QueryTree => obj([key, value])),
      this.hostileValue(),
    );
    return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: valid }).map((tree) => flatten('fields', tree));
  }

  private sort(operation: Operation, mode: Mode): fc.Arbitrary<Pair[]> {
    const attributes = enumOf(parameter(operation, 'fields')?.schema);
    const order = pick(['asc', 'desc', 'ASC', 'DESC']);
    const one = fc.tuple(pick(attributes), fc.option(order, { nil: undefined })).map(([a, o]) => (o ? `${a}:${o}` : a));
    const valid = fc.array(one, { minLength: 1, maxLength: 3 }).chain((list) => pick<QueryTree>([list.join(','), list]));
    if (mode === 'valid') return valid.map((tree) => flatten('sort', tree));
    const name = pick([...attributes, ...PRIVATE_NAMES, ...PROTOTYPE_KEYS, 'createdBy.email', 'author.createdBy.password', 'updatedBy.firstname', 'author.name', 'articles.title', 'id', '']);
    const hostileOrder = pick(['asc', 'sideways', '', 'asc;', 'asc,desc', 'desc NULLS FIRST', '1', '-1', 'random()', '__proto__']);
    const hostile: fc.Arbitrary<QueryTree> = fc.oneof(
      fc.tuple(name, hostileOrder).map(([a, o]) => `${a}:${o}`),
      name,
      fc.array(fc.tuple(name, hostileOrder).map(([a, o]) => `${a}:${o}`), { minLength: 1, maxLength: 4 }),
      fc.tuple(name, fc.oneof(hostileOrder, this.hostileValue(1))).map(([a, o]): QueryTree => obj([a, o])),
      fc.integer({ min: 50, max: 400 }).map((n) => Array.from({ length: n }, () => 'slug:asc').join(',')),
      this.hostileValue(),
    );
    return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: valid }).map((tree) => flatten('sort', tree));
  }

  /** `status`: the one value the contract allows, the draft it refuses, and everything in between. */
  private status(mode: Mode): fc.Arbitrary<Pair[]> {
    const values: fc.Arbitrary<QueryTree> = mode === 'valid'
      ? fc.constant('published')
      : fc.oneof(
          pick<QueryTree>(['draft', 'DRAFT', 'Draft', ' draft', 'draft ', 'published ', 'Published', 'PUBLISHED', 'publish', 'modified', 'null', '', null]),
          pick<QueryTree>([obj(['$ne', 'published']), obj(['$eq', 'draft']), obj(['$in', ['draft']]), ['draft'], ['published', 'draft'], ['published'], obj(['__proto__', 'draft'])]),
          this.hostileValue(),
        );
    return values.map((tree) => flatten('status', tree));
  }

  /** Any other declared parameter, from its schema. */
  private declared(param: Parameter, mode: Mode): fc.Arbitrary<Pair[]> {
    return this.valueFor(param.schema, mode).map((tree) => flatten(param.name, tree));
  }

  private unknown(): fc.Arbitrary<Pair[]> {
    return fc.tuple(pick(UNKNOWN_PARAMETERS), fc.oneof(this.hostileValue(1), pick<QueryTree>(['preview', 'draft', 'it', 'en', 'true', '1']))).map(([key, tree]) => flatten(key, tree));
  }

  private query(operation: Operation, mode: Mode): fc.Arbitrary<string> {
    const parts: Array<fc.Arbitrary<Pair[]>> = [];
    for (const param of operation.parameters.filter((p) => p.in === 'query')) {
      const arbitrary = param.name === 'filters'
        ? this.filters(operation, mode)
        : param.name === 'populate'
          ? this.populate(operation, mode)
          : param.name === 'fields'
            ? this.fields(operation, mode)
            : param.name === 'sort'
              ? this.sort(operation, mode)
              : param.name === 'status'
                ? this.status(mode)
                : this.declared(param, mode);
      // Required parameters come almost always (hostile requests leave them out now and then); optional ones now and then, so that combinations vary.
      const [present, absent] = param.required ? (mode === 'hostile' ? [6, 1] : [1, 0]) : [1, 2];
      parts.push(absent === 0 ? arbitrary : fc.oneof({ weight: present, arbitrary }, { weight: absent, arbitrary: fc.constant<Pair[]>([]) }));
    }
    if (mode !== 'valid') parts.push(fc.oneof({ weight: 1, arbitrary: this.unknown() }, { weight: 2, arbitrary: fc.constant<Pair[]>([]) }));
    let pairs: fc.Arbitrary<Pair[]> = (parts.length > 0 ? fc.tuple(...parts) : fc.constant([] as Pair[][])).map((lists) => lists.flat());
    if (mode !== 'valid') {
      pairs = fc.oneof({ weight: 4, arbitrary: pairs }, { weight: 1, arbitrary: withDuplicate(pairs, fc.oneof(this.text(), fc.constant(null))) });
    }
    const built = pairs.map(serialize);
    if (mode !== 'hostile') return built;
    return fc.oneof({ weight: 9, arbitrary: built }, { weight: 1, arbitrary: pick(RAW_QUERIES) });
  }

  // ---- paths -------------------------------------------------------------

  private pathValue(operation: Operation, param: Parameter, mode: Mode): fc.Arbitrary<string> {
    const list = operation.template.replace(/\/\{documentId\}$/, '');
    const valid: string[] = param.name === 'documentId'
      ? this.context.ids[list] ?? []
      : param.name === 'token'
        ? [operation.method === 'post' ? this.context.submissionTokens.withdraw : this.context.submissionTokens.status]
        : enumOf(param.schema);
    // The real values mostly; a well-formed documentId or token that matches nothing now and then.
    const validArb = fc.oneof(
      { weight: 4, arbitrary: pick(valid.length > 0 ? valid : ['x']) },
      { weight: 1, arbitrary: fc.string({ unit: pick([...'abcdefghijklmnopqrstuvwxyz0123456789']), minLength: 24, maxLength: 24 }) },
    );
    if (mode === 'valid') return validArb.map(encodeText);
    const near: string[] = param.name === 'documentId'
      ? [...this.context.draftIds, ...Object.values(this.context.ids).flat().slice(0, 5), 'a'.repeat(23), 'a'.repeat(25), 'A'.repeat(24), '1', '0', '-1', '1.5', 'me', 'count']
      : param.name === 'token'
        ? ['A'.repeat(43), 'A'.repeat(42), 'A'.repeat(44), `${this.context.submissionTokens.status}=`, this.context.submissionTokens.status.toUpperCase(), this.context.submissionTokens.withdraw]
        : valid.flatMap((name) => [name.toUpperCase(), `${name} `, `${name}s`, name.slice(1)]);
    const boundary = pick(near.length > 0 ? near : ['']).map(encodeText);
    if (mode === 'boundary') return fc.oneof(boundary, validArb.map(encodeText));
    const hostile = fc.oneof(
      this.text().map((text) => (typeof text === 'string' ? encodeText(text) : text.raw)),
      pick(RAW_BYTES),
      pick(['..', '.', '%2e%2e', '..%2F..%2Fadmin', '%2F', '%5C', '*', '%2A', '__proto__', 'constructor', 'null', 'undefined', '[object%20Object]', '%0D%0ASet-Cookie:%20x=1', 'a'.repeat(5_000), '%E2%80%AE' + 'x'.repeat(10)]),
      pick(UNICODE_TRICKS).map(encodeText),
    );
    return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: boundary });
  }

  private path(operation: Operation, mode: Mode): fc.Arbitrary<string> {
    const params = operation.parameters.filter((p) => p.in === 'path');
    if (params.length === 0) return fc.constant(operation.template);
    return fc.tuple(...params.map((p) => this.pathValue(operation, p, mode)))
      .map((values) => params.reduce((path, p, i) => path.replace(`{${p.name}}`, () => values[i]!), operation.template));
  }

  // ---- headers -----------------------------------------------------------

  headers(mode: Mode): fc.Arbitrary<Record<string, string>> {
    const token = this.context.partnerToken;
    const authorization: fc.Arbitrary<string | undefined> = mode === 'valid'
      ? fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(`Bearer ${token}`) })
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 3, arbitrary: fc.constant(`Bearer ${token}`) },
          { weight: 3, arbitrary: pick([
            `Bearer ${token}\u00a0`, `Bearer ${token} x`, `bearer ${token}`, `Bearer  ${token}`, `Bearer ${token},Bearer x`, `Bearer ${token.slice(0, -1)}`,
            'Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'Bearer undefined', `Bearer ${'a'.repeat(5_000)}`, 'Bearer \u00ff\u00fe',
          ]) },
          { weight: 2, arbitrary: headerText().map((text) => `Bearer ${text}`) },
        );
    const conditional: fc.Arbitrary<Record<string, string>> = fc.oneof(
      { weight: 6, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.oneof(headerText(), pick(['*', '"x"', 'W/"x"', '"a", "b"', ''])).map((v) => ({ 'if-none-match': v })) },
      { weight: 1, arbitrary: pick([
        new Date().toUTCString(), 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Sat, 13 Sep 275760 00:00:00 GMT', 'garbage', '0', '-1', '2026-12-05T10:00:00Z', '',
      ]).map((v) => ({ 'if-modified-since': v })) },
    );
    const extra: fc.Arbitrary<Record<string, string>> = mode === 'valid'
      ? fc.constant({})
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: pick<Record<string, string>>([
            { accept: 'text/html' }, { accept: 'application/xml' }, { 'accept-encoding': 'identity' }, { 'x-forwarded-for': '1.2.3.4' },
            { 'x-forwarded-for': 'garbage, ::1' }, { origin: 'https://evil.example' }, { origin: 'null' }, { 'x-http-method-override': 'DELETE' },
            { cookie: 'koa.sess=x; cc_anteprima=x' }, { range: 'bytes=0-10' }, { 'content-type': 'application/json' },
          ]) },
        );
    return fc.tuple(authorization, conditional, extra).map(([auth, cond, more]) => ({
      ...(auth === undefined ? {} : { authorization: auth }),
      ...cond,
      ...more,
    }));
  }

  // ---- requests ----------------------------------------------------------

  mode(): fc.Arbitrary<Mode> {
    return fc.oneof({ weight: 4, arbitrary: fc.constant<Mode>('valid') }, { weight: 2, arbitrary: fc.constant<Mode>('boundary') }, { weight: 4, arbitrary: fc.constant<Mode>('hostile') });
  }

  /** Requests for one operation of the contract. */
  forOperation(operation: Operation): fc.Arbitrary<FuzzRequest> {
    return this.mode().chain((mode) =>
      fc.record({
        path: this.path(operation, mode),
        query: this.query(operation, mode),
        headers: this.headers(mode),
        body: operation.body ? formBody(operation.body, mode, hostileString(this.words)).map((b): FuzzBody | undefined => b) : fc.constant<FuzzBody | undefined>(undefined),
      }).map(({ path, query, headers, body }) => described({
        operation: operation.id,
        mode,
        method: operation.method.toUpperCase(),
        path,
        query,
        headers,
        ...(body ? { body } : {}),
      })));
  }

  /** Methods and paths the contract does not offer, and contract paths spelled otherwise. */
  offContract(): fc.Arbitrary<FuzzRequest> {
    const ids = Object.values(this.context.ids).flat();
    const templates = this.context.contract.operations.map((operation) => operation.template);
    const path = fc.tuple(pick([...templates, '', '/', '/users', '/users/me', '/upload/files', '/upload', '/testimony-submissions/1', '/contact-messages/1', '/i18n/locales', '/auth/local', '/admin', '/articles/x/y', '/content-manager/collection-types/api::article.article']), pick(ids.length > 0 ? ids : ['x']), fc.integer({ min: 0, max: 7 }))
      .map(([template, id, variant]) => {
        const p = template.replace(/\{[^}]+\}/g, id);
        return [p, `${p}/`, `/${p}`, p.toUpperCase(), `${p};x=1`, `${p}%2F`, p.replace(/\//g, '//'), `${p}.json`][variant]!;
      });
    const method = pick(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']);
    const body = fc.option(pick<FuzzBody>([
      { contentType: 'application/json', text: '{"data":{"title":"Scritto da fuori","slug":"scritto-da-fuori"}}' },
      { contentType: 'application/json', text: '{"data":{"__proto__":{"polluted":true}}}' },
      { contentType: 'application/x-www-form-urlencoded', text: 'data[title]=x&__proto__[polluted]=1' },
      { contentType: 'text/plain', text: 'hello' },
    ]), { nil: undefined });
    return fc.tuple(method, path, this.query(this.context.contract.operations[0]!, 'hostile'), this.headers('hostile'), body)
      .map(([m, p, query, headers, b]) => described({
        operation: 'off-contract',
        mode: 'hostile',
        method: m,
        path: p,
        query,
        headers,
        ...(b && m !== 'GET' && m !== 'HEAD' ? { body: b } : {}),
      }));
  }
}

/** A request as fast-check prints a counterexample: its start, not megabytes of body. */
export function describeRequest({ method, path, query, headers, body }: FuzzRequest): string {
  const auth = headers.authorization === undefined ? '' : ' [authorization]';
  const sent = body ? ` [${body.contentType ?? 'no content-type'}${body.chunked ? ', chunked' : ''}] ${(body.text ?? Buffer.from(body.bytes ?? []).toString('latin1')).slice(0, 200)}` : '';
  return `${method} ${path.slice(0, 200)}${query ? `?${query.slice(0, 300)}` : ''}${auth}${sent}`;
}

const described = (request: FuzzRequest): FuzzRequest => Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });

/** `key[k][k]…=leaf`, n levels deep. */
function deepChain(n: number, key: Text, leaf: Text): QueryTree {
  let tree: QueryTree = leaf;
  for (let i = 0; i < n; i++) tree = obj([key, tree]);
  return tree;
}
