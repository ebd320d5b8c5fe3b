import { SITE_CLIENT_ADDRESS_HEADER } from '@chiudete/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antiAbuseContext } from '../src/api/anti-abuse/lib/context';
import { hashIp } from '../src/api/anti-abuse/lib/client-ip';
import { antiAbuseFields } from './helpers/anti-abuse';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

/**
 * The reader's address relayed by the site's server (issue #16, item 7:
 * src/site-token/client-address.ts). Readers send the forms to the site,
 * which forwards them with the site's token and `X-Site-Client-Address`;
 * the CMS counts its per-reader limits by that address ONLY for the site.
 * Strapi does not trust X-Forwarded-For here (no IS_PROXIED): every request
 * of this suite comes from 127.0.0.1, and only a believed relayed address
 * can make two requests count as two readers.
 */

const CHALLENGES_PER_IP = 3;
const SITE_API_TOKEN = 'site0relay0'.padEnd(64, 'abcdef0123');

let addresses = 0;
/** A fresh reader address (TEST-NET-2). */
const newIp = () => `198.51.100.${++addresses}`;

describe('the reader\'s address relayed by the site', () => {
  let cms: TestStrapi;

  const formToken = (headers: Record<string, string>) => fetch(`${cms.url}/api/form-tokens/contact`, { headers });
  const asSite = (address: string, token = SITE_API_TOKEN) => ({ [SITE_CLIENT_ADDRESS_HEADER]: address, Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', {
      SITE_API_TOKEN,
      FORM_MIN_FILL_SECONDS: '1',
      ALTCHA_MAX_NUMBER: '1000',
      RATE_LIMIT_CHALLENGES_PER_IP: String(CHALLENGES_PER_IP),
      RATE_LIMIT_SUBMISSIONS_PER_IP: '1000',
      RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
    });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('counts each relayed reader on their own when the request carries the site\'s token', async () => {
    const reader = newIp();
    for (let i = 0; i < CHALLENGES_PER_IP; i++) expect((await formToken(asSite(reader))).status).toBe(200);
    const limited = await formToken(asSite(reader));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another reader behind the same site keeps a whole allowance: not one bucket for everybody.
    expect((await formToken(asSite(newIp()))).status).toBe(200);
    // IPv6 readers too (per /64, like direct ones).
    expect((await formToken(asSite('2001:db8:1:2::7'))).status).toBe(200);
  });

  it('ignores a forged address from anyone else: every attempt counts against the real one', async () => {
    // The attacker invents a new address each time, without a token, then with a token that is not the site's.
    for (let i = 0; i < CHALLENGES_PER_IP; i++) {
      expect((await formToken({ [SITE_CLIENT_ADDRESS_HEADER]: newIp() })).status).toBe(200);
    }
    expect((await formToken({ [SITE_CLIENT_ADDRESS_HEADER]: newIp() })).status).toBe(429);
    expect((await formToken(asSite(newIp(), 'not-the-site-token-'.padEnd(64, 'x')))).status).toBe(429);
    expect((await formToken(asSite(newIp(), `${SITE_API_TOKEN}0`))).status).toBe(429);
    expect((await formToken({ [SITE_CLIENT_ADDRESS_HEADER]: newIp(), Authorization: SITE_API_TOKEN })).status).toBe(429);
    // Even the site's token with something that is not one address falls back to the socket's (spent) allowance.
    expect((await formToken(asSite('198.51.100.250, 198.51.100.251'))).status).toBe(429);
    expect((await formToken(asSite('not-an-address'))).status).toBe(429);
    // The relayed readers are unaffected by the attacker's spent allowance.
    expect((await formToken(asSite(newIp()))).status).toBe(200);
  });

  it('stores the relayed reader\'s address hash with a message sent through the site', async () => {
    const reader = newIp();
    const headers = asSite(reader);
    const fields = await antiAbuseFields(cms.url, 'contact', headers);
    const res = await fetch(`${cms.url}/api/contact-messages`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { name: 'Marta', email: 'marta@example.org', topic: 'libro', message: 'Il libro esiste anche in formato e-book? Grazie mille.', privacyAccepted: true, ...fields } }),
    });
    expect(res.status).toBe(202);
    const { id } = ((await res.json()) as { data: { id: string } }).data;
    const row = (await cms.strapi.db.query('api::contact-message.contact-message').findOne({ where: { documentId: id } })) as { ipHash: string };
    const { config } = antiAbuseContext(cms.strapi);
    expect(row.ipHash).toBe(hashIp(config.ipHashKey, reader));
    expect(row.ipHash).not.toBe(hashIp(config.ipHashKey, '127.0.0.1'));
  });

  it('lets no browser origin post to the CMS any more (the forms go through the site), and any origin read', async () => {
    const preflight = await fetch(`${cms.url}/api/contact-messages`, {
      method: 'OPTIONS',
      headers: { 'origin': 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${cms.url}/api/articles`, { headers: { origin: 'https://partner.example.org' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
  });
});
