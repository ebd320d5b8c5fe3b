import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isFormName, type FormName } from './config';

/**
 * Signed form tokens: `v1.<form>.<issuedAt ms>.<nonce>.<signature>`, the
 * signature being HMAC-SHA256 over everything before it. Stateless: any
 * instance with the same key verifies them. They prove the form was loaded
 * from this site, for this form, long enough ago (a human fills a form in
 * more than a few seconds) and not too long ago.
 */

const VERSION = 'v1';
/** Longest well-formed token is about 100 characters; anything far longer is not ours. */
const MAX_TOKEN_LENGTH = 256;
/** Tolerated clock difference between instances, for tokens "issued in the future". */
const CLOCK_SKEW_MS = 60_000;

const sign = (key: Buffer, payload: string): Buffer => createHmac('sha256', key).update(payload).digest();

export interface IssuedFormToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

export function issueFormToken(key: Buffer, form: FormName, ttlSeconds: number, now = Date.now()): IssuedFormToken {
  const nonce = randomBytes(16).toString('base64url');
  const payload = `${VERSION}.${form}.${now}.${nonce}`;
  return {
    token: `${payload}.${sign(key, payload).toString('base64url')}`,
    issuedAt: now,
    expiresAt: now + ttlSeconds * 1000,
  };
}

export type FormTokenProblem = 'token_missing' | 'token_invalid' | 'token_expired' | 'too_fast';

export type FormTokenCheck
  = | { ok: true; issuedAt: number; nonce: string }
    | { ok: false; problem: FormTokenProblem };

export interface FormTokenExpectations {
  form: FormName;
  ttlSeconds: number;
  minFillSeconds: number;
  now?: number;
}

/** Checks a token as received (any JSON value): signature first, then form, age. */
export function verifyFormToken(key: Buffer, token: unknown, { form, ttlSeconds, minFillSeconds, now = Date.now() }: FormTokenExpectations): FormTokenCheck {
  if (token === undefined || token === null || token === '') return { ok: false, problem: 'token_missing' };
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, problem: 'token_invalid' };

  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, problem: 'token_invalid' };
  const [version, tokenForm, issued, nonce, signature] = parts as [string, string, string, string, string];

  const expected = sign(key, `${version}.${tokenForm}.${issued}.${nonce}`);
  const received = Buffer.from(signature, 'base64url');
  // Compare only equal lengths (timingSafeEqual throws otherwise); the length of a MAC is no secret.
  if (received.length !== expected.length || received.toString('base64url') !== signature) return { ok: false, problem: 'token_invalid' };
  if (!timingSafeEqual(received, expected)) return { ok: false, problem: 'token_invalid' };

  // Signed by us: the fields are ours, but check them anyway (a key shared by mistake, an old format).
  if (version !== VERSION || !isFormName(tokenForm) || !/^\d{1,15}$/.test(issued)) return { ok: false, problem: 'token_invalid' };
  // A token for another form does not open this one.
  if (tokenForm !== form) return { ok: false, problem: 'token_invalid' };

  const issuedAt = Number(issued);
  if (issuedAt > now + CLOCK_SKEW_MS) return { ok: false, problem: 'token_invalid' };
  if (now - issuedAt > ttlSeconds * 1000) return { ok: false, problem: 'token_expired' };
  if (now - issuedAt < minFillSeconds * 1000) return { ok: false, problem: 'too_fast' };
  return { ok: true, issuedAt, nonce };
}
