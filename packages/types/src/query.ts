/**
 * Serializes Strapi REST query parameters the way Strapi's `qs` parser reads
 * them: nested objects and arrays in bracket notation with explicit indices,
 * e.g. `{ filters: { $or: [{ role: { $eq: 'cliente' } }] } }` becomes
 * `filters[$or][0][role][$eq]=cliente`.
 */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

export function toQueryString(params: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  const visit = (prefix: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) {
      pairs.push(`${encodeKey(prefix)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(`${prefix}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(`${prefix}[${key}]`, item);
    } else {
      pairs.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params)) visit(key, value);
  return pairs.join('&');
}

/** Brackets and `$` stay readable: Strapi accepts them unencoded. */
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%24/g, '$');
