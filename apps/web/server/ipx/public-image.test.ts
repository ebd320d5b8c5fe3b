import { describe, expect, it } from 'vitest';
import { isIpxPath } from './internal';
import { internalIpxPath, publicImageRequest } from './public-image';

describe('publicImageRequest', () => {
  it('reads the variants the site links to', () => {
    expect(publicImageRequest('/_ipx/f_webp&q_75&w_640/uploads/cover_ab12.png')).toEqual({
      modifiers: { format: 'webp', quality: 75, width: 640 },
      source: 'uploads',
      file: 'cover_ab12.png',
    });
    expect(publicImageRequest('/_ipx/f_webp&q_75&w_640/s3/cover_ab12.png?v=1')).toEqual({
      modifiers: { format: 'webp', quality: 75, width: 640 },
      source: 's3',
      file: 'cover_ab12.png',
    });
    expect(publicImageRequest('/_ipx/w_320&q_75&f_webp/uploads/cover_ab12.png?v=1')?.modifiers.width).toBe(320);
  });

  it.each([
    '/_ipx/_/https://example.org/x.png',
    '/_ipx/f_webp&q_75/http://127.0.0.1:6379/x.png',
    '/_ipx/f_webp&q_75/http%3A%2F%2F127.0.0.1%3A1337%2Fuploads%2Fx.png',
    '/_ipx/f_webp&q_75/favicon.svg',
    '/_ipx/f_webp&q_75&w_641/uploads/x.png',
    '/_ipx/f_webp&q_75/uploads/../x.png',
    '/_ipx/f_webp&q_75/uploads/a/x.png',
    '/_ipx/f_webp&q_75/s3/a/x.png',
    '/_ipx/f_webp&q_75/s3/..',
    '/_ipx/f_webp&q_75/other/x.png',
    '/_ipx/f_webp&q_75/http:/x.png',
  ])('refuses %j', (path) => {
    expect(publicImageRequest(path)).toBeNull();
  });
});

describe('internalIpxPath', () => {
  const sources = { uploads: 'http://cms:1337', s3: 'http://minio:9000/uploads' };

  it('points IPX at the CMS\'s private address, as one encoded segment', () => {
    const request = publicImageRequest('/_ipx/f_webp&q_75&w_640/uploads/cover_ab12.png')!;
    expect(internalIpxPath(request, sources)).toBe('/_ipx/f_webp&q_75&w_640/http%3A%2F%2Fcms%3A1337%2Fuploads%2Fcover_ab12.png');
  });

  it('points IPX at the bucket for S3 uploads, and nowhere when S3 is not configured', () => {
    const request = publicImageRequest('/_ipx/f_webp&q_75&w_640/s3/cover_ab12.png')!;
    expect(internalIpxPath(request, sources)).toBe('/_ipx/f_webp&q_75&w_640/http%3A%2F%2Fminio%3A9000%2Fuploads%2Fcover_ab12.png');
    expect(internalIpxPath(request, { ...sources, s3: null })).toBeNull();
  });
});

describe('isIpxPath', () => {
  it('recognises IPX paths however they are spelled', () => {
    expect(isIpxPath('/_ipx/_/x.png')).toBe(true);
    expect(isIpxPath('/%5Fipx/_/x.png')).toBe(true);
    expect(isIpxPath('//_IPX/_/x.png')).toBe(true);
    expect(isIpxPath('/_ipxx')).toBe(false);
    expect(isIpxPath('/articoli/_ipx')).toBe(false);
  });
});
