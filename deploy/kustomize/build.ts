// A Kustomize build for the subset deploy/kubernetes uses, so CI can render
// the manifests on a machine with no kustomize or kubectl (neither is
// packaged usably by Debian here, nor on the npm registry; see
// docs/deploy.md). Same semantics as `kustomize build` for: `resources`
// (files and folders with a kustomization.yaml), `namespace`, `labels` (with
// includeSelectors: false), `images` (newName/newTag) and `patches` holding
// JSON 6902 operations with a kind/name `target`. Anything else in a
// kustomization.yaml is refused, so a new feature cannot be silently ignored:
// use the real kustomize (`kubectl kustomize`) for more.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

export interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind: string; name: string }; patch: string }[];
}

interface Operation {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'images', 'patches']);
/** Kinds without a namespace, among those a kustomization here may hold. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ClusterIssuer', 'IngressClass', 'PersistentVolume', 'StorageClass']);

type Json = Record<string, unknown> | unknown[];

/** Walks a JSON pointer (RFC 6901) to the parent of its last token. */
function parentOf(document: Json, pointer: string): { parent: Json; key: string } {
  if (!pointer.startsWith('/')) throw new Error(`patch path "${pointer}" must start with /`);
  const tokens = pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = tokens.pop()!;
  let parent: unknown = document;
  for (const token of tokens) {
    parent = Array.isArray(parent) ? parent[Number(token)] : (parent as Record<string, unknown> | undefined)?.[token];
    if (parent === undefined || parent === null || typeof parent !== 'object') throw new Error(`patch path "${pointer}": nothing at "${token}"`);
  }
  return { parent: parent as Json, key };
}

/** JSON Patch (RFC 6902) add, replace, remove and test: what Kustomize applies for such patches. */
export function applyOperations(document: Json, operations: Operation[]): void {
  for (const { op, path: pointer, value } of operations) {
    const { parent, key } = parentOf(document, pointer);
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`patch path "${pointer}": bad index`);
      if (op === 'add') parent.splice(index, 0, value);
      else if (index >= parent.length) throw new Error(`patch ${op} "${pointer}": no such element`);
      else if (op === 'replace') parent[index] = value;
      else if (op === 'remove') parent.splice(index, 1);
      else if (JSON.stringify(parent[index]) !== JSON.stringify(value)) throw new Error(`patch test "${pointer}" failed`);
      continue;
    }
    const object = parent as Record<string, unknown>;
    if (op !== 'add' && !(key in object)) throw new Error(`patch ${op} "${pointer}": no such member`);
    if (op === 'add' || op === 'replace') object[key] = value;
    else if (op === 'remove') Reflect.deleteProperty(object, key);
    else if (JSON.stringify(object[key]) !== JSON.stringify(value)) throw new Error(`patch test "${pointer}" failed`);
  }
}

/** Every pod spec in a resource: Deployments, StatefulSets, DaemonSets, Jobs, CronJobs. */
function podTemplates(resource: Resource): Record<string, unknown>[] {
  const spec = resource.spec as Record<string, unknown> | undefined;
  const template = (spec?.template ?? (spec?.jobTemplate as Record<string, Record<string, unknown>> | undefined)?.spec?.template) as Record<string, unknown> | undefined;
  return template ? [template] : [];
}

function setImages(resource: Resource, images: NonNullable<Kustomization['images']>): void {
  for (const template of podTemplates(resource)) {
    const spec = template.spec as { containers?: { image?: string }[]; initContainers?: { image?: string }[] };
    for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      if (!container.image) continue;
      const match = /^(.*?)(?::([^:/@]+))?(@.+)?$/.exec(container.image)!;
      const image = images.find(({ name }) => name === match[1]);
      if (!image) continue;
      const tag = image.newTag ?? match[2];
      container.image = `${image.newName ?? match[1]}${tag ? `:${tag}` : ''}${image.newTag ? '' : (match[3] ?? '')}`;
    }
  }
}

function readKustomization(dir: string): Kustomization {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: ${unsupported.join(', ')} not supported by this builder (deploy/kustomize/build.ts): use kubectl kustomize`);
  for (const label of kustomization.labels ?? []) {
    if (label.includeSelectors) throw new Error(`${file}: labels with includeSelectors: true are not supported by this builder`);
  }
  return kustomization;
}

function readResources(file: string): Resource[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0]!.message}`);
    return document.toJS() as Resource | null;
  }).filter((resource): resource is Resource => resource !== null);
}

/** The resources of a kustomization folder, transformed as `kustomize build` would. */
export function build(dir: string): Resource[] {
  const kustomization = readKustomization(dir);
  const resources: Resource[] = [];
  for (const entry of kustomization.resources ?? []) {
    const target = path.resolve(dir, entry);
    resources.push(...(statSync(target).isDirectory() ? build(target) : readResources(target)));
  }
  const seen = new Set<string>();
  for (const resource of resources) {
    const id = `${resource.kind}/${resource.metadata.name}`;
    if (seen.has(id)) throw new Error(`${dir}: ${id} appears twice`);
    seen.add(id);
  }
  for (const { target, patch } of kustomization.patches ?? []) {
    const matches = resources.filter((resource) => resource.kind === target.kind && resource.metadata.name === target.name);
    if (matches.length === 0) throw new Error(`${dir}: patch target ${target.kind}/${target.name} not found`);
    const operations = parse(patch) as Operation[];
    if (!Array.isArray(operations)) throw new Error(`${dir}: only JSON 6902 patches (a list of operations) are supported by this builder`);
    for (const resource of matches) applyOperations(resource, operations);
  }
  for (const resource of resources) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(resource.kind)) resource.metadata.namespace = kustomization.namespace;
    for (const { pairs, includeTemplates } of kustomization.labels ?? []) {
      resource.metadata.labels = { ...resource.metadata.labels, ...pairs };
      if (includeTemplates) {
        for (const template of podTemplates(resource)) {
          const metadata = (template.metadata ??= {}) as { labels?: Record<string, string> };
          metadata.labels = { ...metadata.labels, ...pairs };
        }
      }
    }
    if (kustomization.images) setImages(resource, kustomization.images);
  }
  return resources;
}

/** The build as one multi-document YAML stream, like `kustomize build`'s output. */
export const toYaml = (resources: Resource[]): string => resources.map((resource) => stringify(resource)).join('---\n');
