import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { PREVIEW_TYPES } from '@chiudete/types/preview';
import { CONTENT_TYPES, RELATED_TYPES } from '../../apps/web/server/utils/page-cache/paths';
import { IMAGE_FORMATS, IMAGE_WIDTHS } from '../../apps/web/shared/utils/image';
import { encode, headerText, hostileString, hostileText, RAW_BYTES } from '../../apps/cms/tests/helpers/fuzz/text';
import type { SiteRequest } from './site-http';

/**
 * Hostile requests to the site's own routes (e2e/fuzz-site.e2e.ts), built
 * with fast-check from the CMS fuzz suite's hostile text
 * (apps/cms/tests/helpers/fuzz/text.ts): unicode and control characters,
 * bad percent-escapes, huge and repeated parameters, path traversal, wrong
 * methods and content types, oversized and chunked bodies, bad signatures;
 * mixed with valid requests, so that the deeper paths run too.
 */

export interface SiteFuzzContext {
  revalidateSecret: string;
  previewSecret: string;
  /** Upload files the site shows (read from its pages), for image requests that exist. */
  uploads: readonly string[];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH'] as const;

/** Mostly `preferred`, sometimes any other method. */
const methodOf = (preferred: string) => fc.oneof({ weight: 5, arbitrary: fc.constant(preferred) }, { weight: 2, arbitrary: fc.constantFrom(...METHODS) });

/** A value for a query string or a path segment, percent-encoded (or raw bytes as they are). */
const hostileValue = (words: readonly string[] = []) => hostileText(words).map(encode);

/** A parameter's name as sent: itself, in array or object syntax, encoded, or another case. */
function paramName(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(name) },
    { weight: 1, arbitrary: fc.constantFrom(`${name}[]`, `${name}[0]`, `${name}[__proto__]`, `${name}[$ne]`, name.toUpperCase(), `%${name.charCodeAt(0).toString(16)}${name.slice(1)}`, ` ${name}`.replace(' ', '+'), `${name}.`) },
  );
}

type Pair = readonly [string, string];

/** `name=value` pairs: the given ones (each possibly repeated), in any order, with strangers. */
function queryOf(params: ReadonlyArray<readonly [string, fc.Arbitrary<string>]>): fc.Arbitrary<string> {
  const pairs = params.map(([name, value]) =>
    fc.array(fc.tuple(paramName(name), value), { minLength: 0, maxLength: 3 }).map((list) => list as Pair[]));
  const strangers = fc.array(fc.tuple(hostileValue(['__proto__', 'constructor', 'status', 'draft']), hostileValue()), { maxLength: 2 });
  return fc.tuple(fc.tuple(...pairs), strangers, fc.boolean(), fc.constantFrom('&', '&&', ';', '&amp;'))
    .chain(([groups, extra, shuffle, separator]) => {
      const all = [...groups.flat(), ...extra].map(([name, value]) => (value === '' && shuffle ? name : `${name}=${value}`));
      return (shuffle ? fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }) : fc.constant(all))
        .map((list) => list.join(separator));
    });
}

const withQuery = (path: string, query: string) => (query === '' ? path : `${path}?${query}`);

/** Bytes of a body: JSON of any shape, hostile text, invalid UTF-8, deep nesting, a few MB. */
function junkBody(): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
    hostileString().map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(
      '', '{', '{"a":', 'null', '[]', '"text"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '\u0000\u0000', 'a=1&b=2', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    ).map((text) => Buffer.from(text)),
    fc.constantFrom(1_100_000, 3_000_000).map((size) => Buffer.from(`{"type":"article","action":"published","documentId":"abc","pad":"${'x'.repeat(size)}"}`)),
  );
}

const CONTENT_TYPE_VALUES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1',
  'text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data',
  'application/xml', 'application/octet-stream', 'application/merge-patch+json', 'json', '*/*', '', ';;;', 'application/json, text/plain',
];
const contentType = fc.option(fc.constantFrom(...CONTENT_TYPE_VALUES), { nil: undefined });

// ---------------------------------------------------------------------------
// POST /api/revalidate

const slug = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('il-caso-bolletta', 'candy-larsson', 'a', 'x'.repeat(200)) },
  { weight: 1, arbitrary: hostileString() },
  { weight: 1, arbitrary: fc.constantFrom(null, 1, true, [], {}, 'x'.repeat(201), '../x', 'a/b') },
);

