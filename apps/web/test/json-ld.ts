import type { Global, Media } from '@chiudete/types';
import {
  createSchemaOrgGraph,
  defineOrganization,
  defineSearchAction,
  defineWebPage,
  defineWebSite,
} from 'nuxt-schema-org/schema';
import { SEARCH_URL_TEMPLATE, organizationJsonLd, webSiteJsonLd, type JsonLdContext, type JsonLdInput } from '../app/utils/structured-data';
import type { JsonLdNode } from './schema-org-rules';

/*
 * What the JSON-LD unit tests share: the site, a media resolver, fixtures of
 * the site-wide content, and a resolver of nodes into the page's graph.
 */

export const SITE = 'https://chiudeteicallcenter.eu';
export const CMS = 'https://cms.example.test';
export const ctx: JsonLdContext = {
  siteUrl: SITE,
  mediaUrl: (url) => (url.startsWith('http') ? url : `${CMS}${url}`),
  defaultImage: `${CMS}/uploads/condivisione.png`,
};

export const stamps = { createdAt: '2019-07-04T08:00:00.000Z', updatedAt: '2019-07-10T09:30:00.000Z', publishedAt: '2019-07-04T08:00:00.000Z' };

export function media(url: string, alt: string | null = 'Copertina'): Media {
  return {
    id: 1, documentId: 'm1', alternativeText: alt, caption: null, ext: '.png', focalPoint: null, formats: null, hash: 'h',
    height: 630, width: 1200, mime: 'image/png', name: 'x.png', previewUrl: null, provider: 'local', size: 10, url, ...stamps,
  };
}

export const global: Global = {
  id: 1, documentId: 'g', siteName: 'Chiudete i Call Center', tagline: 'Risposte precise.', contactEmail: 'redazione@chiudeteicallcenter.eu', dataController: null,
  editorialPolicy: [], manifesto: [],
  socialLinks: [
    { platform: 'facebook', url: 'https://www.facebook.com/chiudeteicallcenter', label: null },
    { platform: 'altro', url: 'javascript:alert(1)', label: null },
  ],
  ...stamps,
};

/**
 * `define*` of nuxt-schema-org's core want complete typed inputs; the builders
 * return plain JSON-LD (the app passes them to the Vue `define*`, whose inputs
 * are partial): one cast here, where the resolved graph is then validated.
 */
export function definedBy(define: (input: never) => unknown, input: JsonLdInput): unknown {
  return define(input as never);
}

/** Resolves nodes the way the site does (nuxt-schema-org's resolver), with the site-wide ones every page has. */
export function resolve(path: string, nodes: unknown[]): JsonLdNode[] {
  const graph = createSchemaOrgGraph();
  graph.push([
    defineWebSite({ ...webSiteJsonLd(global, ctx), name: global.siteName, potentialAction: [defineSearchAction({ target: SEARCH_URL_TEMPLATE })] }),
    defineOrganization({ ...organizationJsonLd(global, ctx), name: global.siteName }),
    defineWebPage(),
    ...nodes,
  ] as Parameters<typeof graph.push>[0]);
  const url = `${SITE}${path}`;
  return graph.resolveGraph({ host: SITE, url, path, inLanguage: 'it-IT', title: 'Titolo della pagina' }) as JsonLdNode[];
}

export function nodeOfType(nodes: JsonLdNode[], type: string): JsonLdNode {
  const node = nodes.find((candidate) => [candidate['@type']].flat().includes(type));
  if (!node) throw new Error(`no ${type} node in ${JSON.stringify(nodes)}`);
  return node;
}
