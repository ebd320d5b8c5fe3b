import { describe, expect, it } from 'vitest';
import { formatImageModifiers, isResizableUpload, parseImageModifiers, responsiveWidths, uploadFileName } from './image';

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