/** A change as the CMS sends it, some of its fields wrong. */
const change = fc.record({
  type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: hostileString(['Article', '__proto__']) }),
  action: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('published', 'unpublished') }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
  documentId: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,24}$/) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
  slug,
  previousSlug: slug,
  related: fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom(...RELATED_TYPES), hostileString(['__proto__', 'constructor'])), fc.oneof(fc.array(slug, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 3 }),
    fc.constant({ article: Array.from({ length: 501 }, (_, i) => `a${i}`) }),
    fc.jsonValue({ maxDepth: 1 }),
  ),
}, { requiredKeys: [] });

function revalidate({ revalidateSecret }: SiteFuzzContext): fc.Arbitrary<SiteRequest> {
  const authorization = fc.oneof(
    { weight: 5, arbitrary: fc.constant(`Bearer ${revalidateSecret}`) },
    { weight: 4, arbitrary: fc.constantFrom(
      undefined, '', 'Bearer', 'Bearer ', `Bearer ${revalidateSecret}x`, `Bearer ${revalidateSecret.slice(0, -1)}`, `bearer ${revalidateSecret}`,
      `Bearer  ${revalidateSecret}  `, `Bearer ${revalidateSecret}\u00a0`, `Basic ${Buffer.from(`x:${revalidateSecret}`).toString('base64')}`,
      `Bearer ${revalidateSecret} extra`, `Bearer ${'a'.repeat(8_000)}`, `${revalidateSecret}`,
    ) },
    { weight: 2, arbitrary: headerText().map((text) => `Bearer ${text}`) },
  );
  const path = fc.oneof(
    { weight: 8, arbitrary: fc.constant('/api/revalidate') },
    { weight: 1, arbitrary: fc.constantFrom('/api/revalidate/', '/api/REVALIDATE', '/api//revalidate', '/api/%72evalidate', '/api/revalidate/..', '/api/revalidate%00', '/api/revalidate.json', '/api/x/../revalidate') },
  );
  return fc.record({
    method: methodOf('POST'),
    path: fc.tuple(path, queryOf([['type', hostileValue()]])).map(([p, q]) => withQuery(p, q)),
    authorization,
    contentType,
    body: fc.oneof({ weight: 3, arbitrary: change.map((value) => Buffer.from(JSON.stringify(value))) }, { weight: 2, arbitrary: junkBody() }, { weight: 1, arbitrary: fc.constant(undefined) }),
    chunked: fc.boolean(),
  }).map(({ method, path: p, authorization: auth, contentType: type, body, chunked }) => ({
    target: 'revalidate',
    // Independent of the site's own parsing: the one token after "Bearer", whatever the spacing.
    authentic: /^bearer$/i.test(auth?.trim().split(/\s+/)[0] ?? '') && auth?.trim().split(/\s+/).length === 2 && auth.trim().split(/\s+/)[1] === revalidateSecret,
    method,
    path: p,
    headers: { ...(auth !== undefined ? { authorization: auth } : {}), ...(type !== undefined ? { 'content-type': type } : {}) },
    // A body with GET or HEAD is legal HTTP, and what a confused client sends.
    ...(body !== undefined ? { body: { bytes: body, chunked } } : {}),
  }));
}

// ---------------------------------------------------------------------------
// /anteprima (preview links), pages with a preview's token, and /anteprima/esci (leaving the preview)

/** The preview cookie of old (the preview now travels in the address): a browser may still send one; it must change nothing. */
const PREVIEW_COOKIE = 'cc_anteprima';

const junkCookie = fc.oneof(
  fc.constant(undefined),
  hostileValue().map((value) => `${PREVIEW_COOKIE}=${value}`),
  fc.constantFrom(`${PREVIEW_COOKIE}=`, `${PREVIEW_COOKIE}=a.b`, `${PREVIEW_COOKIE}=${'A'.repeat(5_000)}`, `${PREVIEW_COOKIE}=x; ${PREVIEW_COOKIE}=y`),
);

interface LinkFields {
  type: string;
  id: string;
  slug: string;
  status: string;
  exp: string;
}

