import { describe, expect, it, vi } from 'vitest';
import { solveAltcha } from '../../../../tests/helpers/anti-abuse';
import { createAltchaChallenge } from './altcha';
import { hashIp } from './client-ip';
import { loadAntiAbuseConfig, type FormName } from './config';
import type { AntiAbuseErrorBody } from './errors';
import { issueFormToken } from './form-token';
import { createSubmissionGuard, type GuardContext } from './guard';
import { MemoryStore } from './store';

const env = {
  APP_KEYS: 'guardTestKeyOneXXXXXXXX==,guardTestKeyTwoXXXXXXXX==',
  ALTCHA_MAX_NUMBER: '1000',
  RATE_LIMIT_SUBMISSIONS_PER_IP: '3',
  RATE_LIMIT_SUBMISSIONS_GLOBAL: '6',
};
const config = loadAntiAbuseConfig(env);
/** Same keys, no overall limit. */
const roomyConfig = loadAntiAbuseConfig({ ...env, RATE_LIMIT_SUBMISSIONS_GLOBAL: '0' });

/** A Strapi instance's guard: its own store unless given one (two guards on one store = two instances on one Redis). */
function setup(store = new MemoryStore(), guardConfig = config) {
  const now = Date.now();
  const guard = (form: FormName = 'testimony') => createSubmissionGuard(form, { config: guardConfig, store, now: () => now });
  const fields = async (form: FormName = 'testimony', issuedAgoMs = 10_000) => ({
    website: '',
    formToken: issueFormToken(config.formTokenKey, form, config.formToken.ttlSeconds, now - issuedAgoMs).token,
    altcha: await solveAltcha(await createAltchaChallenge({ hmacKey: config.altchaKey, ...config.altcha }, now)),
  });
  return { store, guard, fields };
}

function request(body: unknown, ip = '203.0.113.7') {
  const headers: Record<string, string> = {};
  const ctx: GuardContext & { headers: Record<string, string> } = {
    request: { ip, body },
    state: {},
    status: 404,
    body: undefined,
    set: (field, value) => void (headers[field] = value),
    headers,
  };
  return ctx;
}

async function run(guard: ReturnType<ReturnType<typeof setup>['guard']>, body: unknown, ip?: string) {
  const ctx = request(body, ip);
  const next = vi.fn(async () => {
    ctx.status = 201;
  });
  await guard(ctx, next);
  return { ctx, next, error: (ctx.body as AntiAbuseErrorBody | undefined)?.error };
}

const codeOf = (result: Awaited<ReturnType<typeof run>>) => result.error?.details.errors[0]?.code;

