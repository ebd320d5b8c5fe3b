import fc from 'fast-check';
import { encode, encodeText, isRaw, type Text } from './text';

/**
 * Query strings as Strapi reads them (`qs`, brackets for nesting), built
 * from trees whose objects are lists of entries: a key may repeat, and
 * `__proto__` is an ordinary key here (never an assignment to a prototype).
 */

export interface Entries {
  entries: Array<[Text, QueryTree]>;
}

/** A scalar (`key=value`), `null` (a bare `key`), an array (`key[0]=…`) or entries (`key[name]=…`). */
export type QueryTree = Text | null | QueryTree[] | Entries;

export interface Pair {
  /** Already percent-encoded, brackets literal. */
  key: string;
  value: Text | null;
}

export const obj = (...entries: Array<[Text, QueryTree]>): Entries => ({ entries });

const isEntries = (value: unknown): value is Entries =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'entries' in value;

/** A key segment: percent-encoded except what qs reads as syntax anyway. */
export const encodeKey = (segment: Text): string =>
  isRaw(segment) ? segment.raw : encodeText(segment).replace(/%24/g, '$').replace(/%5B/g, '[').replace(/%5D/g, ']');

/** The pairs of a tree under `key` (`filters`, `pagination[page]`...). */
export function flatten(key: string, tree: QueryTree, out: Pair[] = []): Pair[] {
  if (tree === null || typeof tree === 'string' || isRaw(tree)) {
    out.push({ key, value: tree });
  } else if (Array.isArray(tree)) {
    tree.forEach((item, i) => flatten(`${key}[${i}]`, item, out));
  } else if (isEntries(tree)) {
    for (const [name, value] of tree.entries) flatten(`${key}[${encodeKey(name)}]`, value, out);
  }
  return out;
}

export const serialize = (pairs: readonly Pair[]): string =>
  pairs.map(({ key, value }) => (value === null ? key : `${key}=${encode(value)}`)).join('&');

/** Pairs with one of them sent twice, the second time with another value (qs then reads an array). */
export function withDuplicate(pairs: fc.Arbitrary<Pair[]>, values: fc.Arbitrary<Text | null>): fc.Arbitrary<Pair[]> {
  return fc.tuple(pairs, fc.nat(), values).map(([list, index, value]) => {
    if (list.length === 0) return list;
    const { key } = list[index % list.length]!;
    return [...list, { key, value }];
  });
}

/**
 * Whole query strings that are hostile as a whole: a bare prototype key
 * (Strapi caches the parsed query by the raw string), separators only,
 * more pairs than qs's parameter limit, longer arrays than its array
 * limit, deeper brackets than its depth limit.
 */
export const RAW_QUERIES: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', '__lookupGetter__',
  '__proto__=', '__proto__=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '__proto__.polluted=1',
  '=', '&', '&&&=&', '==', '[]', '[]=', '[=]', 'a[', ']', '[', '%', '%00', '%00=%00', '&=&=', '?', '??a=1', 'a=1#frag', '#',
  `${'a'.repeat(3_000)}=1`, '&'.repeat(3_000), Array.from({ length: 1_500 }, () => 'a=1').join('&'),
  Array.from({ length: 150 }, () => 'pagination[page][]=1').join('&'), Array.from({ length: 120 }, (_, i) => `fields[${i}]=slug`).join('&'),
  `filters${'[$or][0]'.repeat(30)}[slug][$eq]=x`, `populate${'[author][populate]'.repeat(30)}=*`, `a${'[b]'.repeat(200)}=1`,
  'filters[999999999]=1', 'fields[999999999]=slug', 'sort[2147483648]=slug', 'pagination[page][__proto__]=1',
];