function previewEntry({ previewSecret }: SiteFuzzContext): fc.Arbitrary<SiteRequest> {
  const now = Math.floor(Date.now() / 1000);
  const fields = fc.record({
    type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PREVIEW_TYPES) }, { weight: 1, arbitrary: hostileString(['author', 'global']) }),
    id: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{24}$/) }, { weight: 1, arbitrary: hostileString() }),
    slug: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('il-caso-bolletta', 'bozza', 'a.b~c_d-e', 'x'.repeat(200)) }, { weight: 1, arbitrary: hostileString(['..', '.', '%2F']) }),
    status: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('draft', 'published') }, { weight: 1, arbitrary: hostileString(['DRAFT']) }),
    exp: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: now - 600, max: now + 3_600 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1e10', '9007199254740993', '1.5', '0x10', ' 1', '') },
      { weight: 1, arbitrary: hostileString() },
    ),
  });
  return fc.record({
    method: methodOf('GET'),
    // The link's route, and the pages a preview's token is carried to.
    path: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('/anteprima', '/anteprima/', '/ANTEPRIMA', '/anteprima/index', '/anteprima%2F', '/anteprima/..', '/anteprima/%2e%2e/%2e%2e/etc/passwd') },
      { weight: 1, arbitrary: fc.constantFrom('/articoli/bozza', '/articoli/il-caso-bolletta', '/video', '/libro', '/') },
    ),
    fields,
    signature: fc.constantFrom('valid', 'valid', 'valid', 'missing', 'wrong', 'truncated', 'hostile'),
    hostileToken: hostileValue(),
    repeat: fc.boolean(),
    extra: queryOf([['ritorno', hostileValue(['/', '//evil.example'])]]),
    cookie: junkCookie,
  }).map(({ method, path, fields: link, signature, hostileToken, repeat, extra, cookie }) => {
    const token = signature === 'hostile' ? hostileToken : signature === 'missing' ? undefined : signedToken(previewSecret, link, signature);
    const name = path.toLowerCase().startsWith('/anteprima') ? 'token' : 'anteprima';
    const params: Pair[] = token === undefined ? [] : [[name, token.replace(/[^\w.%-]/g, encodeURIComponent)]];
    // Repeated: a second token tries to sneak in.
    if (repeat) params.push([name, 'altro.altro']);
    const query = [...params.map(([key, value]) => `${key}=${value}`), ...(extra ? [extra] : [])].join('&');
    // A page without a token is anybody's page: no credential, forged or not.
    const authentic = name === 'anteprima' && token === undefined ? undefined : signature === 'valid' && !repeat;
    return { target: 'anteprima', ...(authentic === undefined ? {} : { authentic }), method, path: withQuery(path, query), ...(cookie ? { headers: { cookie } } : {}) };
  });
}

/**
 * A token over whatever the fields are (signed as the CMS signs,
 * @chiudete/types/preview, but without its payload check: what a holder of
 * the secret could craft), or a damaged one.
 */
