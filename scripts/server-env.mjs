// `pnpm setup:env --production --site-host www.example.org --cms-host cms.example.org [--out .env]`
//
// The env file of one server running docker-compose.yml: .env.example with
// every required line (`NAME=`, left empty there) filled in, secrets fresh and
// random (the site's read token SITE_API_TOKEN included: the CMS creates the
// token «Sito pubblico» from it at start, no manual step). Comments are kept,
// so the file documents itself. A file that exists keeps every value it has
// and only gets the required lines it lacks (a newer version of the project
// may add some). Secrets are never printed.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');

const hex = (bytes) => randomBytes(bytes).toString('hex');
const base64 = (bytes) => randomBytes(bytes).toString('base64');

/** How each required value is made; anything else required gets 32 random bytes in base64. */
const generators = {
  APP_KEYS: () => [base64(16), base64(16), base64(16), base64(16)].join(','),
  // These end up inside URLs (DATABASE_URL, REDIS_URL) or are API tokens: hex, URL-safe.
  POSTGRES_PASSWORD: () => hex(24),
  REDIS_PASSWORD: () => hex(24),
  MINIO_ROOT_PASSWORD: () => hex(24),
  SITE_API_TOKEN: () => hex(32),
  PREVIEW_API_TOKEN: () => hex(32),
  S3_ACCESS_KEY_ID: () => `chiudete-cms-${hex(6)}`,
  S3_SECRET_ACCESS_KEY: () => hex(32),
  PREVIEW_SECRET: () => randomBytes(32).toString('base64url'),
  REVALIDATE_SECRET: () => randomBytes(32).toString('base64url'),
};

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `NAME=value` pairs of an env file. */
function readEnv(text) {
  const values = new Map();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) values.set(match[1], match[2].trim());
  }
  return values;
}

export function serverEnv({ siteHost, cmsHost, out }) {
  const example = readFileSync(path.join(root, '.env.example'), 'utf8');
  const required = [...example.matchAll(/^([A-Z0-9_]+)=$/gm)].map((match) => match[1]);
  const existing = existsSync(out) ? readEnv(readFileSync(out, 'utf8')) : new Map();
  const given = { SITE_HOSTNAME: siteHost, CMS_HOSTNAME: cmsHost };

  const values = new Map();
  for (const name of required) {
    if (existing.get(name)) continue;
    if (name in given) {
      const host = given[name]?.trim().toLowerCase();
      const flag = name === 'SITE_HOSTNAME' ? '--site-host' : '--cms-host';
      if (!host) throw new Error(`${name} is required: pass ${flag} <hostname> (e.g. ${flag} ${name === 'SITE_HOSTNAME' ? 'www' : 'cms'}.example.org)`);
      if (!HOSTNAME.test(host)) throw new Error(`${flag} "${given[name]}" is not a hostname (letters, digits, dots and hyphens; no scheme, no port)`);
      values.set(name, host);
    } else {
      values.set(name, (generators[name] ?? (() => base64(32)))());
    }
  }
  const hosts = { site: values.get('SITE_HOSTNAME') ?? existing.get('SITE_HOSTNAME'), cms: values.get('CMS_HOSTNAME') ?? existing.get('CMS_HOSTNAME') };
  if (hosts.site && hosts.site === hosts.cms) throw new Error('--site-host and --cms-host must differ: the CMS is served on its own hostname');

  if (values.size === 0) return { written: [], out };
  if (existing.size === 0) {
    const text = example.replace(/^([A-Z0-9_]+)=$/gm, (line, name) => (values.has(name) ? `${name}=${values.get(name)}` : line));
    writeFileSync(out, `# Written by \`pnpm setup:env --production\` on ${new Date().toISOString()}. Never commit it.\n${text}`, { mode: 0o600 });
  } else {
    const text = readFileSync(out, 'utf8');
    const lines = [...values].map(([name, value]) => `${name}=${value}`);
    writeFileSync(out, `${text}${text.endsWith('\n') ? '' : '\n'}# Added by \`pnpm setup:env --production\` on ${new Date().toISOString()}:\n${lines.join('\n')}\n`);
  }
  chmodSync(out, 0o600);
  return { written: [...values.keys()], out };
}

export function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'production': { type: 'boolean' },
      'site-host': { type: 'string' },
      'cms-host': { type: 'string' },
      'out': { type: 'string', default: path.join(root, '.env') },
    },
  });
  try {
    const { written, out } = serverEnv({ siteHost: values['site-host'], cmsHost: values['cms-host'], out: path.resolve(values.out) });
    console.log(written.length
      ? `[setup-env] ${out}: wrote ${written.join(', ')} (mode 600). Next: docs/deploy.md («Start»).`
      : `[setup-env] ${out} already has every required value: nothing changed.`);
  } catch (error) {
    console.error(`[setup-env] ${error.message}`);
    process.exit(1);
  }
}
