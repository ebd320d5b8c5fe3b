import { describe, expect, it } from 'vitest';
import { isTokenChange } from './changes';

describe('API token changes', () => {
  it('counts creations, deletions and real updates, not the hourly lastUsedAt stamp nor before* events', () => {
    expect(isTokenChange({ action: 'afterCreate', params: { data: { name: 'x' } } })).toBe(true);
    expect(isTokenChange({ action: 'afterDelete', params: {} })).toBe(true);
    expect(isTokenChange({ action: 'afterDeleteMany' })).toBe(true);
    expect(isTokenChange({ action: 'afterUpdate', params: { data: { accessKey: 'h', encryptedKey: 'e' } } })).toBe(true);
    expect(isTokenChange({ action: 'afterUpdate', params: { data: { type: 'custom', updatedAt: new Date() } } })).toBe(true);
    expect(isTokenChange({ action: 'afterUpdate', params: { data: { lastUsedAt: new Date() } } })).toBe(false);
    expect(isTokenChange({ action: 'afterUpdate', params: { data: { lastUsedAt: new Date(), updatedAt: new Date() } } })).toBe(false);
    expect(isTokenChange({ action: 'beforeDelete', params: {} })).toBe(false);
  });
});
