import { describe, expect, it } from 'vitest';
import { formatImageModifiers, isResizableUpload, parseImageModifiers, resizableUpload, responsiveWidths, uploadFileName, uploadPath, uploadRef, uploadRefOfPath } from './image';

describe('uploadFileName and isResizableUpload', () => {
  it('accepts the CMS uploads, as Strapi names them', () => {
    expect(uploadFileName('/uploads/articolo_il_mio_primo_hater_3f2a1c.png')).toBe('articolo_il_mio_primo_hater_3f2a1c.png');
    expect(isResizableUpload('/uploads/small_cover_ab12.JPG')).toBe(true);
  });

  it.each([
    'https://cdn.example.org/uploads/x.png',
    '/uploads/../secret.png',
    '/uploads/a/b.png',
    '/uploads/%2e%2e/x.png',
    '/uploads/',
    '/favicon.svg',
  ])('refuses %j', (url) => {
    expect(uploadFileName(url)).toBeNull();
  });

  it('leaves SVG and GIF files alone', () => {
    expect(isResizableUpload('/uploads/logo_1.svg')).toBe(false);
    expect(isResizableUpload('/uploads/animazione_1.gif')).toBe(false);
  });
});

describe('uploads on S3', () => {
  const bucket = 'http://127.0.0.1:9000/uploads';

  it('recognises the bucket\'s files by the configured base URL only', () => {
    expect(uploadRef(`${bucket}/cover_ab12.png`, bucket)).toEqual({ source: 's3', file: 'cover_ab12.png' });
    expect(uploadRef(`${bucket}/cover_ab12.png`, `${bucket}/`)).toEqual({ source: 's3', file: 'cover_ab12.png' });
    expect(resizableUpload(`${bucket}/cover_ab12.jpg`, bucket)).toEqual({ source: 's3', file: 'cover_ab12.jpg' });
    expect(isResizableUpload(`${bucket}/anim_1.gif`, bucket)).toBe(false);
    expect(uploadRef('/uploads/cover_ab12.png', bucket)).toEqual({ source: 'uploads', file: 'cover_ab12.png' });
  });

  it.each([
    ['http://127.0.0.1:9000/uploads/cover.png', ''],
    ['http://127.0.0.1:9000/other/cover.png', 'http://127.0.0.1:9000/uploads'],
    ['http://127.0.0.1:9000/uploadsx/cover.png', 'http://127.0.0.1:9000/uploads'],
    ['http://127.0.0.1:9001/uploads/cover.png', 'http://127.0.0.1:9000/uploads'],
    ['http://127.0.0.1:9000/uploads/a/cover.png', 'http://127.0.0.1:9000/uploads'],
    ['http://127.0.0.1:9000/uploads/%2e%2e/cover.png', 'http://127.0.0.1:9000/uploads'],
    ['http://127.0.0.1:9000/uploads/../cover.png', 'http://127.0.0.1:9000/uploads'],
    ['/s3/cover.png', 'http://127.0.0.1:9000/uploads'],
  ])('refuses %j with base %j', (url, base) => {
    expect(uploadRef(url, base)).toBeNull();
  });

  it('writes and reads the site paths of both sources', () => {
    expect(uploadPath({ source: 's3', file: 'x_1.png' })).toBe('/s3/x_1.png');
    expect(uploadRefOfPath('/s3/x_1.png')).toEqual({ source: 's3', file: 'x_1.png' });
    expect(uploadRefOfPath('/uploads/x_1.png')).toEqual({ source: 'uploads', file: 'x_1.png' });
    for (const path of ['/other/x.png', '/s3/a/x.png', '/s3/..', '/S3/x.png', '/s3/']) expect(uploadRefOfPath(path)).toBeNull();
  });
});

describe('responsiveWidths', () => {
  it('offers the standard widths below the original, never larger', () => {
    expect(responsiveWidths(1200)).toEqual([160, 320, 480, 640, 800, 960]);
    expect(responsiveWidths(400)).toEqual([160, 320]);
    expect(responsiveWidths(160)).toEqual([]);
  });

  it('stops at the largest width the layout can use', () => {
    expect(responsiveWidths(4000, 800)).toEqual([160, 320, 480, 640, 800]);
  });
});

describe('image modifiers', () => {
  it('round-trips the variants the site links to', () => {
    const withWidth = { format: 'webp', quality: 75, width: 640 } as const;
    expect(formatImageModifiers(withWidth)).toBe('f_webp&q_75&w_640');
    expect(parseImageModifiers('f_webp&q_75&w_640')).toEqual(withWidth);
    expect(parseImageModifiers(formatImageModifiers({ format: 'webp', quality: 75 }))).toEqual({ format: 'webp', quality: 75 });
  });

  it.each([
    '_',
    'f_webp&q_75&w_641',
    'f_webp&q_75&w_20000',
    'f_webp&q_0',
    'f_gif&q_75',
    'f_webp&q_75&s_100x100',
    'f_webp&f_png&q_75',
    'f_webp&q_75&w_640&extra',
    'f_webp,q_75',
  ])('refuses %j', (segment) => {
    expect(parseImageModifiers(segment)).toBeNull();
  });
});
