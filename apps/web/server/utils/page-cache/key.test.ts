import { describe, expect, it } from 'vitest';
import { normalizePath, pageKey, pathOfKey } from './key';

describe('page cache keys', () => {
  it('groups every variant of a path under it, and tells them apart', () => {
    const plain = pageKey('/articoli', '');
    const page2 = pageKey('/articoli', '?pagina=2');
    const slash = pageKey('/articoli/', '');
    expect(new Set([plain, page2, slash]).size).toBe(3);
    for (const key of [plain, page2, slash]) expect(pathOfKey(key)).toBe('/articoli');
    expect(pathOfKey(pageKey('/', ''))).toBe('/');
  });

  it('holds no storage separators and survives unusual paths', () => {
    const key = pageKey('/risposte/a:b/c.d', '?x=1');
    expect(key.split(':')).toHaveLength(3);
    expect(key).not.toContain('/');
    expect(key).not.toContain('?');
    expect(pathOfKey(key)).toBe('/risposte/a:b/c.d');
    expect(pathOfKey(pageKey('/caf%c3%a8', ''))).toBe('/caf%C3%A8');
  });

  it('normalises paths', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('//articoli//x/')).toBe('/articoli/x');
    expect(pathOfKey('purge:last')).toBeNull();
    expect(pathOfKey('page:%E0%A4%A:x')).toBeNull();
  });
});
