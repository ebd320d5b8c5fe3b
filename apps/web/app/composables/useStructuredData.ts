import type { Answer, Article, Author, Testimony, Video } from '@chiudete/types';

/**
 * Schema.org JSON-LD of the pages, through nuxt-schema-org: each composable
 * turns CMS content into nodes (`app/utils/structured-data.ts`) and adds them
 * to the page's one graph, next to the WebSite, WebPage and Organization that
 * every page has (`useSiteSeo`) and the BreadcrumbList of `AppBreadcrumbs`.
 * The graph is rendered on the server only: crawlers read the SSR HTML, and
 * the `import.meta.client` guards keep the builders out of the browser bundle.
 * A content type's own nodes may live in its room (the book's: `useBook.ts`).
 */

/** What the builders need: the site's origin, media URLs, the site's share image. */
export function useJsonLdContext(): JsonLdContext {
  const { siteUrl } = useRuntimeConfig().public;
  return { siteUrl, mediaUrl: useMediaUrl(), defaultImage: useSiteSeoDefaults().value.image?.url };
}

/** The kinds of WebPage this site has, beyond the plain one. */
export type WebPageType = 'CollectionPage' | 'AboutPage' | 'ContactPage' | 'ProfilePage' | 'SearchResultsPage';

/** Gives the page's WebPage node a more precise type (a listing, the about page...). */
export function useWebPageJsonLd(type: WebPageType): void {
  if (import.meta.client) return;
  useSchemaOrg([defineWebPage({ '@type': type })]);
}

/** An author's page: a ProfilePage whose main entity is the author (the same Person their articles name). */
export function useProfilePageJsonLd(author: Pick<Author, 'name' | 'slug' | 'role' | 'bio' | 'avatar' | 'socialLinks'>): void {
  if (import.meta.client) return;
  const context = useJsonLdContext();
  useSchemaOrg([
    definePerson(personJsonLd(author, context)),
    defineWebPage({ '@type': 'ProfilePage', 'mainEntity': { '@id': authorJsonLdId(author.slug, context) } }),
  ]);
}

export function useArticleJsonLd(article: Article): void {
  if (import.meta.client) return;
  useSchemaOrg([defineArticle(articleJsonLd(article, useJsonLdContext()))]);
}

export function useTestimonyJsonLd(testimony: Testimony): void {
  if (import.meta.client) return;
  useSchemaOrg([defineArticle(testimonyJsonLd(testimony, useJsonLdContext()))]);
}

export function useAnswerJsonLd(answer: Answer): void {
  if (import.meta.client) return;
  useSchemaOrg([defineArticle(answerJsonLd(answer, useJsonLdContext()))]);
}

/** One VideoObject per video of the page. */
export function useVideosJsonLd(videos: Video[]): void {
  if (import.meta.client) return;
  if (videos.length === 0) return;
  const context = useJsonLdContext();
  useSchemaOrg(videos.map((video) => defineVideo(videoJsonLd(video, context))));
}

/** The page's BreadcrumbList (AppBreadcrumbs calls it with the trail it shows). */
export function useBreadcrumbJsonLd(items: BreadcrumbItem[]): void {
  if (import.meta.client) return;
  const route = useRoute();
  useSchemaOrg([defineBreadcrumb(breadcrumbJsonLd(items, route.path, useJsonLdContext()))]);
}
