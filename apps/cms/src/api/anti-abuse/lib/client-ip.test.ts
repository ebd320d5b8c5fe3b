import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientIp, hashIp, ipSubject, normalizeIp } from './client-ip';

describe('client address', () => {
  it('reads Koa\'s ctx.request.ip (never a header) and normalizes it', () => {
    expect(clientIp({ request: { ip: '203.0.113.7' } })).toBe('203.0.113.7');
    expect(clientIp({ request: { ip: '::ffff:203.0.113.7' } })).toBe('203.0.113.7');
    expect(clientIp({ request: { ip: '' } })).toBe('');
    expect(normalizeIp('FE80::1%eth0')).toBe('fe80::1');
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:198.51.100.1', '198.51.100.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['', 'invalid'],
    ['not-an-ip', 'invalid'],
    ['1.2.3.4, 5.6.7.8', 'invalid'],
  ])('counts %j as %j', (ip, subject) => {
    expect(ipSubject(ip)).toBe(subject);
  });

  it('hashes with a salt: stable, per /64 for IPv6, different with another salt, never the raw address', () => {
    const salt = randomBytes(32);
    const hash = hashIp(salt, '203.0.113.7');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIp(salt, '::ffff:203.0.113.7')).toBe(hash);
    expect(hashIp(salt, '203.0.113.8')).not.toBe(hash);
    expect(hashIp(randomBytes(32), '203.0.113.7')).not.toBe(hash);
    expect(hashIp(salt, '2001:db8:1:2::1')).toBe(hashIp(salt, '2001:db8:1:2:aaaa:bbbb:cccc:dddd'));
    expect(hashIp(salt, '2001:db8:1:3::1')).not.toBe(hashIp(salt, '2001:db8:1:2::1'));
  });
});
