import type { QueryValue } from './query';

/** Pagination block of Strapi's list responses (`meta.pagination`). */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface Paginated<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export interface Single<T> {
  data: T;
  meta: Record<string, unknown>;
}

type FilterOperator
  = | '$eq' | '$eqi' | '$ne' | '$nei' | '$lt' | '$lte' | '$gt' | '$gte'
    | '$in' | '$notIn' | '$contains' | '$containsi' | '$notContains' | '$notContainsi'
    | '$startsWith' | '$startsWithi' | '$endsWith' | '$endsWithi'
    | '$null' | '$notNull' | '$between';

type Scalar = string | number | boolean | null;
export type FieldFilter = { [Op in FilterOperator]?: Scalar | Scalar[] };

type Element<V> = V extends ReadonlyArray<infer E> ? E : V;
type FilterFor<V> = NonNullable<Element<V>> extends Scalar ? FieldFilter : Filters<NonNullable<Element<V>>>;

/** Strapi filters on the fields of T, with nested filters on relations. */
export type Filters<T> = { [K in keyof T]?: FilterFor<T[K]> } & {
  $and?: Array<Filters<T>>;
  $or?: Array<Filters<T>>;
  $not?: Filters<T>;
};

type ScalarKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Scalar ? K : never }[keyof T] & string;
export type SortField<T> = ScalarKeys<T> | `${ScalarKeys<T>}:${'asc' | 'desc'}`;

export interface ListParams<T> {
  page?: number;
  /** At most 100 (the server's cap). */
  pageSize?: number;
  sort?: SortField<T> | Array<SortField<T>>;
  filters?: Filters<T>;
  fields?: Array<ScalarKeys<T>>;
  /** Override the server's default populate (rarely needed). */
  populate?: QueryValue;
}

export interface GetParams<T> {
  fields?: Array<ScalarKeys<T>>;
  populate?: QueryValue;
}
