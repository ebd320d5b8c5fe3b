import { CONTENT_TYPE_SCHEMAS } from '../generated/content';
import { CONTENT_TYPE_DOCS, CONTENT_TYPE_TABLE } from './table';

/**
 * The registry of content types: one entry per Strapi content type, what its
 * schema says (generated) joined with what it does not (./table.ts). The CMS
 * and the site read every per-type list from here: public permissions,
 * content events, webhooks, previews, scheduling, the sitemap, the page
 * cache's purges, the REST client, the site's links.
 */

type Table = typeof CONTENT_TYPE_TABLE;
type Schemas = typeof CONTENT_TYPE_SCHEMAS;

/** Every content type, by its singular name. */
export type ContentTypeName = keyof Table;
/** The types anyone may read through the REST API, and that the site shows. */
export type PublicContentType = { [T in ContentTypeName]: Table[T]['access'] extends 'public' ? T : never }[ContentTypeName];
/** Public types with draft & publish: the ones editors schedule and preview. */
export type DraftAndPublishType = { [T in PublicContentType]: Schemas[T]['draftAndPublish'] extends true ? T : never }[PublicContentType];
/** Public types whose entries other pages show (the targets of relations between public types). */
export type RelatedType = { [T in PublicContentType]: Schemas[T]['relations'][keyof Schemas[T]['relations']] }[PublicContentType] & PublicContentType;
/** Public types whose published slugs are in the sitemap source. */
export type SitemapContentType = { [T in PublicContentType]: Table[T] extends { sitemap: true } ? T : never }[PublicContentType];
/** Public single types (one entry, no list). */
export type SingleContentType = { [T in PublicContentType]: Schemas[T]['kind'] extends 'singleType' ? T : never }[PublicContentType];
/** A public type's member of `StrapiClient`. */
export type ContentClientKey<T extends PublicContentType> = Table[T]['client'];
/** The Strapi UID of a type (`api::article.article`). */
export type ContentTypeUid<T extends ContentTypeName = ContentTypeName> = Schemas[T]['uid'];

export interface ContentTypeEntry<T extends ContentTypeName = ContentTypeName> {
  type: T;
  uid: ContentTypeUid<T>;
  kind: 'collectionType' | 'singleType';
  /** The REST path below `/api`: the plural (`articles`), the singular for a single type (`global`). */
  restPath: string;
  draftAndPublish: boolean;
  /** Whether editors can schedule its publication (its schema has `scheduledPublishAt` and `scheduledUnpublishAt`). */
  scheduled: boolean;
  access: 'public' | 'private';
  /** Relation fields to other content types, and the type each points to. */
  relations: Readonly<Record<string, ContentTypeName>>;
}

export interface PublicContentTypeEntry<T extends PublicContentType = PublicContentType> extends ContentTypeEntry<T> {
  access: 'public';
  /** Its public interface and its member of `StrapiClient`. */
  name: string;
  client: string;
  /** The site's page of the type, and of one entry (`{slug}` for the slug). */
  list: string;
  entry: string;
  sitemap: boolean;
  feed: boolean;
}

const typeNames = /* @__PURE__ */ Object.keys(CONTENT_TYPE_TABLE) as ContentTypeName[];

/** Every content type, in the registry's order. */
const joinRegistry = (): Record<ContentTypeName, ContentTypeEntry> =>
  Object.fromEntries(typeNames.map((type) => [type, { type, ...CONTENT_TYPE_SCHEMAS[type], ...CONTENT_TYPE_TABLE[type] }])) as Record<ContentTypeName, ContentTypeEntry>;
// Behind a pure call of a function, like RELATED_TYPES: a browser bundle that only links (sitePath) drops the schemas.
export const CONTENT_TYPE_REGISTRY: Readonly<Record<ContentTypeName, ContentTypeEntry>> = /* @__PURE__ */ joinRegistry();

export const CONTENT_TYPE_NAMES: readonly ContentTypeName[] = typeNames;

/** The Strapi UID of a type (`article` → `api::article.article`). */
export const uidOf = <T extends ContentTypeName>(type: T): ContentTypeUid<T> => CONTENT_TYPE_SCHEMAS[type].uid;

const isPublicEntry = (entry: ContentTypeEntry): entry is PublicContentTypeEntry => entry.access === 'public';

/** A non-empty list, as `z.enum` wants it. */
type List<T> = readonly [T, ...T[]];

/** The public types, in the registry's order (read from the table alone, like the site paths below). */
export const PUBLIC_CONTENT_TYPES = /* @__PURE__ */ typeNames.filter((type) => CONTENT_TYPE_TABLE[type].access === 'public') as unknown as List<PublicContentType>;

