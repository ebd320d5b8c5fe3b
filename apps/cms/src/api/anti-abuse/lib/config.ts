import { hkdfSync } from 'node:crypto';

/**
 * Anti-abuse settings, read from the environment once per Strapi instance
 * (see context.ts). Every value is validated here, so a typo in `.env`
 * stops the boot with a message instead of weakening a check silently.
 */

export const FORM_NAMES = ['testimony', 'contact', 'newsletter'] as const;
export type FormName = (typeof FORM_NAMES)[number];

export const isFormName = (value: unknown): value is FormName =>
  typeof value === 'string' && (FORM_NAMES as readonly string[]).includes(value);

export interface AntiAbuseConfig {
  /** HMAC-SHA256 key of the form tokens. */
  formTokenKey: Buffer;
  /** HMAC key of the ALTCHA challenges (altcha-lib takes a string). */
  altchaKey: string;
  /** Key of the salted hash (HMAC-SHA256) of client IPs. */
  ipHashKey: Buffer;
  formToken: {
    /** Lifetime of a form token. */
    ttlSeconds: number;
    /** Minimum time between issuing a token and submitting the form. */
    minFillSeconds: number;
  };
  altcha: {
    /** Upper bound of the secret number: the average work is half of it. */
    maxNumber: number;
    /** Lifetime of a challenge (and of the memory of its use). */
    expiresSeconds: number;
  };
  rateLimit: {
    windowSeconds: number;
    /** Submissions per client IP, per form and window. 0 turns the limit off. */
    submissionsPerIp: number;
    /** Submissions from everybody, per form and window. 0 turns the limit off. */
    submissionsGlobal: number;
    /** Form tokens, and ALTCHA challenges, per client IP and window. 0 turns the limit off. */
    challengesPerIp: number;
  };
  /** Limits of the public read API (GET/HEAD /api/...), see src/middlewares/read-rate-limit.ts. */
  reads: {
    windowSeconds: number;
    /** Reads per client IP (IPv6: per /64) and window, without an API token. 0 turns the limit off. */
    anonymous: number;
    /** Reads per API token and window. 0 turns the limit off. */
    token: number;
    /** Reads with the site's own token (SITE_API_TOKEN) per window, all site instances together. 0 (default): no limit. */
    site: number;
  };
  /** Caps of this process's memory store (without Redis), one per kind: see memory-store.ts. */
  memory: {
    /** Rate-limit counters; beyond it the least recently used one is forgotten. */
    maxCounters: number;
    /** Used ALTCHA solutions; beyond it new solutions and challenges are refused (429) until old ones expire. */
    maxUsedChallenges: number;
  };
  redis: {
    /** Unset: counters and used challenges live in this process's memory. */
    url: string | undefined;
    /** Prefix of every key written to Redis. */
    keyPrefix: string;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

const MIN_SECRET_LENGTH = 16;

/** An unset or empty variable is "not set" (an empty line in .env must not defeat the default). */
const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

function readInt(env: Env, name: string, fallback: number, { min, max }: { min: number; max: number }): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`Anti-abuse configuration: ${name}="${raw}" must be a whole number between ${min} and ${max}.`);
  }
  return Number(raw);
}

function readSecret(env: Env, name: string): string | undefined {
  const value = read(env, name);
  if (value !== undefined && value.length < MIN_SECRET_LENGTH) {
    throw new Error(`Anti-abuse configuration: ${name} is too short (at least ${MIN_SECRET_LENGTH} characters; generate one with \`openssl rand -base64 32\`).`);
  }
  return value;
}

/** A 32-byte key for one purpose, derived with HKDF-SHA256 from a secret. */
const derive = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'chiudete-anti-abuse', purpose, 32));

/**
 * The secret that keys are derived from when ANTI_ABUSE_SECRET or
 * IP_HASH_SALT are not set: Strapi's own APP_KEYS (never a built-in default).
 */
function appKeys(env: Env, missing: string): string {
  const keys = read(env, 'APP_KEYS');
  if (!keys || keys.length < MIN_SECRET_LENGTH) {
    throw new Error(`Anti-abuse configuration: set ${missing}, or APP_KEYS that it can be derived from.`);
  }
  return keys;
}

export function loadAntiAbuseConfig(env: Env = process.env): AntiAbuseConfig {
  const secret = readSecret(env, 'ANTI_ABUSE_SECRET') ?? appKeys(env, 'ANTI_ABUSE_SECRET');
  const ipSalt = readSecret(env, 'IP_HASH_SALT');
  const windowSeconds = readInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 600, { min: 1, max: 86_400 });

  return {
    formTokenKey: derive(secret, 'form-token'),
    altchaKey: derive(secret, 'altcha').toString('hex'),
    ipHashKey: ipSalt === undefined ? derive(appKeys(env, 'IP_HASH_SALT'), 'ip-hash') : derive(ipSalt, 'ip-hash'),
    formToken: {
      ttlSeconds: readInt(env, 'FORM_TOKEN_TTL_SECONDS', 7200, { min: 60, max: 7 * 86_400 }),
      minFillSeconds: readInt(env, 'FORM_MIN_FILL_SECONDS', 5, { min: 0, max: 3600 }),
    },
    altcha: {
      maxNumber: readInt(env, 'ALTCHA_MAX_NUMBER', 100_000, { min: 10, max: 10_000_000 }),
      expiresSeconds: readInt(env, 'ALTCHA_EXPIRES_SECONDS', 1200, { min: 10, max: 86_400 }),
    },
    rateLimit: {
      windowSeconds,
      submissionsPerIp: readInt(env, 'RATE_LIMIT_SUBMISSIONS_PER_IP', 5, { min: 0, max: 1_000_000 }),
      submissionsGlobal: readInt(env, 'RATE_LIMIT_SUBMISSIONS_GLOBAL', 120, { min: 0, max: 1_000_000 }),
      challengesPerIp: readInt(env, 'RATE_LIMIT_CHALLENGES_PER_IP', 60, { min: 0, max: 1_000_000 }),
    },
    reads: {
      windowSeconds: readInt(env, 'RATE_LIMIT_READS_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }),
      anonymous: readInt(env, 'RATE_LIMIT_READS_ANONYMOUS', 300, { min: 0, max: 100_000_000 }),
      token: readInt(env, 'RATE_LIMIT_READS_TOKEN', 3000, { min: 0, max: 100_000_000 }),
      site: readInt(env, 'RATE_LIMIT_READS_SITE', 0, { min: 0, max: 100_000_000 }),
    },
    memory: {
      maxCounters: readInt(env, 'ANTI_ABUSE_MEMORY_MAX_COUNTERS', 100_000, { min: 1, max: 10_000_000 }),
      maxUsedChallenges: readInt(env, 'ANTI_ABUSE_MEMORY_MAX_USED_CHALLENGES', 100_000, { min: 1, max: 10_000_000 }),
    },
    redis: {
      url: read(env, 'REDIS_URL'),
      keyPrefix: read(env, 'ANTI_ABUSE_REDIS_PREFIX') ?? 'chiudete:anti-abuse:',
    },
  };
}
