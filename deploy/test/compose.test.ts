// docker-compose.yml as a server runs it: only the proxy publishes ports,
// every secret is required, services start once what they need is healthy,
// and `pnpm setup:env --production` writes an env file that compose accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/nginx.ts';

interface Service {
  image?: string;
  ports?: unknown[];
  restart?: string;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  networks?: string[];
}

const composePath = path.join(repoRoot, 'docker-compose.yml');
const composeText = readFileSync(composePath, 'utf8');
const compose = parse(composeText) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
/** The lines `.env.example` leaves empty: required, no default. */
const requiredInExample = [...readFileSync(path.join(repoRoot, '.env.example'), 'utf8').matchAll(/^([A-Z0-9_]+)=$/gm)].map((match) => match[1]!);
/** Every ${NAME...} in the compose file, with what follows the name (`:?message`, `:-default`, or nothing). */
const composeCode = composeText.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
const interpolations = [...composeCode.matchAll(/\$\{([A-Z0-9_]+)([^}]*)\}/g)].map((match) => ({ name: match[1]!, rest: match[2]! }));
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|SALT|_KEYS?$|KEY_ID)/;
/** A secret by its name (NGINX_TLS_CERTIFICATE_KEY is a file path: the key itself stays on the host). */
const isSecret = (name: string) => SECRET_NAME.test(name) && !name.startsWith('NGINX_TLS_');

