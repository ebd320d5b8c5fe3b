import { describe, expect, it } from 'vitest';
import type { Global, Media } from '@chiudete/types';
import { absoluteSiteUrl, resolvePageSeo, sameAsLinks, siteSeoDefaults, toSeoImage, xHandle, type SiteSeoDefaults } from './seo';

const mediaUrl = (url: string) => (url.startsWith('http') ? url : `https://cms.example.test${url}`);
const stamps = { createdAt: '2019-07-04T08:00:00.000Z', updatedAt: '2019-07-04T08:00:00.000Z', publishedAt: '2019-07-04T08:00:00.000Z' };

function media(url: string, extra: Partial<Media> = {}): Media {
  return {
    id: 1, documentId: 'm', alternativeText: 'Alt', caption: null, ext: '.png', focalPoint: null, formats: null, hash: 'h',
    height: 630, width: 1200, mime: 'image/png', name: 'x.png', previewUrl: null, provider: 'local', size: 1, url, ...stamps, ...extra,
  };
}

const defaults: SiteSeoDefaults = {
  siteName: 'Chiudete i Call Center',
  description: 'Descrizione del sito.',
  image: { url: 'https://cms.example.test/uploads/sito.png', alt: 'Logo', width: 1200, height: 630, type: 'image/png' },
  sameAs: [],
};

describe('resolvePageSeo', () => {
  it('prefers the SEO component, then the entry, then the site', () => {
    const seo = { metaTitle: 'Titolo SEO', metaDescription: 'Descrizione SEO', noIndex: true, shareImage: media('/uploads/seo.png') };
    expect(resolvePageSeo({ title: 'Titolo', description: 'Sommario', image: media('/uploads/cover.png'), seo }, defaults, mediaUrl)).toEqual({
      title: 'Titolo SEO',
      description: 'Descrizione SEO',
      image: { url: 'https://cms.example.test/uploads/seo.png', alt: 'Alt', width: 1200, height: 630, type: 'image/png' },
      noIndex: true,
    });
    expect(resolvePageSeo({ title: 'Titolo', description: 'Sommario', image: media('/uploads/cover.png', { alternativeText: null }), seo: { metaTitle: ' ', metaDescription: null, noIndex: null } }, defaults, mediaUrl))
      .toMatchObject({ title: 'Titolo', description: 'Sommario', image: { url: 'https://cms.example.test/uploads/cover.png', alt: 'Titolo' }, noIndex: false });
    expect(resolvePageSeo({ title: 'Titolo' }, defaults, mediaUrl)).toEqual({ title: 'Titolo', description: 'Descrizione del sito.', image: defaults.image, noIndex: false });
  });

  it('cuts long descriptions on a word, at most 160 characters', () => {
    const long = 'parola '.repeat(60);
    const { description } = resolvePageSeo({ title: 'x', description: long }, defaults, mediaUrl);
    expect(description!.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/parola…$/);
  });
});

describe('toSeoImage', () => {
  it('uses the original, or the large format when the original is huge', () => {
    const large = { url: '/uploads/large_x.png', width: 1000, height: 525, mime: 'image/png', ext: '.png', size: 1 };
    expect(toSeoImage(media('/uploads/x.png', { formats: { large } }), mediaUrl).url).toBe('https://cms.example.test/uploads/x.png');
    expect(toSeoImage(media('/uploads/x.png', { width: 6000, height: 3150, formats: { large } }), mediaUrl))
      .toEqual({ url: 'https://cms.example.test/uploads/large_x.png', alt: 'Alt', width: 1000, height: 525, type: 'image/png' });
  });
});

describe('site defaults', () => {
  const global: Global = {
    id: 1, documentId: 'g', siteName: 'Chiudete i Call Center', tagline: 'Il motto.', contactEmail: 'redazione@chiudeteicallcenter.eu', dataController: null,
    editorialPolicy: [], manifesto: [],
    defaultSeo: { metaTitle: null, metaDescription: null, noIndex: false, shareImage: media('/uploads/sito.png') },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/chiudete', label: null },
      { platform: 'facebook', url: 'https://www.facebook.com/chiudeteicallcenter', label: null },
      { platform: 'facebook', url: 'https://www.facebook.com/chiudeteicallcenter', label: 'doppione' },
    ],
    ...stamps,
  };

  it('come from Global: tagline as description, share image, X handle, profiles', () => {
    expect(siteSeoDefaults(global, mediaUrl, 'Fallback')).toEqual({
      siteName: 'Chiudete i Call Center',
      description: 'Il motto.',
      image: { url: 'https://cms.example.test/uploads/sito.png', alt: 'Alt', width: 1200, height: 630, type: 'image/png' },
      twitterSite: '@chiudete',
      sameAs: ['https://x.com/chiudete', 'https://www.facebook.com/chiudeteicallcenter'],
      contactEmail: 'redazione@chiudeteicallcenter.eu',
    });
    expect(siteSeoDefaults({ ...global, siteName: '', defaultSeo: null, socialLinks: [] }, mediaUrl, 'Fallback'))
      .toMatchObject({ siteName: 'Fallback', image: null, twitterSite: undefined, sameAs: [] });
  });

  it('xHandle and sameAsLinks accept only what they should', () => {
    expect(xHandle('https://twitter.com/chiudete/status/1')).toBe('@chiudete');
    expect(xHandle('https://example.com/chiudete')).toBeUndefined();
    expect(xHandle('non un url')).toBeUndefined();
    expect(sameAsLinks([{ platform: 'altro', url: 'javascript:alert(1)', label: null }, { platform: 'altro', url: ' https://a.it ', label: null }])).toEqual(['https://a.it']);
  });

  it('absoluteSiteUrl', () => {
    expect(absoluteSiteUrl('https://chiudeteicallcenter.eu/', '/articoli')).toBe('https://chiudeteicallcenter.eu/articoli');
    expect(absoluteSiteUrl('https://chiudeteicallcenter.eu')).toBe('https://chiudeteicallcenter.eu/');
  });
});