describe('anti-abuse guard', () => {
  it('lets a legitimate submission through, without its anti-abuse fields, with the hashed address', async () => {
    const { guard, fields } = setup();
    const body = { data: { title: 'Una storia', ...(await fields()) } };
    const { ctx, next } = await run(guard(), body);
    expect(next).toHaveBeenCalledOnce();
    expect(ctx.status).toBe(201);
    expect(body.data).toEqual({ title: 'Una storia' });
    expect(ctx.state.antiAbuse).toEqual({ ipHash: hashIp(config.ipHashKey, '203.0.113.7') });
    expect(JSON.stringify(ctx.state)).not.toContain('203.0.113.7');
  });

  it('answers in Strapi\'s error envelope with one _form error', async () => {
    const { guard } = setup();
    const { ctx, next } = await run(guard(), { data: { website: 'http://spam.example' } });
    expect(next).not.toHaveBeenCalled();
    expect(ctx.status).toBe(400);
    expect(ctx.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.stringMatching(/honeypot/),
        details: { errors: [{ field: '_form', code: 'antiabuse.honeypot', message: expect.stringMatching(/vuoto/) }] },
      },
    });
  });

  it('checks in order: the client\'s rate limit, honeypot, form token, proof of work', async () => {
    const { guard } = setup();
    const g = guard();
    expect(codeOf(await run(g, { data: { website: 'x' } }))).toBe('antiabuse.honeypot');
    expect(codeOf(await run(g, { data: { formToken: 'bad', altcha: 'bad' } }))).toBe('antiabuse.token_invalid');
    expect(codeOf(await run(g, { data: {} }))).toBe('antiabuse.token_missing');
    // Fourth attempt from the same address: the limit comes before everything else.
    const limited = await run(g, { data: { website: 'x' } });
    expect(limited.ctx.status).toBe(429);
    expect(limited.ctx.headers['Retry-After']).toMatch(/^\d+$/);
    expect(Number(limited.ctx.headers['Retry-After'])).toBeGreaterThan(590);
    expect(limited.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { errors: [{ field: '_form', code: 'rate_limited' }] } });
    expect(limited.error?.details.errors[0]?.message).toMatch(/riprova tra 10 minuti/);
  });

  it('reports each problem with its code', async () => {
    const { guard, fields } = setup(new MemoryStore(), roomyConfig);
    const g = guard();
    const ip = (() => {
      let i = 0;
      return () => `198.51.100.${++i}`;
    })();
    const valid = await fields();
    const cases: Array<[string, Record<string, unknown>]> = [
      ['antiabuse.honeypot', { ...valid, website: 'https://example.com' }],
      ['antiabuse.token_missing', { ...valid, formToken: undefined }],
      ['antiabuse.token_invalid', { ...valid, formToken: `${valid.formToken}x` }],
      ['antiabuse.token_invalid', { ...(await fields('contact')), altcha: valid.altcha }],
      ['antiabuse.token_expired', { ...(await fields('testimony', 3 * 3600_000)), altcha: valid.altcha }],
      ['antiabuse.too_fast', { ...(await fields('testimony', 1000)), altcha: valid.altcha }],
      ['antiabuse.challenge_missing', { ...valid, altcha: '' }],
      ['antiabuse.challenge_invalid', { ...valid, altcha: 'bm90IGpzb24=' }],
    ];
    for (const [code, data] of cases) expect(codeOf(await run(g, { data }, ip())), code).toBe(code);
  });

  it('accepts each solution once, also across instances sharing a store', async () => {
    const shared = new MemoryStore();
    const a = setup(shared);
    const b = setup(shared);
    const data = await a.fields();
    expect((await run(a.guard(), { data: { ...data } }, '192.0.2.1')).next).toHaveBeenCalledOnce();
    expect(codeOf(await run(a.guard(), { data: { ...data } }, '192.0.2.2'))).toBe('antiabuse.challenge_replayed');
    expect(codeOf(await run(b.guard(), { data: { ...data } }, '192.0.2.3'))).toBe('antiabuse.challenge_replayed');
  });

  it('charges the overall limit only after every check passed: junk from many addresses does not close the form', async () => {
    const { guard, fields } = setup();
    const testimony = guard('testimony');
    // 60 junk requests from 20 addresses (3 each, the per-address limit): ten times the overall limit of 6.
    const junk = [{}, { website: 'x' }, { formToken: 'bad', altcha: 'bad' }];
    for (let i = 0; i < 60; i++) {
      expect(codeOf(await run(testimony, { data: junk[i % 3] }, `192.0.2.${Math.floor(i / 3)}`))).toMatch(/^antiabuse\./);
    }
    // Bad proofs of work with a valid token do not count either.
    const { formToken } = await fields();
    for (let i = 0; i < 10; i++) expect(codeOf(await run(testimony, { data: { formToken, altcha: 'bm90IGpzb24=' } }, `198.51.100.${i}`))).toBe('antiabuse.challenge_invalid');

    // A valid submitter still gets through, and so do the next ones up to the overall limit.
    for (let i = 0; i < 6; i++) expect((await run(testimony, { data: await fields() }, `203.0.113.${i}`)).next, `valid ${i}`).toHaveBeenCalledOnce();
    const over = await run(testimony, { data: await fields() }, '203.0.113.100');
    expect(codeOf(over)).toBe('rate_limited');
    expect(over.ctx.status).toBe(429);
    // Each form has its own overall limit.
    expect((await run(guard('contact'), { data: await fields('contact') }, '203.0.113.100')).next).toHaveBeenCalledOnce();
  });

  it('charges nothing to the overall limit for a replayed solution', async () => {
    const { guard, fields } = setup();
    const g = guard();
    const used = await fields();
    expect((await run(g, { data: { ...used } }, '192.0.2.1')).next).toHaveBeenCalledOnce();
    for (let i = 0; i < 20; i++) expect(codeOf(await run(g, { data: { ...used } }, `192.0.2.${10 + i}`))).toBe('antiabuse.challenge_replayed');
    for (let i = 0; i < 5; i++) expect((await run(g, { data: await fields() }, `203.0.113.${i}`)).next).toHaveBeenCalledOnce();
    expect(codeOf(await run(g, { data: await fields() }, '203.0.113.99'))).toBe('rate_limited');
  });

  it('refuses new solutions with 429 when the store cannot remember more, and never forgets a used one', async () => {
    const { guard, fields } = setup(new MemoryStore({ maxMarkers: 2 }), roomyConfig);
    const g = guard();
    const first = await fields();
    expect((await run(g, { data: { ...first } }, '192.0.2.1')).next).toHaveBeenCalledOnce();
    expect((await run(g, { data: await fields() }, '192.0.2.2')).next).toHaveBeenCalledOnce();

    const busy = await run(g, { data: await fields() }, '192.0.2.3');
    expect(busy.next).not.toHaveBeenCalled();
    expect(busy.ctx.status).toBe(429);
    expect(busy.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { errors: [{ field: '_form', code: 'antiabuse.busy' }] } });
    expect(busy.error?.details.errors[0]?.message).toMatch(/riprova tra \d+ minuti/);
    expect(Number(busy.ctx.headers['Retry-After'])).toBeGreaterThan(60);
    // The first solution is still remembered: its replay is refused.
    expect(codeOf(await run(g, { data: { ...first } }, '192.0.2.4'))).toBe('antiabuse.challenge_replayed');
  });

  it.each([
    ['no body', undefined],
    ['a string body', 'data=1'],
    ['an array body', [{ data: {} }]],
    ['data as an array', { data: [] }],
    ['data as a string', { data: 'x' }],
    ['data as null', { data: null }],
    ['a number token', { data: { formToken: 12 } }],
    ['an object token', { data: { formToken: { $ne: null } } }],
    ['a huge token', { data: { formToken: 'x'.repeat(2_000_000) } }],
  ])('answers 400 to %s, never throws', async (_label, body) => {
    const { guard } = setup();
    const { ctx, next } = await run(guard(), body);
    expect(next).not.toHaveBeenCalled();
    expect(ctx.status).toBe(400);
    expect(codeOf({ ctx, next, error: (ctx.body as AntiAbuseErrorBody).error })).toMatch(/^antiabuse\.token_(missing|invalid)$/);
  });

  it.each([[0], [false], ['x'], [{}], [[]]])('treats website=%j as a filled honeypot', async (website: unknown) => {
    const { guard } = setup();
    expect(codeOf(await run(guard(), { data: { website } }))).toBe('antiabuse.honeypot');
  });

  it.each([
    ['a huge payload', 'A'.repeat(3_000_000)],
    ['an object', { algorithm: 'SHA-256' }],
  ])('answers 400 to an ALTCHA field that is %s', async (_label, altcha) => {
    const { guard, fields } = setup();
    const { formToken } = await fields();
    expect(codeOf(await run(guard(), { data: { formToken, altcha } }))).toBe('antiabuse.challenge_invalid');
  });
});
