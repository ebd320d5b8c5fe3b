import { describe, expect, it } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { compressBody, isInternalPath, pickEncoding } from './response-compression';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('deflate')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });

  it('respects an encoding refused with q=0', () => {
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('gzip;q=0')).toBe('identity');
  });

  it('compresses a body that decompresses to the same text', () => {
    const page = '<!DOCTYPE html><html lang="it"><body>'.concat('Chiudete i call center in outsourcing. '.repeat(100), '</body></html>');
    expect(brotliDecompressSync(compressBody(page, 'br')).toString()).toBe(page);
    expect(gunzipSync(compressBody(page, 'gzip')).toString()).toBe(page);
    expect(compressBody(page, 'br').length).toBeLessThan(page.length / 5);
  });

  it('leaves the server\'s requests to itself alone', () => {
    expect(isInternalPath('/__nuxt_error?statusCode=404')).toBe(true);
    expect(isInternalPath('/api/revalidate')).toBe(true);
    expect(isInternalPath('/articoli/un-articolo')).toBe(false);
    expect(isInternalPath('/feed.xml')).toBe(false);
  });
});
