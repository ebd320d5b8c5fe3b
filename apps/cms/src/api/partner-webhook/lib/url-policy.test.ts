import type * as Dns from 'node:dns/promises';
import { describe, expect, it, vi } from 'vitest';
import { checkWebhookUrl, isPublicAddress, webhookUrlProblem } from './url-policy';

/** Names of a fake zone, each with several addresses, one of them special; any other name resolves for real. */
const FAKE_ZONE = vi.hoisted((): Record<string, Array<{ address: string; family: 4 | 6 }>> => ({
  'mixed-v4.partner.example': [{ address: '93.184.215.14', family: 4 }, { address: '10.1.2.3', family: 4 }],
  'mixed-v6.partner.example': [{ address: '93.184.215.14', family: 4 }, { address: '2606:4700:4700::1111', family: 6 }, { address: '::7f00:1', family: 6 }],
  'nat64.partner.example': [{ address: '64:ff9b::a9fe:a9fe', family: 6 }],
  'public.partner.example': [{ address: '93.184.215.14', family: 4 }, { address: '2606:4700:4700::1111', family: 6 }],
}));

vi.mock('node:dns/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof Dns>();
  const lookup = (async (hostname: string, options: unknown) => FAKE_ZONE[hostname] ?? actual.lookup(hostname, options as { all: true })) as unknown as typeof actual.lookup;
  return { ...actual, lookup, default: { ...actual, lookup } };
});

const production = { allowLocalUrls: false };
const development = { allowLocalUrls: true };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '198.18.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'not an ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4002:80a::200e'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  // Every IPv6 form that embeds or leads to an IPv4 address (issue #11, defect 8), and other special ranges.
  it.each([
    // ::/96, IPv4-compatible (deprecated): ::127.0.0.1, ::10.0.0.1, and a public IPv4 too (never a real webhook target)
    '::7f00:1', '::127.0.0.1', '0:0:0:0:0:0:7f00:1', '::a00:1', '::5db8:d70e',
    // ::ffff:0:0/96, IPv4-mapped, written other ways
    '::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:1', '::FFFF:127.0.0.1', '0000:0000:0000:0000:0000:ffff:a9fe:a9fe', '::ffff:93.184.215.14',
    // ::ffff:0:0:0/96 (RFC 6145, IPv4-translated)
    '::ffff:0:7f00:1', '::ffff:0:127.0.0.1',
    // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64)
    '64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a00:1',
    // 2002::/16 (6to4: 2002:7f00:1:: is 127.0.0.1)
    '2002:7f00:1::', '2002:a00:1::1', '2002::1',
    // 2001::/32 (Teredo)
    '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    // others: documentation, discard, site-local, ORCHIDv2, unique local, multicast
    '2001:db8::1', '100::1', 'fec0::1', '2001:20::1', 'fc00::1', 'ff02::1',
    // IPv4: shared, documentation, benchmarking, reserved, broadcast
    '100.127.255.254', '192.0.0.1', '192.0.2.1', '198.51.100.1', '203.0.113.1', '198.19.0.1', '240.0.0.1',
  ])('refuses the special address %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
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
    // The URL forms of the embedded-IPv4 ranges, and IPv4 written as numbers (the URL parser normalises both).
    'https://[::7f00:1]/hook', 'https://[::127.0.0.1]/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://[0:0:0:0:0:ffff:7f00:1]/hook',
    'https://[::ffff:0:7f00:1]/hook', 'https://[64:ff9b::127.0.0.1]/hook', 'https://[2002:7f00:1::]/hook', 'https://[2001::1]/hook',
    'https://2130706433/hook', 'https://0x7f.1/hook', 'https://127.1/hook', 'https://[::ffff:a9fe:a9fe]/latest/meta-data',
  ])('refuses the local address %s in production', (url) => {
    expect(webhookUrlProblem(url, production)).toMatch(/locale o privato/);
  });

  it('allows http and local addresses in development and tests', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', development)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook', development)).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  it('resolves the name and checks every address it resolves to', async () => {
    expect(await checkWebhookUrl('https://public.partner.example/hook', production)).toBeNull();
    expect(await checkWebhookUrl('https://mixed-v4.partner.example/hook', production)).toMatch(/porta a 10\.1\.2\.3/);
    expect(await checkWebhookUrl('https://mixed-v6.partner.example/hook', production)).toMatch(/porta a ::7f00:1/);
    expect(await checkWebhookUrl('https://nat64.partner.example/hook', production)).toMatch(/porta a 64:ff9b::a9fe:a9fe/);
  });

  it('refuses a name that resolves to a private address in production', async () => {
    // `localhost.` with a trailing dot passes the name check but resolves to loopback.
    expect(await checkWebhookUrl('https://localhost./hook', production)).toMatch(/locale o privato|indirizzo privato/);
    expect(await checkWebhookUrl('https://does-not-exist.invalid/hook', production)).toMatch(/non esiste|locale o privato/);
    expect(await checkWebhookUrl('http://localhost:4000/hook', development)).toBeNull();
  });
});
