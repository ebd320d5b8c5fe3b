import { describe, expect, it } from 'vitest';
import { maskPrivateTokens } from './request-logger';

describe('maskPrivateTokens', () => {
  it('hides the token of the status and withdraw links', () => {
    expect(maskPrivateTokens('/api/testimony-submissions/status/abcDEF123_-x')).toBe('/api/testimony-submissions/status/[token]');
    expect(maskPrivateTokens('/api/testimony-submissions/withdraw/abc?x=1')).toBe('/api/testimony-submissions/withdraw/[token]?x=1');
  });

  it('leaves other URLs alone', () => {
    expect(maskPrivateTokens('/api/articles?filters[slug][$eq]=status')).toBe('/api/articles?filters[slug][$eq]=status');
  });
});