const temp = mkdtempSync(path.join(os.tmpdir(), 'deploy-compose-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('docker-compose.yml', () => {
  it('publishes ports from the proxy only', () => {
    const publishing = services.filter(([, service]) => service.ports?.length).map(([name]) => name);
    expect(publishing).toEqual(['proxy']);
    expect(compose.services.proxy!.ports).toEqual(['${HTTP_PORT:-80}:80', '${HTTPS_PORT:-443}:443']);
  });

  it('requires every secret (${VAR:?message}) wherever it is used: none has a default or may be empty', () => {
    const secrets = interpolations.filter(({ name }) => isSecret(name));
    expect(new Set(secrets.map(({ name }) => name))).toEqual(new Set([
      'POSTGRES_PASSWORD', 'APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY',
      'PREVIEW_SECRET', 'PREVIEW_API_TOKEN', 'REVALIDATE_SECRET', 'SITE_API_TOKEN', 'REDIS_PASSWORD', 'MINIO_ROOT_PASSWORD',
      'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY',
    ]));
    for (const { name, rest } of secrets) expect(rest, name).toMatch(new RegExp(`^:\\?${name} is required - .+`));
  });

  it('requires exactly the lines .env.example leaves empty, and those are all it requires', () => {
    const required = new Set(interpolations.filter(({ rest }) => rest.startsWith(':?')).map(({ name }) => name));
    expect(required).toEqual(new Set(requiredInExample));
    // No required variable is also given a default somewhere else.
    for (const { name, rest } of interpolations) if (required.has(name)) expect(rest, name).toMatch(/^:\?/);
  });

  it('starts each service once what it depends on is healthy (one-shots: completed)', () => {
    for (const [name, service] of services) {
      const dependencies = service.depends_on ?? {};
      expect(Array.isArray(dependencies), `${name}: depends_on needs conditions`).toBe(false);
      for (const [dependency, { condition }] of Object.entries(dependencies)) {
        const target = compose.services[dependency];
        expect(target, `${name} -> ${dependency}`).toBeDefined();
        if (target!.restart === 'no') {
          expect(condition, `${name} -> ${dependency}`).toBe('service_completed_successfully');
        } else {
          expect(condition, `${name} -> ${dependency}`).toBe('service_healthy');
          expect(target!.healthcheck?.test, `${dependency} has a healthcheck`).toBeDefined();
        }
      }
    }
    expect(Object.keys(compose.services.cms!.depends_on!)).toEqual(['postgres', 'redis', 'minio-init']);
    expect(Object.keys(compose.services.web!.depends_on!)).toEqual(['cms', 'redis']);
  });

  it('gives every long-running service a healthcheck and a restart policy', () => {
    for (const [name, service] of services) {
      if (service.restart === 'no') continue;
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.healthcheck?.test, name).toBeDefined();
    }
  });

  it('keeps the CMS stateless (uploads in MinIO, shared state in Redis) and the data services off the internet', () => {
    const cms = compose.services.cms!;
    expect(cms.volumes).toBeUndefined();
    expect(cms.environment).toMatchObject({ S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', IS_PROXIED: 'true', PROXY_MAX_IPS_COUNT: '1' });
    expect(cms.environment!.REDIS_URL).toBe(compose.services.web!.environment!.NUXT_REDIS_URL);
    for (const name of ['postgres', 'redis', 'minio', 'minio-init']) expect(compose.services[name]!.networks, name).toEqual(['backend']);
    expect((parse(composeText) as { networks: { backend: { internal?: boolean } } }).networks.backend.internal).toBe(true);
  });
});

describe('pnpm setup:env --production', () => {
  const envFile = path.join(temp, 'server.env');
  const setup = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'scripts/setup-env.mjs'), '--production', '--out', envFile, ...args], { encoding: 'utf8' });
  const readValues = () => new Map([...readFileSync(envFile, 'utf8').matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
  const composeConfig = (file: string) => spawnSync('docker-compose', ['-f', composePath, '--env-file', file, 'config'], { encoding: 'utf8', env: { ...process.env, STACK_ENV_FILE: file } });

  it('refuses to guess the hostnames, naming the flag', () => {
    const run = setup('--site-host', 'www.example.org');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CMS_HOSTNAME is required: pass --cms-host');
    expect(setup('--site-host', 'https://www.example.org', '--cms-host', 'cms.example.org').stderr).toContain('is not a hostname');
  });

  it('writes every required value, secrets fresh and distinct, readable by its owner only', () => {
    const run = setup('--site-host', 'www.example.org', '--cms-host', 'cms.example.org');
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const values = readValues();
    for (const name of requiredInExample) expect(values.get(name), name).toBeTruthy();
    const secrets = requiredInExample.filter((name) => isSecret(name)).map((name) => values.get(name));
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(values.get('SITE_API_TOKEN')).toMatch(/^[0-9a-f]{64}$/);
    for (const name of ['POSTGRES_PASSWORD', 'REDIS_PASSWORD']) expect(values.get(name), `${name} is URL-safe`).toMatch(/^[0-9a-f]{48}$/);
    expect(values.get('APP_KEYS')!.split(',')).toHaveLength(4);
    // Secrets never printed.
    expect(run.stdout).not.toContain(values.get('SITE_API_TOKEN'));
  });

  it('keeps existing values on a second run, and adds only what is missing', () => {
    const before = readValues();
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace(/^REDIS_PASSWORD=.*$/m, 'REDIS_PASSWORD='));
    expect(setup().status).toBe(0);
    const after = readValues();
    expect(after.get('SITE_API_TOKEN')).toBe(before.get('SITE_API_TOKEN'));
    expect(after.get('REDIS_PASSWORD')).toMatch(/^[0-9a-f]{48}$/);
    expect(after.get('REDIS_PASSWORD')).not.toBe(before.get('REDIS_PASSWORD'));
  });

  it('is accepted by docker-compose, which gives the site the CMS\'s read token and the public URLs', () => {
    const run = composeConfig(envFile);
    expect(run.status, run.stderr).toBe(0);
    const config = parse(run.stdout) as { services: Record<string, Service> };
    const values = readValues();
    expect(config.services.web!.environment!.NUXT_STRAPI_TOKEN).toBe(values.get('SITE_API_TOKEN'));
    expect(config.services.cms!.environment!.SITE_API_TOKEN).toBe(values.get('SITE_API_TOKEN'));
    expect(config.services.web!.environment!.NUXT_PUBLIC_SITE_URL).toBe('https://www.example.org');
    expect(config.services.cms!.environment!.S3_PUBLIC_URL).toBe('https://cms.example.org/media');
    expect(config.services.proxy!.environment).toMatchObject({ SITE_HOSTNAME: 'www.example.org', CMS_HOSTNAME: 'cms.example.org' });
  });

  it('makes docker-compose stop with the variable\'s name when a secret is missing or empty', () => {
    const broken = path.join(temp, 'broken.env');
    writeFileSync(broken, readFileSync(envFile, 'utf8').replace(/^SITE_API_TOKEN=.*$/m, 'SITE_API_TOKEN='));
    const run = composeConfig(broken);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('SITE_API_TOKEN is required');
  });
});

describe('the proxy\'s templates (run for real in nginx.test.ts)', () => {
  it('has no template variable the compose proxy does not set', () => {
    const given = new Set(Object.keys(compose.services.proxy!.environment!));
    for (const name of ['common', 'http', 'https']) {
      const text = readFileSync(path.join(repoRoot, `deploy/nginx/templates/${name}.conf.template`), 'utf8');
      for (const [, variable] of text.matchAll(/\$\{([A-Z0-9_]+)\}/g)) expect(given.has(variable!), `${name}: ${variable}`).toBe(true);
    }
  });
});
