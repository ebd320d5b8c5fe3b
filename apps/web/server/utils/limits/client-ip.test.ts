import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressResolver, clientKey } from './client-ip';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientAddressResolver', () => {
  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(clientAddressResolver([])(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    expect(clientAddressResolver(['loopback'])(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('takes the first untrusted address when the request came through trusted proxies', () => {
    expect(clientAddressResolver(['loopback'])(request('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    // A client cannot pick its bucket by sending its own X-Forwarded-For through the proxy.
    expect(clientAddressResolver(['loopback'])(request('127.0.0.1', '10.0.0.1, 198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddressResolver(['loopback', '10.0.0.0/8'])(request('127.0.0.1', '198.51.100.7, 10.1.2.3'))).toBe('198.51.100.7');
  });
});

describe('clientKey', () => {
  it('counts IPv6 clients per /64 and IPv4-mapped ones as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
  });
});
