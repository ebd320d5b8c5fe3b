// deploy/kubernetes: the production overlay built (build.ts, the Kustomize
// subset) and every object validated against the Kubernetes schemas
// (kubernetes-models), then the rules this project holds them to.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../test/helpers/nginx.ts';
import { applyOperations, build, type Resource } from './build.ts';

const kubernetesDir = path.join(repoRoot, 'deploy/kubernetes');
const production = build(path.join(kubernetesDir, 'overlays/production'));

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

const groups: Record<string, Record<string, unknown>> = {
  'v1': core, 'apps/v1': apps, 'batch/v1': batch, 'policy/v1': policy,
  'autoscaling/v2': autoscaling, 'networking.k8s.io/v1': networking,
};

/** The kubernetes-models class of an object's apiVersion and kind. */
async function modelOf(resource: Pick<Resource, 'apiVersion' | 'kind'>): Promise<ModelClass> {
  const model = groups[resource.apiVersion]?.[resource.kind] as ModelClass | undefined;
  if (!model) throw new Error(`kubernetes-models has no ${resource.kind} in ${resource.apiVersion}`);
  return model;
}

const find = (kind: string, name: string) => {
  const resource = production.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!resource) throw new Error(`${kind}/${name} not in the build`);
  return resource as Resource & { spec: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads of arbitrary manifest fields
};

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: { httpGet: { path: string } };
  livenessProbe?: { httpGet: { path: string } };
  readinessProbe?: { httpGet: { path: string } };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[] };
}
const podTemplate = (resource: Resource & { spec: Record<string, any> }): PodTemplate => // eslint-disable-line @typescript-eslint/no-explicit-any -- as above
  resource.kind === 'CronJob' ? resource.spec.jobTemplate.spec.template : resource.spec.template;
const workloads = production.filter((resource) => ['Deployment', 'CronJob'].includes(resource.kind)).map((resource) => find(resource.kind, resource.metadata.name));

