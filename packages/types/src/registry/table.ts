/**
 * The content types, as far as Strapi's schemas do not say it: the hand-kept
 * half of the registry (the other half, uid, REST plural and draft & publish,
 * is generated from the schemas into ../generated/content.ts by
 * scripts/generate.mjs, which reads this file too: plain data, no imports).
 *
 * One entry per content type of apps/cms/src/api/<folder>/content-types, keyed
 * by its singular name (the `type` of webhooks, revalidation and previews):
 * - `access`: `public` types are read by anyone through the REST API (find,
 *   findOne), trigger webhooks and page purges, and become interfaces of this
 *   package; `private` ones never leave the CMS.
 * - `name`: the public interface generated for it (`Article`).
 * - `client`: its member of `StrapiClient` (`api.articles`).
 * - `list`, `entry`: the site's page of the type and of one entry (`{slug}`
 *   stands for the entry's slug); the same page for types without a page per
 *   entry (videos on /video, the book on /libro, the settings on every page).
 * - `sitemap`: its published slugs are in the CMS's sitemap source.
 * - `feed`: its newest entries are in the site's feeds.
 * Related types (whose pages show an entry) are not written here: they are
 * the relations between public types in the schemas.
 */
export const CONTENT_TYPE_TABLE = {
  'article': { access: 'public', name: 'Article', client: 'articles', list: '/articoli', entry: '/articoli/{slug}', sitemap: true, feed: true },
  'testimony': { access: 'public', name: 'Testimony', client: 'testimonies', list: '/testimonianze', entry: '/testimonianze/{slug}', sitemap: true, feed: false },
  'answer': { access: 'public', name: 'Answer', client: 'answers', list: '/risposte', entry: '/risposte/{slug}', sitemap: true, feed: true },
  'video': { access: 'public', name: 'Video', client: 'videos', list: '/video', entry: '/video', sitemap: false, feed: false },
  'book-release': { access: 'public', name: 'BookRelease', client: 'books', list: '/libro', entry: '/libro', sitemap: true, feed: false },
  'author': { access: 'public', name: 'Author', client: 'authors', list: '/autori', entry: '/autori/{slug}', sitemap: true, feed: false },
  'category': { access: 'public', name: 'Category', client: 'categories', list: '/categorie', entry: '/categorie/{slug}', sitemap: true, feed: false },
  'global': { access: 'public', name: 'Global', client: 'global', list: '/', entry: '/', sitemap: false, feed: false },
  'testimony-submission': { access: 'private' },
  'contact-message': { access: 'private' },
  'partner-webhook': { access: 'private' },
  'webhook-delivery': { access: 'private' },
  'newsletter-issue': { access: 'private' },
  'newsletter-send': { access: 'private' },
  'newsletter-setting': { access: 'private' },
  'newsletter-subscriber': { access: 'private' },
} as const;

/**
 * The group and description of each public type in the OpenAPI contract
 * (apps/cms/scripts/openapi): English, for partners (the schema's own
 * description is Italian, for editors). Apart from the table, so that the
 * browser bundles that read the table do not carry it.
 */
export const CONTENT_TYPE_DOCS = {
  'article': { tag: 'Articles', description: 'Blog articles, with their author, categories, cover image, related book and "Risposte precise".' },
  'testimony': { tag: 'Testimonies', description: 'Approved testimonies of customers and call-center operators (public fields only: never the submitter\'s contact details).' },
  'answer': { tag: 'Answers', description: '"Risposte precise": what a call-center operator claimed, and the correct answer with its legal references.' },
  'video': { tag: 'Videos', description: 'YouTube videos of the project (embed them privacy-friendly: youtube-nocookie.com, on click).' },
  'book-release': { tag: 'Books', description: 'The project\'s book releases: cover, synopsis, formats and where to buy them.' },
  'author': { tag: 'Authors', description: 'Who signs the articles.' },
  'category': { tag: 'Categories', description: 'Topics of the articles.' },
  'global': { tag: 'Site', description: 'Site-wide settings: name, tagline, manifesto, contact address, editorial policy, social profiles, default SEO.' },
} as const;