function signedToken(secret: string, fields: LinkFields, how: 'valid' | 'wrong' | 'truncated'): string {
  const exp = Number(fields.exp);
  const encoded = Buffer.from(JSON.stringify({ type: fields.type, documentId: fields.id, slug: fields.slug, status: fields.status, exp: Number.isFinite(exp) ? exp : fields.exp })).toString('base64url');
  const sig = createHmac('sha256', secret).update(`chiudete-preview-token:v2\n${encoded}`).digest('base64url');
  if (how === 'truncated') return `${encoded}.${sig.slice(0, -2)}`;
  if (how === 'wrong') return `${encoded}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
  return `${encoded}.${sig}`;
}

/** Return paths that tried to leave the site once (issue #11, defect 1), and their cousins. */
const RETURN_TRICKS = [
  '/', '/articoli', '/articoli/il-caso?x=1#y', '//evil.example', '/%09/evil.example/x', '/%09%5Cevil.example', '/\\evil.example',
  '%2F%2Fevil.example', '/%2F/evil.example', '/.//evil.example', '/a/..//evil.example', '/%2e%2e//evil.example', 'https://evil.example',
  'http:evil.example', '/%0d%0aSet-Cookie:%20x=1', '/%E2%80%AE', 'javascript:alert(1)', '///evil.example', '/%5C%5Cevil.example',
  '/%C0%AF/evil.example', '%0A//evil.example', '/ /evil.example', '/%00', 'mailto:a@b.c', '?ritorno=//evil', '#//evil',
].map((value) => value.replace(/[^\x21-\x7e]/g, encodeURIComponent));

function previewExit(): fc.Arbitrary<SiteRequest> {
  const ritorno = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...RETURN_TRICKS) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/', '//', '/%09/', '/%5C', '/./', '/..'), hostileValue(['evil.example', '/', '\\'])).map(([a, b]) => `${a}${b}`) },
    { weight: 1, arbitrary: fc.constantFrom(2_100, 9_000).map((n) => `/${'a'.repeat(n)}`) },
  );
  return fc.record({
    method: methodOf('GET'),
    path: fc.constantFrom('/anteprima/esci', '/anteprima/esci/', '/anteprima/ESCI', '/anteprima//esci', '/anteprima/%65sci'),
    query: queryOf([['ritorno', ritorno]]),
    cookie: junkCookie,
  }).map(({ method, path, query, cookie }) => ({ target: 'esci', method, path: withQuery(path, query), ...(cookie ? { headers: { cookie } } : {}) }));
}

// ---------------------------------------------------------------------------
// /cerca, feeds, sitemap

function search(): fc.Arbitrary<SiteRequest> {
  const page = fc.oneof(fc.integer({ min: -2, max: 60 }).map(String), fc.constantFrom('1e3', '0x2', '2.5', '99999999999999999999', '', 'NaN'), hostileValue());
  return fc.record({
    method: methodOf('GET'),
    path: fc.oneof({ weight: 9, arbitrary: fc.constant('/cerca') }, { weight: 1, arbitrary: fc.constantFrom('/cerca/', '/CERCA', '/cerca%', '/cerca/..%2F', '/cerca%00', '/cerca/x', '/cerca.json', '/cerca;x') }),
    query: queryOf([['q', hostileValue(['call center', 'bolletta', 'Candy'])], ['tipo', hostileValue(['articoli', 'testimonianze', 'risposte', 'tutti'])], ['pagina', page]]),
  }).map(({ method, path, query }) => ({ target: 'cerca', method, path: withQuery(path, query) }));
}

function feeds(): fc.Arbitrary<SiteRequest> {
  return fc.record({
    method: methodOf('GET'),
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('/feed.xml', '/feed.json') },
      { weight: 1, arbitrary: fc.constantFrom('/feed.xml/', '/FEED.XML', '/feed.xml%00', '/feed.xml/..%2Ffeed.json', '/feed%2Exml', '/feed.json/x', '/feed.rss', '/feed.xml;.json') },
    ),
    query: queryOf([['page', hostileValue()], ['format', hostileValue(['json', 'rss', 'atom'])]]),
    ifNoneMatch: fc.option(headerText(), { nil: undefined }),
  }).map(({ method, path, query, ifNoneMatch }) => ({
    target: 'feeds', method, path: withQuery(path, query), ...(ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {}),
  }));
}

function sitemap(): fc.Arbitrary<SiteRequest> {
  const sections = ['articoli', 'testimonianze', 'risposte', 'autori', 'categorie', 'video', 'pagine'];
  const file = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...sections), fc.constantFrom('1', '2', '0', '00', '01', '99999', '100000', '-1', '1e3', '1.5', 'x')).map(([s, n]) => `${s}-${n}.xml`) },
    { weight: 1, arbitrary: fc.constantFrom('pagine.xml', 'PAGINE.XML', 'pagine.xml%00.gz', '..%2F..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%5C..%5C.env', '.env', 'index.xml', 'articoli-1.xml.gz', 'articoli-1.XML') },
    { weight: 1, arbitrary: hostileValue() },
  );
  return fc.record({
    method: methodOf('GET'),
    path: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('/sitemap.xml', '/sitemap.xml/', '/sitemap.xml%00', '/sitemap/', '/sitemap', '/sitemap/../sitemap.xml', '/sitemap/a/b.xml', '/sitemap//pagine.xml') },
      { weight: 5, arbitrary: file.map((name) => `/sitemap/${name}`) },
    ),
    query: queryOf([['page', hostileValue()]]),
  }).map(({ method, path, query }) => ({ target: 'sitemap', method, path: withQuery(path, query) }));
}

// ---------------------------------------------------------------------------
// /_ipx (images)

function images({ uploads }: SiteFuzzContext): fc.Arbitrary<SiteRequest> {
  const modifiers = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...IMAGE_FORMATS, 'svg', 'gif', 'WEBP'), fc.constantFrom('75', '0', '100', '101', '-1', '1e2'), fc.option(fc.constantFrom(...IMAGE_WIDTHS.map(String), '0', '1', '641', '100000', '1e4', '-320'), { nil: undefined }))
      .map(([f, q, w]) => [`f_${f}`, `q_${q}`, ...(w === undefined ? [] : [`w_${w}`])].join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('_', 'w_100000&h_100000', 'f_webp&q_75&w_640&blur_1000', 's_99999x99999', 'f_webp%26q_75', 'f_webp&&q_75', 'f_webp&q_75&w_640&w_320', '') },
    { weight: 1, arbitrary: hostileValue() },
  );
  const file = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(uploads.length > 0 ? uploads : ['nessuna.png'])) },
    { weight: 1, arbitrary: fc.constantFrom('..%2F..%2F.env', '..%2F..%2Fpackage.json', '%2e%2e%2fconfig%2fserver.ts', 'x.png%00.svg', '.env', 'a.svg', 'x'.repeat(300) + '.png', 'nessuna.png', 'file:%2F%2F%2Fetc%2Fpasswd') },
    { weight: 1, arbitrary: hostileValue() },
  );
  const path = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(modifiers, file).map(([m, f]) => `/_ipx/${m}/uploads/${f}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/_ipx', '/%5Fipx', '/_IPX', '//_ipx', '/_ipx/', '/./_ipx'), modifiers, fc.constantFrom(
      '/https://example.org/x.png', '/http://127.0.0.1:6379/x.png', '/http%3A%2F%2F127.0.0.1%3A1337%2Fuploads%2Fx.png', '/favicon.svg',
      '/uploads/../../etc/passwd', '/uploads/a/b.png', '/../../../etc/passwd', '/%2e%2e/%2e%2e/package.json', '//evil.example/x.png', '/data:image/png;base64,AAAA',
    )).map(([prefix, m, rest]) => `${prefix}/${m}${rest}`) },
  );
  return fc.record({
    method: methodOf('GET'),
    path,
    query: queryOf([['v', hostileValue()]]),
    ifNoneMatch: fc.option(fc.oneof(headerText(), fc.constant('*')), { nil: undefined }),
  }).map(({ method, path: p, query, ifNoneMatch }) => ({
    target: 'ipx', method, path: withQuery(p, query), ...(ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {}),
  }));
}

