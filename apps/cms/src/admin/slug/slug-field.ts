/** The uid attribute of a content type that Strapi builds from another field (`targetField`). */
export interface SlugField {
  name: string;
  targetField: string;
}

/** The first uid attribute with a `targetField`, e.g. article `slug` from `title`; null when there is none. */
export function findSlugField(attributes: Record<string, unknown>): SlugField | null {
  for (const [name, attribute] of Object.entries(attributes)) {
    const { type, targetField } = (attribute ?? {}) as { type?: unknown; targetField?: unknown };
    if (type === 'uid' && typeof targetField === 'string' && targetField) return { name, targetField };
  }
  return null;
}

/**
 * Whether the slug is still the one the admin made up rather than one the
 * editor typed: empty, the last one we generated, or Strapi's own default for
 * an empty title, the type's name (`article`, `article-1`…).
 */
export function isUntouchedSlug(slug: unknown, lastGenerated: string | null, typeName: string): boolean {
  if (slug === undefined || slug === null || slug === '') return true;
  if (typeof slug !== 'string') return false;
  if (lastGenerated !== null && slug === lastGenerated) return true;
  return new RegExp(`^${typeName.replace(/[^a-z0-9-]/gi, '')}(-\\d+)?$`).test(slug);
}