describe('the production overlay', () => {
  it('builds the expected objects, in the chiudete namespace', () => {
    expect(production.map(({ kind, metadata }) => `${kind}/${metadata.name}`).sort()).toEqual([
      'ConfigMap/chiudete-cms-config', 'ConfigMap/chiudete-web-config', 'CronJob/chiudete-backup',
      'Deployment/chiudete-cms', 'Deployment/chiudete-cms-worker', 'Deployment/chiudete-web',
      'HorizontalPodAutoscaler/chiudete-cms', 'HorizontalPodAutoscaler/chiudete-web',
      'Ingress/chiudete-cms', 'Ingress/chiudete-cms-api', 'Ingress/chiudete-cms-upload', 'Ingress/chiudete-site',
      'Namespace/chiudete', 'PersistentVolumeClaim/chiudete-backups',
      'PodDisruptionBudget/chiudete-cms', 'PodDisruptionBudget/chiudete-web',
      'Service/chiudete-cms', 'Service/chiudete-web',
    ]);
    for (const resource of production) {
      if (resource.kind !== 'Namespace') expect(resource.metadata.namespace, resource.metadata.name).toBe('chiudete');
      expect(resource.metadata.labels?.['app.kubernetes.io/part-of']).toBe('chiudete');
    }
  });

  it('validates every object against the Kubernetes schemas', async () => {
    for (const resource of production) {
      const Model = await modelOf(resource);
      expect(() => new Model(resource).validate(), `${resource.kind}/${resource.metadata.name}`).not.toThrow();
    }
  });

  it('has no field the Kubernetes types do not know (the schemas let a misspelt `readinesProbe` pass)', () => {
    // TypeScript's excess property check against kubernetes-models' interfaces, on every object as a literal;
    // plus one object with a misspelt field, which must be the only error.
    const dir = mkdtempSync(path.join(repoRoot, 'deploy/.manifest-types-'));
    try {
      const literal = (resource: Resource, index: number) =>
        `import type { I${resource.kind} as T${index} } from 'kubernetes-models/${resource.apiVersion}/${resource.kind}';\nexport const r${index}: T${index} = ${JSON.stringify(resource, null, 1)};\n`;
      writeFileSync(path.join(dir, 'manifests.mts'), production.map(literal).join(''));
      const web = structuredClone(find('Deployment', 'chiudete-web'));
      const [container] = podTemplate(web).spec.containers;
      Object.assign(container!, { readinesProbe: container!.readinessProbe });
      writeFileSync(path.join(dir, 'misspelt.mts'), literal(web, 0));
      const tsc = spawnSync(process.execPath, [
        path.join(repoRoot, 'deploy/node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck',
        '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node',
        path.join(dir, 'manifests.mts'), path.join(dir, 'misspelt.mts'),
      ], { encoding: 'utf8', cwd: path.join(repoRoot, 'deploy') });
      const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
      expect(errors.filter((line) => !line.includes('misspelt.mts')), tsc.stdout).toEqual([]);
      expect(errors.join('\n')).toMatch(/misspelt\.mts.*readinesProbe.* does not exist in type 'IContainer'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('(the schema check bites: a wrong type or a missing required field is an error)', async () => {
    const deployment = structuredClone(find('Deployment', 'chiudete-web'));
    const Deployment = await modelOf(deployment);
    expect(() => new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } }).validate()).toThrow();
    const { selector: _selector, ...withoutSelector } = deployment.spec;
    expect(() => new Deployment({ ...deployment, spec: withoutSelector }).validate()).toThrow();
  });

  it('commits no secret: no Secret object, secrets only by reference', () => {
    expect(production.filter(({ kind }) => kind === 'Secret')).toEqual([]);
    for (const workload of workloads) {
      for (const container of podTemplate(workload).spec.containers) {
        const secretRefs = (container.envFrom ?? []).flatMap(({ secretRef }) => (secretRef ? [secretRef.name] : []));
        expect(secretRefs, workload.metadata.name).toEqual([workload.metadata.name === 'chiudete-web' ? 'chiudete-web-secrets' : 'chiudete-cms-secrets']);
        for (const { name } of container.env ?? []) expect(name).not.toMatch(/PASSWORD|SECRET|TOKEN|SALT|KEY/);
      }
    }
    for (const configMap of production.filter(({ kind }) => kind === 'ConfigMap')) {
      for (const name of Object.keys(configMap.data as Record<string, string>)) expect(name).not.toMatch(/PASSWORD|SECRET|TOKEN|SALT|_KEYS?$|DATABASE_URL|REDIS_URL/);
    }
  });

  it('probes the health endpoints: CMS /_health/live and /_health/ready, site /healthz and /readyz', () => {
    for (const name of ['chiudete-cms', 'chiudete-cms-worker']) {
      const [container] = podTemplate(find('Deployment', name)).spec.containers;
      expect(container!.startupProbe?.httpGet.path).toBe('/_health/live');
      expect(container!.livenessProbe?.httpGet.path).toBe('/_health/live');
      expect(container!.readinessProbe?.httpGet.path).toBe('/_health/ready');
    }
    const [web] = podTemplate(find('Deployment', 'chiudete-web')).spec.containers;
    expect(web!.livenessProbe?.httpGet.path).toBe('/healthz');
    expect(web!.readinessProbe?.httpGet.path).toBe('/readyz');
  });

  it('runs the scheduled jobs on exactly one worker, never on the web pods', () => {
    const role = (name: string) => podTemplate(find('Deployment', name)).spec.containers[0]!.env?.find((variable) => variable.name === 'CMS_ROLE')?.value;
    expect(role('chiudete-cms')).toBe('web');
    expect(role('chiudete-cms-worker')).toBe('worker');
    const worker = find('Deployment', 'chiudete-cms-worker');
    expect(worker.spec.replicas).toBe(1);
    expect(worker.spec.strategy).toEqual({ type: 'Recreate' });
    const scaled = production.filter(({ kind }) => kind === 'HorizontalPodAutoscaler').map((hpa) => (hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
    expect(scaled.sort()).toEqual(['chiudete-cms', 'chiudete-web']);
  });

  it('gives every Deployment that serves readers a PDB, an HPA, a Service selecting its pods, and every container resources', () => {
    for (const name of ['chiudete-cms', 'chiudete-web']) {
      const labels = podTemplate(find('Deployment', name)).metadata.labels;
      const selects = (selector: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);
      expect(selects(find('PodDisruptionBudget', name).spec.selector.matchLabels)).toBe(true);
      expect(selects(find('Service', name).spec.selector)).toBe(true);
      expect(find('HorizontalPodAutoscaler', name).spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(find('PodDisruptionBudget', name).spec.minAvailable).toBe(1);
    }
    for (const workload of workloads) {
      for (const container of podTemplate(workload).spec.containers) {
        expect(container.resources?.requests?.cpu, workload.metadata.name).toBeDefined();
        expect(container.resources?.requests?.memory, workload.metadata.name).toBeDefined();
        expect(container.resources?.limits?.memory, workload.metadata.name).toBeDefined();
        expect(container.image, workload.metadata.name).toMatch(/^registry\.example\.org\/chiudete\/(cms|web|backup):1\.0\.0$/);
      }
    }
  });

  it('routes each hostname to an existing Service port, with the body limits of deploy/nginx', () => {
    const services = new Map(production.filter(({ kind }) => kind === 'Service').map((service) => [service.metadata.name, service.spec as { ports: { name: string }[] }]));
    const limits: Record<string, string> = {};
    for (const ingress of production.filter(({ kind }) => kind === 'Ingress')) {
      const spec = ingress.spec as { rules: { host: string; http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] } }[] };
      for (const rule of spec.rules) {
        for (const { path: route, backend } of rule.http.paths) {
          expect(services.get(backend.service.name)?.ports.map((port) => port.name)).toContain(backend.service.port.name);
          limits[`${rule.host}${route}`] = (ingress.metadata.annotations as Record<string, string>)['nginx.ingress.kubernetes.io/proxy-body-size']!;
        }
      }
    }
    expect(limits).toEqual({
      'chiudeteicallcenter.eu/': '64k',
      'cms.chiudeteicallcenter.eu/': '2m',
      'cms.chiudeteicallcenter.eu/api': '128k',
      'cms.chiudeteicallcenter.eu/upload': '100m',
    });
  });

  it('backs up nightly with the backup image, the CMS\'s database and S3 settings, one run at a time', () => {
    const backup = find('CronJob', 'chiudete-backup');
    expect(backup.spec.concurrencyPolicy).toBe('Forbid');
    const [container] = podTemplate(backup).spec.containers;
    expect(container!.image).toBe('registry.example.org/chiudete/backup:1.0.0');
    // The image's entry point (packages/backup/entrypoint.sh) runs it: no pnpm in the image.
    expect(container!.command).toBeUndefined();
    expect(container!.args).toEqual(['backup']);
    expect(container!.env).toEqual([{ name: 'BACKUP_DIR', value: '/backups' }, { name: 'BACKUP_KEEP', value: '14' }]);
    expect(container!.envFrom).toEqual([{ configMapRef: { name: 'chiudete-cms-config' } }, { secretRef: { name: 'chiudete-cms-secrets' } }]);
  });

  it('sets the public URLs of the overlay, consistently between site and CMS', () => {
    const cms = find('ConfigMap', 'chiudete-cms-config').data as Record<string, string>;
    const web = find('ConfigMap', 'chiudete-web-config').data as Record<string, string>;
    expect(web.NUXT_PUBLIC_SITE_URL).toBe(cms.SITE_URL);
    expect(web.NUXT_PUBLIC_CMS_URL).toBe(cms.PUBLIC_URL);
    // No CORS allowance: readers send the forms to the site, whose server relays them (issue #16).
    expect(cms.CORS_ORIGINS).toBeUndefined();
    expect(`https://${find('Ingress', 'chiudete-cms').spec.rules[0].host}`).toBe(cms.PUBLIC_URL);
    expect(`https://${find('Ingress', 'chiudete-site').spec.rules[0].host}`).toBe(cms.SITE_URL);
  });
});

describe('the Kustomize subset (build.ts)', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'deploy-kustomize-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
    writeFileSync(path.join(temp, file), text);
  };

  it('applies namespace, images and JSON 6902 patches across folders', () => {
    write('base/kustomization.yaml', 'resources: [app.yaml]\n');
    write('base/app.yaml', [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: app }',
      'spec: { selector: { matchLabels: { a: b } }, template: { metadata: { labels: { a: b } }, spec: { containers: [{ name: c, image: "app:old" }, { name: d, image: "other@sha256:abc" }] } } }',
    ].join('\n'));
    write('prod/kustomization.yaml', [
      'namespace: prod', 'resources: [../base]',
      'images: [{ name: app, newName: reg/app, newTag: "2" }, { name: other, newName: reg/other }]',
      'patches:', '  - target: { kind: Deployment, name: app }', '    patch: |-', '      - { op: add, path: /spec/replicas, value: 3 }',
    ].join('\n'));
    const [app] = build(path.join(temp, 'prod'));
    expect(app!.metadata.namespace).toBe('prod');
    expect((app!.spec as { replicas: number }).replicas).toBe(3);
    expect((app!.spec as { template: PodTemplate }).template.spec.containers.map(({ image }) => image)).toEqual(['reg/app:2', 'reg/other@sha256:abc']);
  });

  it('refuses what it does not implement, and patches that miss', () => {
    write('odd/kustomization.yaml', 'resources: []\nconfigMapGenerator: [{ name: x }]\n');
    expect(() => build(path.join(temp, 'odd'))).toThrow(/configMapGenerator not supported/);
    write('miss/kustomization.yaml', 'resources: [../base]\npatches:\n  - target: { kind: Deployment, name: nope }\n    patch: "[]"\n');
    expect(() => build(path.join(temp, 'miss'))).toThrow(/Deployment\/nope not found/);
    expect(() => applyOperations({ a: {} }, [{ op: 'replace', path: '/a/b', value: 1 }])).toThrow(/no such member/);
    const list = { items: [1, 2] };
    applyOperations(list, [{ op: 'add', path: '/items/-', value: 3 }, { op: 'remove', path: '/items/0' }]);
    expect(list.items).toEqual([2, 3]);
  });
});