// ---------------------------------------------------------------------------
// Around the routes: traversal into the server's files, Nuxt's internal error page, raw bytes in paths

function around(): fc.Arbitrary<SiteRequest> {
  const path = fc.oneof(
    fc.constantFrom(
      '/_nuxt/..%2F..%2Fserver%2Findex.mjs', '/_nuxt/%2e%2e/%2e%2e/package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%5C..%5Cpackage.json',
      '/favicon.svg/..%2F..%2F..%2Fpackage.json', '/robots.txt/..%2f.env', '/_nuxt/../../nitro.json', '/__nuxt_error?statusCode=500&message=boom',
      '/__nuxt_error?status=302&url=//evil.example', '/api', '/api/', '/api/%2e%2e/.env', '/%00', '/%', '/%ZZ', '/%E0%80%AF', '/%C3%A8',
      '/articoli/%C0%AF', '/articoli/%ED%A0%80', '/articoli/%', '/articoli?pagina=%', '/testimonianze?pagina=99999999999999999999',
      '/_payload.json', '/articoli/_payload.json', '/__nuxt_island/x', '/_i18n/x', '/__sitemap__/debug.json', '/_robots.txt',
    ),
    fc.tuple(fc.constantFrom('/articoli/', '/testimonianze/', '/risposte/', '/autori/', '/categorie/', '/'), fc.constantFrom(...RAW_BYTES)).map(([a, b]) => `${a}${b}`),
    // The listings' own parameters (kept by the canonical URL, read by the page).
    fc.tuple(fc.constantFrom('/testimonianze', '/articoli', '/risposte', '/categorie/bollette', '/autori/candy-larsson'), queryOf([
      ['pagina', fc.oneof(fc.integer({ min: -1, max: 2_000 }).map(String), hostileValue())],
      ['ruolo', hostileValue(['cliente', 'operatore'])],
      ['settore', hostileValue(['luce', 'gas', 'telefonia'])],
    ])).map(([path, query]) => withQuery(path, query)),
  );
  return fc.record({ method: methodOf('GET'), path }).map(({ method, path: p }) => ({ target: 'around', method, path: p }));
}

export const SITE_TARGETS = {
  revalidate,
  anteprima: previewEntry,
  esci: previewExit,
  cerca: search,
  feeds,
  sitemap,
  ipx: images,
  around,
} satisfies Record<string, (context: SiteFuzzContext) => fc.Arbitrary<SiteRequest>>;

export type SiteTarget = keyof typeof SITE_TARGETS;
