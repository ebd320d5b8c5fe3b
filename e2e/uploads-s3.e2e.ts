import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../apps/cms/tests/helpers/s3-server';
import { adminLogin, gradientPng } from './admin';
import { startCms, startWeb, type Service } from './stack';

const skipReason = inject('skipReason');

/** Width and height of a WebP image (lossy VP8, lossless VP8L or extended VP8X), read from its header. */
function webpSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WEBP') throw new Error('Not a WebP image');
  const chunk = bytes.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  throw new Error(`Unknown WebP chunk ${chunk}`);
}

/**
 * Uploads on S3, end to end (issue #12): the built CMS stores its uploads in
 * a local S3 server (s3rver), the demo content included; the built site,
 * told the bucket's public URL, links its images as `/_ipx/…/s3/<file>` and
 * serves them resized from the bucket. Its image route stays no proxy: other
 * hosts, other buckets, IPX's own URL forms and a site without S3 configured
 * all get a 404.
 */
describe.skipIf(Boolean(skipReason))('uploads on S3 through the site\'s image optimiser', () => {
  let s3: TestS3Server;
  let cms: Service;
  let web: Service;
  let key: string;

  const site = (path: string) => fetch(`${web.url}${path}`);

  beforeAll(async () => {
    s3 = await startS3Server({ bucket: 'site-media' });
    cms = await startCms(s3.env);
    web = await startWeb(cms.url, undefined, { NUXT_PUBLIC_S3_PUBLIC_URL: s3.publicUrl });
  });

  afterAll(async () => {
    await web?.stop();
    await cms?.stop();
    await s3?.stop();
  });

  it('serves a resized WebP of an image uploaded to the bucket through the CMS', async () => {
    const token = await adminLogin(cms.url);
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(gradientPng(1000, 600))], { type: 'image/png' }), 'sfumatura-s3.png');
    form.append('fileInfo', JSON.stringify({ name: 'sfumatura-s3.png', alternativeText: 'Una sfumatura dal viola al rosso' }));
    const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    const [file] = JSON.parse(text) as Array<{ url: string; hash: string; ext: string }>;
    key = `${file!.hash}${file!.ext}`;
    expect(file!.url).toBe(`${s3.publicUrl}/${key}`);
    expect(await s3.keys()).toContain(key);

    const image = await site(`/_ipx/f_webp&q_75&w_320/s3/${key}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(webpSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 320, height: 192 });
    const original = await site(`/_ipx/f_webp&q_75/s3/${key}`);
    expect(webpSize(Buffer.from(await original.arrayBuffer()))).toEqual({ width: 1000, height: 600 });
  });

  it('links the demo content\'s images (seeded into the bucket) through its /s3/ route, and they load', async () => {
    const home = await site('/');
    expect(home.status).toBe(200);
    const html = await home.text();
    const sources = [...html.matchAll(/src="(\/_ipx\/[^"]+\/s3\/[^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(sources.length, 'images of the home page served from the bucket').toBeGreaterThan(0);
    expect(html).not.toContain('/_ipx/f_webp&amp;q_75&amp;w_800/uploads/');
    for (const source of sources.slice(0, 3)) {
      const image = await site(source);
      expect(image.status, source).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/webp');
    }
    // Images that are not resized (a GIF) would load from the bucket itself: the CSP allows its origin.
    expect(home.headers.get('content-security-policy')).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replaceAll('.', '\\.')}`));
  });

  it('fetches nothing but the configured bucket: other hosts, buckets and IPX\'s own URLs are 404s', async () => {
    const paths = [
      // The same object, asked for through IPX's URL forms.
      `/_ipx/f_webp&q_75&w_320/${encodeURIComponent(`${s3.publicUrl}/${key}`)}`,
      `/_ipx/_/${s3.publicUrl}/${key}`,
      `/_ipx/w_320/${s3.publicUrl}/${key}`,
      // Another bucket of the same server, another host, a path out of the bucket.
      `/_ipx/f_webp&q_75&w_320/s3/..%2Fother-bucket%2F${key}`,
      `/_ipx/f_webp&q_75&w_320/s3/%2E%2E/${key}`,
      `/_ipx/f_webp&q_75&w_320/${encodeURIComponent('https://example.org/x.png')}`,
      `/_ipx/f_webp&q_75&w_320/example.org/${key}`,
      // A key the bucket does not have; a width the site never links to.
      '/_ipx/f_webp&q_75&w_320/s3/missing_0000.png',
      `/_ipx/f_webp&q_75&w_321/s3/${key}`,
    ];
    for (const path of paths) {
      const res = await site(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/^image\//);
    }
  });

  it('serves no S3 image on a site that has no bucket configured', async () => {
    const res = await fetch(`${inject('webUrl')}/_ipx/f_webp&q_75&w_320/s3/${key}`);
    expect(res.status).toBe(404);
  });
});
