import { describe, expect, it } from 'vitest';
import { REQUEST_ID_MAX_LENGTH, acceptRequestId, generateRequestId, isValidRequestId } from './request-id';

describe('request ids', () => {
  it('accepts a short id of safe characters as it is (a UUID, nginx\'s hex id)', () => {
    expect(acceptRequestId('3f6c2a5e-8b1d-4c7a-9e0f-123456789abc')).toBe('3f6c2a5e-8b1d-4c7a-9e0f-123456789abc');
    expect(acceptRequestId('a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(acceptRequestId(['proxy.id:1', 'second'])).toBe('proxy.id:1');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(REQUEST_ID_MAX_LENGTH + 1)],
    ['a line break (a forged log line)', 'abc\n{"level":"error"}'],
    ['spaces and quotes', 'id "quoted"'],
    ['non-ASCII', 'richiesta-è'],
  ])('replaces one that is %s with a new UUID', (_name, incoming) => {
    const id = acceptRequestId(incoming);
    expect(id).not.toBe(incoming);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isValidRequestId(id)).toBe(true);
  });

  it('generates a different id each time', () => {
    expect(new Set(Array.from({ length: 100 }, generateRequestId)).size).toBe(100);
  });
});
