import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress, webhookUrlProblem } from './url-policy';

const production = { allowLocalUrls: false };
const development = { allowLocalUrls: true };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '198.18.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'not an ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('webhookUrlProblem', () => {
  it('accepts a public https URL', () => {
    expect(webhookUrlProblem('https://partner.example.org/webhooks/chiudete?x=1', production)).toBeNull();
    expect(webhookUrlProblem('https://93.184.215.14:8443/hook', production)).toBeNull();
  });

  it('refuses http, user info, fragments and non-URLs in production, in Italian', () => {
    expect(webhookUrlProblem('http://partner.example.org/hook', production)).toMatch(/https:\/\//);
    expect(webhookUrlProblem('https://user:pw@partner.example.org/hook', production)).toMatch(/nome utente o password/);
    expect(webhookUrlProblem('https://partner.example.org/hook#x', production)).toMatch(/frammento/);
    expect(webhookUrlProblem('partner.example.org/hook', production)).toMatch(/non è un indirizzo web/);
    expect(webhookUrlProblem('ftp://partner.example.org/hook', development)).toMatch(/https:\/\//);
  });

  it.each([
    'https://localhost/hook', 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.5/hook', 'https://cms/hook', 'https://printer.local/hook', 'https://metadata.google.internal/',
  ])('refuses the local address %s in production', (url) => {
    expect(webhookUrlProblem(url, production)).toMatch(/locale o privato/);
  });

  it('allows http and local addresses in development and tests', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', development)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook', development)).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  it('refuses a name that resolves to a private address in production', async () => {
    // `localhost.` with a trailing dot passes the name check but resolves to loopback.
    expect(await checkWebhookUrl('https://localhost./hook', production)).toMatch(/locale o privato|indirizzo privato/);
    expect(await checkWebhookUrl('https://does-not-exist.invalid/hook', production)).toMatch(/non esiste|locale o privato/);
    expect(await checkWebhookUrl('http://localhost:4000/hook', development)).toBeNull();
  });
});
