import { describe, expect, it } from 'vitest';
import type { Answer, Article, Testimony, Video } from '@chiudete/types';
import {
  defineArticle,
  defineBreadcrumb,
  definePerson,
  defineVideo,
  defineWebPage,
} from 'nuxt-schema-org/schema';
import { CMS, SITE, ctx, definedBy, global, media, nodeOfType, resolve, stamps } from '../../test/json-ld';
import { validateJsonLd } from '../../test/schema-org-rules';
import {
  answerJsonLd,
  articleJsonLd,
  authorJsonLdId,
  breadcrumbJsonLd,
  breadcrumbTrail,
  isoDuration,
  personJsonLd,
  testimonyJsonLd,
  videoJsonLd,
} from './structured-data';

const article: Article = {
  id: 1, documentId: 'a1', slug: 'il-mio-primo-hater', title: 'Il mio primo hater', excerpt: 'Un operatore mi ha insultata su Facebook.',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Testo.' }] }],
  publicationDate: '2019-07-07', cover: media('/uploads/hater.png'),
  author: { id: 1, documentId: 'p1', name: 'Candy Larsson', slug: 'candy-larsson', bio: null, role: 'Autrice', ...stamps },
  categories: [{ id: 1, documentId: 'c1', name: 'Il libro', slug: 'il-libro', description: null, ...stamps }],
  ...stamps,
};

const video: Video = {
  id: 1, documentId: 'v1', slug: 'il-caso-parte-1', title: 'Il caso, parte 1', description: 'Il protagonista racconta.',
  durationSeconds: 245, poster: media('/uploads/poster.png'), recordedOn: '2019-07-27', youtubeId: 'cCiCdemo-01', ...stamps,
};

const testimony: Testimony = {
  id: 1, documentId: 't1', slug: 'la-penale', title: 'La penale che non esisteva', story: 'Mi hanno detto che dovevo pagare una penale.',
  role: 'cliente', sector: 'telefonia', channel: 'assistenza_telefonica', companyBrand: null, displayName: 'Maria, Bologna', eventMonth: '2019-05', receivedDate: '2019-07-12',
  ...stamps,
};

const answer: Answer = {
  id: 1, documentId: 'r1', slug: 'penale-recesso', title: 'Devo pagare una penale se cambio operatore?', operatorClaim: 'Paghi 100 euro di penale.', verdict: null, verifiedAt: null,
  correctAnswer: [{ type: 'paragraph', children: [{ type: 'text', text: 'No: puoi recedere in ogni momento.' }] }],
  legalReferences: [{ label: 'Legge 40/2007, art. 1', url: 'https://www.normattiva.it/' }, { label: 'Codice del consumo', url: null }],
  sector: 'telefonia', ...stamps,
};

describe('site-wide JSON-LD', () => {
  it('describes the Organization (logo, contact, http profiles only) and the WebSite with its search', () => {
    const nodes = resolve('/', []);
    expect(validateJsonLd([nodes])).toEqual({ types: expect.arrayContaining(['Organization', 'WebSite', 'WebPage']), errors: [] });
    const organization = nodeOfType(nodes, 'Organization');
    expect(organization.sameAs).toEqual(['https://www.facebook.com/chiudeteicallcenter']);
    expect(organization.email).toBe('redazione@chiudeteicallcenter.eu');
    const website = nodeOfType(nodes, 'WebSite');
    expect(JSON.stringify(website.potentialAction)).toContain(`${SITE}/cerca?q={search_term_string}`);
  });
});