/** One public type's entry. */
export const publicContentType = <T extends PublicContentType>(type: T): PublicContentTypeEntry<T> =>
  CONTENT_TYPE_REGISTRY[type] as unknown as PublicContentTypeEntry<T>;

/** The public types with draft & publish, in the registry's order. */
export const DRAFT_AND_PUBLISH_TYPES = /* @__PURE__ */ PUBLIC_CONTENT_TYPES.filter((type) => CONTENT_TYPE_REGISTRY[type].draftAndPublish) as unknown as List<DraftAndPublishType>;

/** The types editors schedule (their schemas have the schedule fields), in the registry's order. */
export const SCHEDULED_CONTENT_TYPES: readonly ContentTypeName[] = /* @__PURE__ */ typeNames.filter((type) => CONTENT_TYPE_REGISTRY[type].scheduled);

/** The relation fields of a public type that point to other public types (whose pages show the entry), field: type. */
export function relatedFields(type: PublicContentType): Readonly<Record<string, RelatedType>> {
  const fields = Object.entries(CONTENT_TYPE_REGISTRY[type].relations).filter(([, target]) => CONTENT_TYPE_REGISTRY[target].access === 'public');
  return Object.fromEntries(fields) as Record<string, RelatedType>;
}

/** The types whose pages show an entry of `type` (its related types), in its schema's field order. */
export const linkedTypes = (type: PublicContentType): RelatedType[] => [...new Set(Object.values(relatedFields(type)))];

/** Every type some other public type relates to. */
// In a function: a bundle that does not use it drops the whole computation (a pure call's arguments would stay).
const relatedTypes = (): List<RelatedType> => Array.from(new Set(PUBLIC_CONTENT_TYPES.flatMap(linkedTypes))) as unknown as List<RelatedType>;
export const RELATED_TYPES = /* @__PURE__ */ relatedTypes();

const SLUG_MARK = '{slug}';

/**
 * A public type's site paths, read from the table alone: a browser bundle
 * that only links (`sitePath`) carries the table, not the generated schemas
 * of every type (private ones included), which the site's pages never need.
 */
const sitePathsOf = (type: PublicContentType): { list: string; entry: string } => CONTENT_TYPE_TABLE[type];

/** Whether entries of a type have a page each (`/articoli/<slug>`), rather than one page for all (`/video`, `/libro`). */
export const hasEntryPages = (type: PublicContentType): boolean => sitePathsOf(type).entry.includes(SLUG_MARK);

/**
 * The site's page of an entry (`/articoli/il-caso`), its slug encoded as a
 * path segment; the type's own page for types without a page per entry
 * (videos: /video; the book: /libro; the settings: /) or without a slug.
 */
export function sitePath(type: PublicContentType, slug?: string | null): string {
  const { entry, list } = sitePathsOf(type);
  if (!entry.includes(SLUG_MARK)) return entry;
  return slug ? entry.replace(SLUG_MARK, encodeURIComponent(slug)) : list;
}

/** The site's page listing a type's entries (`/articoli`). */
export const listPath = (type: PublicContentType): string => sitePathsOf(type).list;

/**
 * The types of the sitemap source: those with a page per entry first, then
 * the others, each group in the registry's order.
 */
const sitemapOrder = (): List<SitemapContentType> => [
  ...PUBLIC_CONTENT_TYPES.filter((type) => publicContentType(type).sitemap && hasEntryPages(type)),
  ...PUBLIC_CONTENT_TYPES.filter((type) => publicContentType(type).sitemap && !hasEntryPages(type)),
] as unknown as List<SitemapContentType>;
export const SITEMAP_CONTENT_TYPES = /* @__PURE__ */ sitemapOrder();

/** The public type of a Strapi UID, or undefined for private types and anything else. */
export function publicTypeOfUid(uid: unknown): PublicContentType | undefined {
  if (typeof uid !== 'string') return undefined;
  const type = uid.replace(/^api::[^.]+\./, '') as ContentTypeName;
  if (!Object.hasOwn(CONTENT_TYPE_REGISTRY, type)) return undefined;
  const entry = CONTENT_TYPE_REGISTRY[type];
  return entry.uid === uid && isPublicEntry(entry) ? (type as PublicContentType) : undefined;
}

/** A public type's group and English description in the OpenAPI contract. */
export const contentTypeDocs = (type: PublicContentType): { tag: string; description: string } => CONTENT_TYPE_DOCS[type];
