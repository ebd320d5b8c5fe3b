import { describe, expect, it } from 'vitest';
import { busyError, busyRefusal, parseRetryAfter, waitText } from './form-errors';

const busyBody = {
  data: null,
  error: {
    status: 429,
    name: 'RateLimitError',
    message: 'Too many anti-spam checks in progress.',
    details: { errors: [{ field: '_form', code: 'antiabuse.busy', message: 'Stiamo ricevendo troppi invii.' }] },
  },
};

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('busyRefusal', () => {
  it('recognises the CMS\'s busy refusal, with when to retry', async () => {
    const response = answer(429, busyBody, { 'retry-after': '45' });
    const error = await busyRefusal(response);
    expect(error).toEqual(busyError(45));
    expect(error?.code).toBe('antiabuse.busy');
    expect(error?.message).toContain('ci stanno scrivendo in tanti');
    expect(error?.message).toContain('Riprova tra un minuto');
    // The widget still reads the answer: only a clone was read.
    expect(response.bodyUsed).toBe(false);
  });

  it('leaves every other answer alone: a limit on the reader, a challenge, a body that is no JSON', async () => {
    const limited = { ...busyBody, error: { ...busyBody.error, details: { errors: [{ field: '_form', code: 'rate_limited', message: 'x' }] } } };
    expect(await busyRefusal(answer(429, limited, { 'retry-after': '600' }))).toBeNull();
    expect(await busyRefusal(answer(200, { algorithm: 'SHA-256', challenge: 'x' }))).toBeNull();
    expect(await busyRefusal(answer(429, 'Too Many Requests'))).toBeNull();
    expect(await busyRefusal(answer(429, { error: { details: { errors: [null, 'antiabuse.busy'] } } }))).toBeNull();
  });
});

describe('busyError', () => {
  it('is not the message of a limit on the reader\'s own connection', () => {
    expect(busyError(undefined).message).toContain('Riprova tra qualche minuto');
    expect(busyError(300).message).toContain('Riprova tra 5 minuti');
    expect(busyError(45).message).not.toMatch(/connessione/);
  });
});

describe('parseRetryAfter and waitText', () => {
  it('read seconds and say them in Italian', () => {
    expect(parseRetryAfter('45')).toBe(45);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
    expect(waitText(45)).toBe('tra un minuto');
    expect(waitText(600)).toBe('tra 10 minuti');
    expect(waitText(0)).toBe('tra qualche minuto');
  });
});