describe('content JSON-LD', () => {
  it('an article: headline, dates, author with their page, cover, category', () => {
    const nodes = resolve('/articoli/il-mio-primo-hater', [defineArticle(articleJsonLd(article, ctx))]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    const node = nodeOfType(nodes, 'Article');
    expect(node).toMatchObject({ headline: 'Il mio primo hater', datePublished: '2019-07-07', dateModified: '2019-07-10T09:30:00.000Z', articleSection: 'Il libro' });
    const author = nodeOfType(nodes, 'Person');
    expect(author).toMatchObject({ name: 'Candy Larsson', url: `${SITE}/autori/candy-larsson` });
    expect(JSON.stringify(nodes)).toContain(`${CMS}/uploads/hater.png`);
  });

  it('an article names its publisher: the site\'s Organization, with name and logo', () => {
    const nodes = resolve('/articoli/il-mio-primo-hater', [defineArticle(articleJsonLd(article, ctx))]);
    const publisher = nodeOfType(nodes, 'Article').publisher as { '@id': string };
    expect(publisher).toEqual({ '@id': `${SITE}#identity` });
    const organization = nodes.find((node) => node['@id'] === publisher['@id']);
    expect(organization).toMatchObject({ '@type': 'Organization', 'name': global.siteName });
    expect(organization?.logo).toBeDefined();
  });

  it('an author page: a ProfilePage about the same Person the articles name, apart from the Organization', () => {
    const author = { ...article.author!, bio: 'Scrittrice.', avatar: media('/uploads/avatar.png'), socialLinks: [{ platform: 'facebook' as const, url: 'https://www.facebook.com/candy', label: null }] };
    const nodes = resolve('/autori/candy-larsson', [
      definedBy(definePerson, personJsonLd(author, ctx)),
      defineWebPage({ '@type': 'ProfilePage', 'mainEntity': { '@id': authorJsonLdId('candy-larsson', ctx) } }),
    ]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    expect(nodeOfType(nodes, 'Person')).toMatchObject({
      '@id': `${SITE}/autori/candy-larsson#persona`,
      'name': 'Candy Larsson',
      'description': 'Scrittrice.',
      'sameAs': ['https://www.facebook.com/candy'],
    });
    expect(nodeOfType(nodes, 'ProfilePage').mainEntity).toEqual({ '@id': `${SITE}/autori/candy-larsson#persona` });
    expect(nodeOfType(nodes, 'Organization')).not.toHaveProperty('jobTitle');
    expect(articleJsonLd(article, ctx).author).toEqual([expect.objectContaining({ '@id': `${SITE}/autori/candy-larsson#persona` })]);
  });

  it('an article without author nor cover: the Organization signs it, the site image illustrates it', () => {
    const bare = { ...article, author: null, cover: null, categories: [] };
    const nodes = resolve('/articoli/x', [defineArticle(articleJsonLd(bare, ctx))]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    expect(nodeOfType(nodes, 'Article').author).toEqual({ '@id': `${SITE}#identity` });
    expect(JSON.stringify(nodes)).toContain(ctx.defaultImage);
  });

  it('a testimony and an answer are Articles', () => {
    for (const [path, input] of [['/testimonianze/la-penale', testimonyJsonLd(testimony, ctx)], ['/risposte/penale-recesso', answerJsonLd(answer, ctx)]] as const) {
      const nodes = resolve(path, [defineArticle(input)]);
      expect(validateJsonLd([nodes]).errors).toEqual([]);
    }
    expect(testimonyJsonLd(testimony, ctx).author).toEqual([{ '@type': 'Person', 'name': 'Maria, Bologna' }]);
    expect(answerJsonLd(answer, ctx).citation).toEqual([
      { '@type': 'CreativeWork', 'name': 'Legge 40/2007, art. 1', 'url': 'https://www.normattiva.it/' },
      { '@type': 'CreativeWork', 'name': 'Codice del consumo' },
    ]);
  });

  it('a video: poster as thumbnail, upload date, privacy-enhanced embed, ISO duration', () => {
    const nodes = resolve('/video', [defineVideo(videoJsonLd(video, ctx))]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    expect(nodeOfType(nodes, 'VideoObject')).toMatchObject({
      name: 'Il caso, parte 1',
      thumbnailUrl: `${CMS}/uploads/poster.png`,
      uploadDate: '2019-07-04T08:00:00.000Z',
      embedUrl: 'https://www.youtube-nocookie.com/embed/cCiCdemo-01',
      duration: 'PT4M5S',
    });
  });

  it('a video without poster nor description still has a thumbnail and an Italian description', () => {
    const node = videoJsonLd({ ...video, poster: null, description: null }, ctx);
    expect(node.thumbnailUrl).toEqual([ctx.defaultImage]);
    expect(node.description).toMatch(/^Il caso, parte 1: un video/);
  });

  it('breadcrumbs: home first, positions from 1, absolute URLs, the current page last', () => {
    const trail = [{ label: 'Articoli', to: '/articoli' }, { label: 'Il mio primo hater' }];
    expect(breadcrumbTrail(trail, '/articoli/il-mio-primo-hater')).toEqual([
      { label: 'Home', to: '/' },
      { label: 'Articoli', to: '/articoli' },
      { label: 'Il mio primo hater', to: '/articoli/il-mio-primo-hater' },
    ]);
    const nodes = resolve('/articoli/il-mio-primo-hater', [definedBy(defineBreadcrumb, breadcrumbJsonLd(trail, '/articoli/il-mio-primo-hater', ctx))]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    expect(nodeOfType(nodes, 'BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', 'position': 1, 'name': 'Home', 'item': `${SITE}/` },
      { '@type': 'ListItem', 'position': 2, 'name': 'Articoli', 'item': `${SITE}/articoli` },
      { '@type': 'ListItem', 'position': 3, 'name': 'Il mio primo hater', 'item': `${SITE}/articoli/il-mio-primo-hater` },
    ]);
  });

  it('isoDuration', () => {
    expect(isoDuration(245)).toBe('PT4M5S');
    expect(isoDuration(3720)).toBe('PT1H2M');
    expect(isoDuration(0)).toBeUndefined();
    expect(isoDuration(null)).toBeUndefined();
  });
});

describe('the validator', () => {
  it('reports what is missing, following @id references', () => {
    const report = validateJsonLd([{
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Article', '@id': '#a', 'headline': 'x', 'author': { '@id': '#p' } },
        { '@type': 'Person', '@id': '#p' },
        { '@type': 'BreadcrumbList', 'itemListElement': [{ '@type': 'ListItem', 'position': 2, 'name': 'x', 'item': '/relative' }] },
        { '@type': 'Organization', 'name': 'x', 'url': 'https://x.it', 'logo': { '@id': '#logo' } },
        { '@type': 'ImageObject', '@id': '#logo', 'url': 'https://x.it/logo.png' },
      ],
    }]);
    expect(report.errors).toEqual([
      'Article (#a): missing "datePublished"',
      'Article (#a): an "author" has no name',
      'Article (#a): missing "image"',
      'BreadcrumbList (no @id): itemListElement[0] has position 2, expected 1',
      'BreadcrumbList (no @id): itemListElement[0] has no absolute "item" URL',
    ]);
  });
});
