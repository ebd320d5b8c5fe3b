import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from './webhook-event';
import {
  WebhookSignatureError,
  assertWebhookSignature,
  parseWebhookEvent,
  signWebhookPayload,
  verifyWebhookSignature,
  type WebhookSignatureFailure,
} from './webhooks';

const secret = 'whsec_test_0123456789abcdef0123456789abcdef';
const now = Date.parse('2026-11-28T10:00:00Z');
const t = Math.floor(now / 1000);
const event: WebhookEvent = {
  id: 'evt_1',
  type: 'content.published',
  createdAt: '2026-11-28T09:59:59.000Z',
  data: { type: 'article', documentId: 'abc', slug: 'il-mio-primo-hater', url: 'https://chiudeteicallcenter.eu/articoli/il-mio-primo-hater', apiUrl: 'https://cms.chiudeteicallcenter.eu/api/articles/abc' },
};
const payload = JSON.stringify(event);

const reasonOf = (run: () => void): WebhookSignatureFailure | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
};

describe('webhook signatures', () => {
  it('signs t.body with HMAC-SHA256, Stripe-style, and verifies it', () => {
    const header = signWebhookPayload({ payload, secret, timestamp: t });
    const expected = createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature({ payload, header, secret, now })).toBe(true);
    expect(verifyWebhookSignature({ payload: Buffer.from(payload), header, secret, now: new Date(now) })).toBe(true);
    expect(parseWebhookEvent({ payload, header, secret, now })).toEqual(event);
  });

  it('refuses another secret, a changed body, a missing or malformed header', () => {
    const header = signWebhookPayload({ payload, secret, timestamp: t });
    expect(reasonOf(() => assertWebhookSignature({ payload, header, secret: 'whsec_other', now }))).toBe('signature_mismatch');
    expect(reasonOf(() => assertWebhookSignature({ payload: payload.replace('abc', 'abd'), header, secret, now }))).toBe('signature_mismatch');
    expect(reasonOf(() => assertWebhookSignature({ payload: JSON.stringify(JSON.parse(payload), null, 2), header, secret, now }))).toBe('signature_mismatch');
    expect(reasonOf(() => assertWebhookSignature({ payload, header: undefined, secret, now }))).toBe('missing_header');
    expect(reasonOf(() => assertWebhookSignature({ payload, header: 'sha256=abc', secret, now }))).toBe('malformed_header');
    expect(reasonOf(() => assertWebhookSignature({ payload, header: `t=${t}`, secret, now }))).toBe('malformed_header');
    expect(verifyWebhookSignature({ payload, header, secret: 'whsec_other', now })).toBe(false);
  });

  it('refuses a replay older than the tolerance, and a signature from the future', () => {
    const old = signWebhookPayload({ payload, secret, timestamp: t - 301 });
    expect(reasonOf(() => assertWebhookSignature({ payload, header: old, secret, now }))).toBe('timestamp_outside_tolerance');
    expect(verifyWebhookSignature({ payload, header: old, secret, now, toleranceSeconds: 600 })).toBe(true);
    const future = signWebhookPayload({ payload, secret, timestamp: t + 400 });
    expect(verifyWebhookSignature({ payload, header: future, secret, now })).toBe(false);
    // Within the tolerance: accepted.
    expect(verifyWebhookSignature({ payload, header: signWebhookPayload({ payload, secret, timestamp: t - 299 }), secret, now })).toBe(true);
  });

  it('accepts any of several signatures and secrets (rotation)', () => {
    const good = signWebhookPayload({ payload, secret, timestamp: t });
    const other = signWebhookPayload({ payload, secret: 'whsec_new', timestamp: t }).split(',')[1];
    const header = `${good},${other},v0=ignored`;
    expect(verifyWebhookSignature({ payload, header, secret, now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header, secret: ['whsec_new'], now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header: signWebhookPayload({ payload, secret: 'whsec_old', timestamp: t }), secret: ['whsec_new', 'whsec_old'], now })).toBe(true);
    // A header Node joined from two lines.
    expect(verifyWebhookSignature({ payload, header: [good], secret, now })).toBe(true);
  });

  it('refuses a signed body that is not an event', () => {
    const body = '{"hello":"world"}';
    const header = signWebhookPayload({ payload: body, secret, timestamp: t });
    expect(verifyWebhookSignature({ payload: body, header, secret, now })).toBe(true);
    expect(reasonOf(() => parseWebhookEvent({ payload: body, header, secret, now }))).toBe('invalid_payload');
  });

  it('parses the test ping, and refuses a ping or content event missing its data', () => {
    const ping: WebhookEvent = { id: 'evt_ping', type: 'webhook.ping', createdAt: '2026-11-28T09:59:59.000Z', data: { webhook: 'Associazione Esempio' } };
    const parse = (body: unknown) => {
      const text = JSON.stringify(body);
      return () => parseWebhookEvent({ payload: text, header: signWebhookPayload({ payload: text, secret, timestamp: t }), secret, now });
    };
    expect(parse(ping)()).toEqual(ping);
    expect(reasonOf(parse({ ...ping, data: {} }))).toBe('invalid_payload');
    expect(reasonOf(parse({ ...ping, type: 'webhook.pong' }))).toBe('unknown_event_type');
    expect(reasonOf(parse({ ...event, type: 'content.archived' }))).toBe('unknown_event_type');
    expect(reasonOf(parse({ ...event, data: { webhook: 'x' } }))).toBe('invalid_payload');
    expect(reasonOf(parse({ ...event, data: null }))).toBe('invalid_payload');
  });

  it('throws (not false) on an empty secret: a configuration error', () => {
    const header = signWebhookPayload({ payload, secret, timestamp: t });
    expect(() => verifyWebhookSignature({ payload, header, secret: '', now })).toThrow(/secret is empty/);
  });

  it('answers false, never throws, for any header: missing, empty, garbled, not text', () => {
    const header = signWebhookPayload({ payload, secret, timestamp: t });
    for (const bad of [undefined, null, '', ' \t', [], [''], 'garbage', ',,=,==', 't', 'v1', 't=,v1=', `t=${t}`, header.split(',')[1], `t=${t}x,${header.split(',')[1]}`, `t=${'9'.repeat(300)},${header.split(',')[1]}`, header.slice(0, -1), header.replace(',', ';')]) {
      expect(verifyWebhookSignature({ payload, header: bad as string, secret, now }), String(bad)).toBe(false);
    }
    // From JavaScript: not a string at all.
    for (const bad of [42, {}, [42], true]) expect(verifyWebhookSignature({ payload, header: bad as unknown as string, secret, now })).toBe(false);
    fc.assert(fc.property(
      fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 80 }), { maxLength: 3 }), fc.array(fc.constantFrom('t=', 'v1=', `${t}`, header.slice(header.indexOf('v1=') + 3), ',', ' ', '='), { maxLength: 10 }).map((parts) => parts.join(''))),
      (garbled) => {
        expect(typeof verifyWebhookSignature({ payload, header: garbled, secret, now })).toBe('boolean');
      },
    ), { numRuns: 1000 });
  });

  it('accepts a matching v1 wherever it is among several, with spaces around parts', () => {
    const good = signWebhookPayload({ payload, secret, timestamp: t }).split(',')[1];
    const bad = signWebhookPayload({ payload, secret: 'whsec_other', timestamp: t }).split(',')[1];
    expect(verifyWebhookSignature({ payload, header: `t=${t},${bad},${good}`, secret, now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header: `t=${t},${good},${bad}`, secret, now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header: `t=${t}, ${bad} ,\t${good} `, secret, now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header: `t=${t},${bad},${bad}`, secret, now })).toBe(false);
    // Old and new secret during a rotation: either signature passes, a third does not.
    expect(verifyWebhookSignature({ payload, header: `t=${t},${bad}`, secret: [secret, 'whsec_other'], now })).toBe(true);
    expect(verifyWebhookSignature({ payload, header: `t=${t},${bad}`, secret: [secret, 'whsec_third'], now })).toBe(false);
  });

  it('throws on a tolerance that is not a number of seconds (NaN would accept any age)', () => {
    const header = signWebhookPayload({ payload, secret, timestamp: t - 10_000 });
    expect(() => verifyWebhookSignature({ payload, header, secret, now, toleranceSeconds: Number.NaN })).toThrow(/toleranceSeconds/);
    expect(() => verifyWebhookSignature({ payload, header, secret, now, toleranceSeconds: -1 })).toThrow(/toleranceSeconds/);
  });
});
