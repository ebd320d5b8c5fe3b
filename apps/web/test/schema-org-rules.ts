/**
 * A small validator of JSON-LD graphs against the properties schema.org and
 * Google's rich results require of the types this site publishes. Used by the
 * unit tests (graphs resolved by nuxt-schema-org's own resolver) and by the
 * end-to-end test (the JSON-LD of the built site's pages).
 *
 * Not a full schema.org validator: it checks what makes each rich result
 * eligible (Google Search Central's "required" lists, plus the properties the
 * editors' content always has), following `@id` references through the graph.
 */

export type JsonLdNode = Record<string, unknown>;

interface Graph {
  nodes: JsonLdNode[];
  byId: Map<string, JsonLdNode>;
}

type Check = (node: JsonLdNode, graph: Graph) => string[];

const isObject = (value: unknown): value is JsonLdNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

function typesOf(node: JsonLdNode): string[] {
  return asArray(node['@type']).filter((type): type is string => typeof type === 'string');
}

/** The node a value stands for: an inline node, or the node its `@id` points to. */
function deref(value: unknown, graph: Graph): JsonLdNode | undefined {
  if (!isObject(value)) return undefined;
  const id = value['@id'];
  const keys = Object.keys(value);
  if (typeof id === 'string' && keys.length === 1) return graph.byId.get(id);
  return value;
}

const present = (value: unknown): boolean => {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
};

const isAbsoluteUrl = (value: unknown): boolean => typeof value === 'string' && /^https?:\/\/[^\s/]+/.test(value);

function required(...properties: string[]): Check {
  return (node) => properties.filter((property) => !present(node[property])).map((property) => `missing "${property}"`);
}

/** A URL property given as an absolute URL, or as an ImageObject (inline or by id) with one. */
function urlOrImage(property: string): Check {
  return (node, graph) => {
    const values = asArray(node[property]);
    if (values.length === 0) return [`missing "${property}"`];
    const ok = values.every((value) => {
      if (isAbsoluteUrl(value)) return true;
      const target = deref(value, graph);
      return target !== undefined && (isAbsoluteUrl(target.url) || isAbsoluteUrl(target.contentUrl));
    });
    return ok ? [] : [`"${property}" is not an absolute URL nor an image with one`];
  };
}

/** Every author (Person or Organization, inline or by id) has a name. */
const authorsNamed: Check = (node, graph) => {
  const authors = asArray(node.author);
  if (authors.length === 0) return ['missing "author"'];
  return authors.every((author) => present(deref(author, graph)?.name)) ? [] : ['an "author" has no name'];
};

/** An Offer is usable when it has a price with its currency, or a URL with an availability. */
function offerErrors(offer: unknown, graph: Graph): string[] {
  const node = deref(offer, graph);
  if (!node) return ['an offer is not an object'];
  const priced = present(node.price) && present(node.priceCurrency);
  const linked = isAbsoluteUrl(node.url) && present(node.availability);
  return priced || linked ? [] : ['an Offer has neither price + priceCurrency nor url + availability'];
}

const bookIdentifiedAndOffered: Check = (node, graph) => {
  const editions = asArray(node.workExample).map((edition) => deref(edition, graph)).filter((edition): edition is JsonLdNode => edition !== undefined);
  const errors: string[] = [];
  if (!present(node.isbn) && !editions.some((edition) => present(edition.isbn))) errors.push('missing "isbn" (on the book or an edition)');
  const offers = [...asArray(node.offers), ...editions.flatMap((edition) => asArray(edition.offers))];
  if (offers.length === 0) errors.push('missing "offers" (on the book or an edition)');
  for (const offer of offers) errors.push(...offerErrors(offer, graph));
  return errors;
};

