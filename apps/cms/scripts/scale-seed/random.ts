import { createHash } from 'node:crypto';

/**
 * Determinism of the generated content: every document is drawn from its
 * own pseudo-random stream, seeded by (seed, type, index). Document `i` of a
 * seed is therefore the same whatever the counts asked for, and a rerun
 * regenerates exactly the rows it already wrote.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** mulberry32: small, fast, good enough for text generation (not for secrets). */
export function randomFor(...key: Array<string | number>): Random {
  let state = digest(key.join(':')).readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('[seed:scale] pick() from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    sample: <T>(items: readonly T[], count: number) => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
      return out;
    },
    chance: (probability: number) => next() < probability,
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A Strapi-shaped documentId (24 characters, lower-case letters and digits,
 * starting with a letter, like Strapi's own cuid2 ids), derived from the key:
 * the same (seed, type, index) always gives the same id.
 */
export function documentIdFor(...key: Array<string | number>): string {
  const bytes = digest(['chiudete-scale', ...key].join(':'));
  let id = ALPHABET[bytes[0]! % 26]!;
  for (let i = 1; i < 24; i++) id += ALPHABET[bytes[i]! % ALPHABET.length]!;
  return id;
}

/** URL slug of a title (accents folded, lower case, dashes), at most `max` characters. */
export function slugify(text: string, max = 120): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/** Replaces `{name}` placeholders; an unknown one is a bug in a phrase bank. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`[seed:scale] No value for {${name}} in "${template}"`);
    return String(value);
  });
}

/** Upper-cases the first letter. */
export const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase('it') + text.slice(1);
