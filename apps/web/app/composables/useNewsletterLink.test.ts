import { describe, expect, it } from 'vitest';
import { newsletterTokenOf } from './useNewsletterLink';

describe('newsletterTokenOf', () => {
  it('reads the token from the fragment, else from the query', () => {
    expect(newsletterTokenOf({ hash: '#token=confirm.abc.123.sig', search: '' })).toBe('confirm.abc.123.sig');
    expect(newsletterTokenOf({ hash: '', search: '?token=manage.abc.1.s' })).toBe('manage.abc.1.s');
    expect(newsletterTokenOf({ hash: '#token=a', search: '?token=b' })).toBe('a');
    expect(newsletterTokenOf({ hash: '', search: '' })).toBe('');
  });
});
