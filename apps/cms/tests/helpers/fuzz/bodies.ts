import fc from 'fast-check';
import type { Json } from './contract';
import { encodeText, UNICODE_TRICKS } from './text';

/**
 * Request bodies of the public forms, generated from the contract's request
 * schema (`{ data: { ...fields } }`): valid ones (which may be stored),
 * ones at and past every limit, wrong types, missing and extra fields
 * (prototype keys, private attributes), other envelopes, invalid JSON,
 * deep nesting, invalid UTF-8, and other content types.
 */

export interface FuzzBody {
  /** Absent: no Content-Type header at all. */
  contentType?: string;
  /**
   * The body. Placeholders are replaced when the request is sent, so that
   * anti-abuse proofs are fresh: see `PLACEHOLDERS`.
   */
  text?: string;
  /** Bytes instead of text (invalid UTF-8). */
  bytes?: number[];
  /** Sent as a stream, with `Transfer-Encoding: chunked` and no Content-Length. */
  chunked?: boolean;
}

/**
 * Anti-abuse values made when a request is sent: a form token for this
 * form, for the other form, an expired one; a solved ALTCHA challenge, an
 * expired one, a wrong solution, and one solution reused by every request.
 */
export const PLACEHOLDERS = ['FORM_TOKEN', 'FORM_TOKEN_OTHER', 'FORM_TOKEN_EXPIRED', 'ALTCHA', 'ALTCHA_EXPIRED', 'ALTCHA_WRONG', 'ALTCHA_REPLAY'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export const placeholder = (name: Placeholder) => `<<${name}>>`;

type Entries = Array<[string, unknown]>;

/** JSON of entries, keys as given (`__proto__` included) and possibly repeated. */
const entriesJson = (entries: Entries): string =>
  `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => (values.length > 0 ? fc.constantFrom(...values) : fc.constant(undefined as T));

const SENTENCE = 'Ho chiamato il servizio clienti per la stessa bolletta tre volte e ogni volta una risposta diversa. ';
const KNOWN_VALUES: Record<string, readonly string[]> = {
  eventMonth: ['2019-03', '2024-12', '1999-01', '2020-02'],
  contactEmail: ['lettore.fuzz@example.org', ''],
  email: ['lettrice.fuzz@example.org', 'a@b.it'],
};
const WRONG_TYPES: readonly unknown[] = [
  42, -1, 0, 1.5, 1e300, true, false, null, [], ['x'], {}, { $gt: '' }, { $ne: null }, [[[]]], '', ' ',
];
const EXTRA_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'id', 'documentId', 'publishedAt', 'status', 'submissionStatus', 'moderatorNote',
  'accessTokenHash', 'ipHash', 'testimony', 'createdBy', 'updatedBy', 'locale', 'internalNote', 'personalDataFindings', 'redactedStory', '',
];
const INVALID_JSON: readonly string[] = [
  '', ' ', '{', '}', '{"data":', '{"data":{}', '{"data":{}}}', '{\'data\':{}}', '{data:{}}', '{"data":{},}', '[1,]', 'NaN', 'undefined',
  '{"data":NaN}', '{"data":Infinity}', '{"data":0x10}', '{"data":"\\x41"}', '{"data":"\\u12"}', '{"data":"\u0000"}', '\u0000', '{"data":{}}\u0000',
  '{"data":{}} trailing', '\ufeff{"data":{}}', '/* comment */{"data":{}}', '{"data":{}}//', '{"a":1}{"b":2}', '"\\ud800"', 'tru', 'nul',
];
const CONTENT_TYPES: ReadonlyArray<string | undefined> = [
  undefined, '', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=fuzz',
  'multipart/form-data', 'application/xml', 'text/xml', 'application/json; charset=latin1', 'application/json; charset=utf-16',
  'application/json; charset=bogus', 'application/vnd.api+json', 'application/csp-report', 'APPLICATION/JSON', 'application/json, text/html',
  'text/json', '*/*', 'application/octet-stream', 'application/json; boundary=x', 'application/jsonx',
];

interface Field {
  name: string;
  schema: Json;
  required: boolean;
}

function fieldsOf(requestSchema: Json): Field[] {
  const data = (requestSchema.properties as Record<string, Json> | undefined)?.data;
  const properties = (data?.properties ?? {}) as Record<string, Json>;
  const required = new Set((data?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({ name, schema, required: required.has(name) }));
}

/** A text between min and max characters. */
const textOfLength = (length: number) => SENTENCE.repeat(Math.ceil(length / SENTENCE.length) + 1).slice(0, length).trimEnd().padEnd(length, '.');

function validValue(field: Field): fc.Arbitrary<unknown> {
  const { name, schema } = field;
  if (name === 'formToken') return fc.constant(placeholder('FORM_TOKEN'));
  if (name === 'altcha') return fc.constant(placeholder('ALTCHA'));
  if (name === 'website') return fc.constant('');
  if (KNOWN_VALUES[name]) return pick(KNOWN_VALUES[name]!);
  if (Array.isArray(schema.enum)) return pick(schema.enum as unknown[]);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const min = typeof schema.minLength === 'number' ? schema.minLength : 3;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  return fc.integer({ min: Math.max(min, 3), max: Math.min(max, Math.max(min, 3) + 300) }).map(textOfLength);
}

/** A valid value with a unicode trick spliced in (the length kept within the limits): the server may accept or refuse it, never fail. */
function trickyValue(field: Field, strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.tuple(validValue(field), pick(UNICODE_TRICKS), fc.nat(), strings).map(([value, trick, at, extra]) => {
    if (typeof value !== 'string' || value.length < 4 || field.name === 'formToken' || field.name === 'altcha') return value;
    const max = typeof field.schema.maxLength === 'number' ? field.schema.maxLength : value.length + 40;
    const position = at % value.length;
    return `${value.slice(0, position)}${trick}${extra.slice(0, 20)}${value.slice(position)}`.slice(0, max);
  });
}

/** A value the contract refuses for this field. */
function invalidValue(field: Field, strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const { schema } = field;
  const options: Array<fc.Arbitrary<unknown>> = [pick(WRONG_TYPES)];
  if (typeof schema.maxLength === 'number') {
    const over = schema.maxLength + 1;
    options.push(pick([over, over + 1, over * 2, 20_000]).map((n) => 'x'.repeat(n)));
  }
  if (typeof schema.minLength === 'number' && schema.minLength > 1) options.push(fc.constant('x'.repeat(schema.minLength - 1)));
  if (Array.isArray(schema.enum) || schema.const !== undefined) options.push(strings.filter((s) => !(schema.enum as unknown[] | undefined)?.includes(s)), pick([false, 'true', 1, 'TRUE']));
  if (field.name === 'contactEmail' || field.name === 'email') options.push(pick(['not-an-email', '@', 'a@', 'a@b', 'a b@example.org', `${'a'.repeat(250)}@example.org`, '"<script>"@example.org']));
  if (field.name === 'eventMonth') options.push(pick(['2019-13', '2019-00', '1899-12', '2100-01', '2019-3', '2019/03', '03-2019', '2999-12']));
  if (field.name === 'formToken') options.push(pick(['v1.testimony.1.x.y', 'v1.contact.0.AAAA.AAAA', placeholder('FORM_TOKEN_OTHER'), placeholder('FORM_TOKEN_EXPIRED'), 'x'.repeat(300)]), strings);
  if (field.name === 'altcha') options.push(pick([placeholder('ALTCHA_EXPIRED'), placeholder('ALTCHA_WRONG'), placeholder('ALTCHA_REPLAY'), 'e30=', 'bnVsbA==', Buffer.from('{"algorithm":"SHA-256"}').toString('base64'), 'A'.repeat(3_000)]), strings);
  if (field.name === 'website') options.push(pick(['http://spam.example', ' ', '0', 'x']));
  return fc.oneof(...options);
}

type Mutation = { kind: 'drop'; field: string } | { kind: 'set'; field: string; value: unknown } | { kind: 'extra'; key: string; value: unknown };

function mutations(fields: Field[], strings: fc.Arbitrary<string>): fc.Arbitrary<Mutation[]> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    pick(fields.filter((f) => f.required)).map((f): Mutation => ({ kind: 'drop', field: f.name })),
    pick(fields).chain((f) => invalidValue(f, strings).map((value): Mutation => ({ kind: 'set', field: f.name, value }))),
    fc.tuple(fc.oneof(pick(EXTRA_KEYS), strings), fc.oneof(pick(WRONG_TYPES), strings, fc.constant({ polluted: true })))
      .map(([key, value]): Mutation => ({ kind: 'extra', key, value })),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

function dataEntries(fields: Field[], values: unknown[], applied: Mutation[]): Entries {
  let entries: Entries = fields.map((f, i): [string, unknown] => [f.name, values[i]]);
  entries = entries.filter(([name, value]) => value !== undefined || fields.find((f) => f.name === name)?.required);
  for (const m of applied) {
    if (m.kind === 'drop') entries = entries.filter(([name]) => name !== m.field);
    else if (m.kind === 'set') entries = entries.map(([name, value]): [string, unknown] => [name, name === m.field ? m.value : value]);
    else entries.push([m.key, m.value]);
  }
  return entries;
}

/** Other envelopes around the data: none, an array, extra or repeated keys, prototype keys. */
const ENVELOPES: ReadonlyArray<(data: string) => string> = [
  (data) => data,
  (data) => `{"data":[${data}]}`,
  (data) => `[{"data":${data}}]`,
  (data) => `{"data":${data},"meta":{}}`,
  (data) => `{"data":${data},"data":"x"}`,
  (data) => `{"data":"x","data":${data}}`,
  (data) => `{"__proto__":{"data":${data}}}`,
  (data) => `{"data":${data},"__proto__":{"polluted":true}}`,
  (data) => `{"constructor":{"prototype":{"polluted":true}},"data":${data}}`,
  () => '{"data":null}', () => '{"data":"x"}', () => '{"data":[]}', () => '{"data":{}}', () => '{}', () => 'null', () => '"data"', () => '1', () => '[]',
];

function urlencoded(entries: Entries): string {
  return [...entries.map(([k, v]) => `data[${encodeText(k)}]=${encodeText(typeof v === 'string' ? v : JSON.stringify(v))}`), '__proto__[polluted]=1', 'data[__proto__][polluted]=1'].join('&');
}

const multipart = (json: string, closed: boolean) => [
  '--fuzz', 'Content-Disposition: form-data; name="data"', '', json,
  '--fuzz', 'Content-Disposition: form-data; name="files"; filename="../../x.txt"', 'Content-Type: text/plain', '', 'hello',
  closed ? '--fuzz--' : '--fuz', '',
].join('\r\n');

/** Bodies for a form operation, from its request schema. */
export function formBody(requestSchema: Json, mode: 'valid' | 'boundary' | 'hostile', strings: fc.Arbitrary<string>): fc.Arbitrary<FuzzBody> {
  const fields = fieldsOf(requestSchema);
  const valueOf = (f: Field) => {
    const present = mode === 'valid' ? validValue(f) : fc.oneof({ weight: 3, arbitrary: validValue(f) }, { weight: 1, arbitrary: trickyValue(f, strings) });
    // Optional fields come and go.
    return f.required ? present : fc.option(present, { nil: undefined });
  };
  const values = fc.tuple(...fields.map(valueOf));
  const json = (contentType: string | undefined = 'application/json') => (text: string): FuzzBody => ({ contentType, text });

  if (mode === 'valid') {
    // A quarter of them with right-to-left overrides and zero-width characters in one text.
    return fc.tuple(values, fc.nat(), fc.nat({ max: 3 })).map(([v, index, tricky]) => {
      let entries = dataEntries(fields, v, []);
      if (tricky === 0 && entries.length > 0) entries = entries.map(([name, value], i): [string, unknown] => [name, i === index % entries.length ? trickyOf(value) : value]);
      return json()(`{"data":${entriesJson(entries)}}`);
    });
  }

  const mutated = fc.tuple(values, mutations(fields, strings)).map(([v, m]) => entriesJson(dataEntries(fields, v, m)));
  if (mode === 'boundary') return mutated.map((data) => json()(`{"data":${data}}`));

  const enveloped = fc.tuple(fc.oneof(mutated, values.map((v) => entriesJson(dataEntries(fields, v, [])))), pick(ENVELOPES)).map(([data, wrap]) => json()(wrap(data)));
  const invalidJson = pick(INVALID_JSON).map(json());
  const deep = fc.tuple(pick([100, 1_000, 10_000, 30_000]), pick(['[', '{"a":']), fc.boolean()).map(([n, open, balanced]) => {
    const close = open === '[' ? ']' : '}';
    return json()(`{"data":${open.repeat(n)}1${balanced ? close.repeat(n) : ''}}`);
  });
  const huge = pick([60_000, 70_000, 200_000]).map((n) => json()(`{"data":{"story":"${'x'.repeat(n)}","title":"x"}}`));
  const invalidUtf8 = fc.tuple(values, pick([[0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x00], [0xf4, 0x90, 0x80, 0x80]])).map(([v, bad]): FuzzBody => {
    const text = `{"data":${entriesJson(dataEntries(fields, v, []))}}`;
    const at = text.indexOf('"', text.indexOf(':', 10) + 1) + 1;
    const bytes = [...Buffer.from(text.slice(0, at)), ...bad, ...Buffer.from(text.slice(at))];
    return { contentType: 'application/json', bytes };
  });
  const otherTypes = fc.tuple(values, pick(CONTENT_TYPES), fc.boolean()).map(([v, contentType, closed]): FuzzBody => {
    const entries = dataEntries(fields, v, []);
    const text = `{"data":${entriesJson(entries)}}`;
    if (contentType === 'application/x-www-form-urlencoded') return { contentType, text: urlencoded(entries) };
    if (contentType?.startsWith('multipart/')) return { contentType, text: multipart(text, closed) };
    return { contentType, text };
  });
  const chunked = fc.tuple(values, pick([10, 100_000, 900_000])).map(([v, padding]): FuzzBody => ({
    contentType: 'application/json',
    text: `{"data":${entriesJson([...dataEntries(fields, v, []), ['padding', 'x'.repeat(padding)]])}}`,
    chunked: true,
  }));
  return fc.oneof(
    { weight: 6, arbitrary: enveloped },
    { weight: 2, arbitrary: invalidJson },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: invalidUtf8 },
    { weight: 3, arbitrary: otherTypes },
    { weight: 1, arbitrary: chunked },
  );
}

/** A valid text with right-to-left overrides and zero-width characters, same length. */
function trickyOf(value: unknown): unknown {
  if (typeof value !== 'string' || value.length < 10 || value.startsWith('<<')) return value;
  return `\u202e${value.slice(2, -1)}\u200b`;
}