const breadcrumbItems: Check = (node, graph) => {
  const items = asArray(node.itemListElement).map((item) => deref(item, graph));
  if (items.length === 0) return ['missing "itemListElement"'];
  const errors: string[] = [];
  items.forEach((item, index) => {
    if (!item) {
      errors.push(`itemListElement[${index}] is not an object`);
      return;
    }
    if (item.position !== index + 1) errors.push(`itemListElement[${index}] has position ${String(item.position)}, expected ${index + 1}`);
    if (!present(item.name)) errors.push(`itemListElement[${index}] has no "name"`);
    const target = typeof item.item === 'string' ? item.item : deref(item.item, graph)?.['@id'];
    if (!isAbsoluteUrl(target)) errors.push(`itemListElement[${index}] has no absolute "item" URL`);
  });
  return errors;
};

const searchAction: Check = (node, graph) => {
  const actions = asArray(node.potentialAction).map((action) => deref(action, graph)).filter((action): action is JsonLdNode => action !== undefined);
  const search = actions.find((action) => typesOf(action).includes('SearchAction'));
  if (!search) return ['missing a SearchAction in "potentialAction"'];
  const target = isObject(search.target) ? search.target.urlTemplate : search.target;
  const errors: string[] = [];
  if (typeof target !== 'string' || !isAbsoluteUrl(target) || !target.includes('{search_term_string}')) {
    errors.push('the SearchAction "target" is not an absolute URL template with {search_term_string}');
  }
  const queryInput = search['query-input'];
  const queryOk = typeof queryInput === 'string'
    ? queryInput.includes('name=search_term_string')
    : isObject(queryInput) && queryInput.valueName === 'search_term_string';
  if (!queryOk) errors.push('the SearchAction has no "query-input" for search_term_string');
  return errors;
};

const absoluteUrlOf = (property: string): Check => (node) => (isAbsoluteUrl(node[property]) ? [] : [`"${property}" is not an absolute URL`]);

const videoPlayable: Check = (node) => (isAbsoluteUrl(node.embedUrl) || isAbsoluteUrl(node.contentUrl) ? [] : ['missing "embedUrl" or "contentUrl"']);

/** The table: for each type, what a node of it must carry. */
export const SCHEMA_ORG_RULES: Record<string, Check[]> = {
  Article: [required('headline', 'datePublished'), authorsNamed, urlOrImage('image')],
  Book: [required('name'), authorsNamed, bookIdentifiedAndOffered],
  VideoObject: [required('name', 'description', 'uploadDate'), urlOrImage('thumbnailUrl'), videoPlayable],
  BreadcrumbList: [breadcrumbItems],
  WebSite: [required('name'), absoluteUrlOf('url'), searchAction],
  Organization: [required('name'), absoluteUrlOf('url'), urlOrImage('logo')],
};

export interface JsonLdReport {
  /** Every `@type` found in the graph. */
  types: string[];
  /** `Type (@id): problem`, one per problem; empty when the graph is valid. */
  errors: string[];
}

/** The nodes of one or more JSON-LD documents (`{ "@graph": [...] }`, arrays or single nodes). */
export function jsonLdNodes(documents: unknown[]): JsonLdNode[] {
  return documents.flatMap((document) => {
    if (Array.isArray(document)) return document.filter(isObject);
    if (!isObject(document)) return [];
    return Array.isArray(document['@graph']) ? document['@graph'].filter(isObject) : [document];
  });
}

/** Checks every node whose type has rules (nested nodes included when they are in the graph). */
export function validateJsonLd(documents: unknown[]): JsonLdReport {
  const nodes = jsonLdNodes(documents);
  const graph: Graph = { nodes, byId: new Map() };
  for (const node of nodes) {
    if (typeof node['@id'] === 'string') graph.byId.set(node['@id'], node);
  }
  const types = new Set<string>();
  const errors: string[] = [];
  for (const node of nodes) {
    for (const type of typesOf(node)) {
      types.add(type);
      for (const check of SCHEMA_ORG_RULES[type] ?? []) {
        errors.push(...check(node, graph).map((problem) => `${type} (${String(node['@id'] ?? 'no @id')}): ${problem}`));
      }
    }
  }
  return { types: [...types].sort(), errors };
}
