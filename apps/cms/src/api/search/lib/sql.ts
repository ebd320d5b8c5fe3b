import type { Core } from '@strapi/strapi';

/**
 * The little of knex the search index uses: raw SQL with `?` bindings, and
 * transactions (nested ones become savepoints). Strapi's connection
 * (`strapi.db.connection`) is a knex instance.
 */
export type Binding = string | number | null;

export interface Sql {
  raw(sql: string, bindings?: readonly Binding[]): PromiseLike<unknown>;
  transaction<T>(run: (trx: Sql) => Promise<T>): Promise<T>;
}

export const sqlOf = (strapi: Core.Strapi): Sql => strapi.db.connection as unknown as Sql;

/** `?, ?, ?` for `count` bindings. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
