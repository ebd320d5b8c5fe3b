import { describe, expect, it } from 'vitest';
import { isIdempotencyKey } from '@chiudete/types';
import { createFillKey, randomUuid } from './idempotency';

const fill = { title: 'Tre chiamate', story: 'Ho chiamato tre volte.' };

describe('createFillKey', () => {
  it('makes a UUID the CMS accepts, and keeps it across retries of the same fill', () => {
    const key = createFillKey();
    const first = key.forAttempt(fill);
    expect(isIdempotencyKey(first)).toBe(true);
    expect(key.forAttempt({ ...fill })).toBe(first);
    expect(key.forAttempt({ ...fill })).toBe(first);
  });

  it('makes a new key when the reader changed the content, and after a success', () => {
    const key = createFillKey();
    const first = key.forAttempt(fill);
    const edited = key.forAttempt({ ...fill, title: 'Quattro chiamate' });
    expect(edited).not.toBe(first);
    expect(key.forAttempt({ ...fill, title: 'Quattro chiamate' })).toBe(edited);
    key.done();
    const next = key.forAttempt({ ...fill, title: 'Quattro chiamate' });
    expect(next).not.toBe(edited);
    expect(isIdempotencyKey(next)).toBe(true);
  });

  it('gives every form its own keys', () => {
    expect(createFillKey().forAttempt(fill)).not.toBe(createFillKey().forAttempt(fill));
  });
});

describe('randomUuid', () => {
  it('makes v4 UUIDs, also without crypto.randomUUID (pages served over plain http)', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const made = Array.from({ length: 50 }, randomUuid);
      for (const uuid of made) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(made).size).toBe(50);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
    expect(isIdempotencyKey(randomUuid())).toBe(true);
  });
});
