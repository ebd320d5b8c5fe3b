import { describe, expect, it } from 'vitest';
import { giveWords, type WordlessError } from './wordless';

/** What Nitro's `createError({ statusCode })` holds (h3 is not a dependency of the unit tests). */
const createError = (fields: Partial<WordlessError> & { statusCode: number }): WordlessError => ({ message: '', ...fields });

describe('giveWords', () => {
  it('gives a refusal without words its reason phrase and an Italian message', () => {
    const error = createError({ statusCode: 404 });
    giveWords(error);
    expect(error.statusMessage).toBe('Not Found');
    expect(error.message).toMatch(/non corrisponde a nessuna pagina/);

    const other = createError({ statusCode: 418 });
    giveWords(other);
    expect(other.statusMessage).toBe('I\'m a Teapot');
    expect(other.message).toBe('Richiesta non valida.');
  });

  it('keeps the words an error has, and leaves server errors alone', () => {
    const found = createError({ statusCode: 404, statusMessage: 'Not Found', message: 'Articolo non trovato.' });
    giveWords(found);
    expect(found.message).toBe('Articolo non trovato.');

    const failed = createError({ statusCode: 500 });
    giveWords(failed);
    expect(failed.message).toBe('');
    expect(failed.statusMessage).toBeUndefined();
  });

  it('keeps the address out of the status line (Nuxt\'s 404 put it there, 20 KB of it for a long address)', () => {
    const missing = createError({ statusCode: 404, statusMessage: `Page not found: /anteprima/esci?ritorno=${'%25'.repeat(4_000)}`, message: 'Page not found: /anteprima/esci' });
    giveWords(missing);
    expect(missing.statusMessage).toBe('Not Found');
    expect(missing.message).toBe('Page not found: /anteprima/esci');
    const short = createError({ statusCode: 404, statusMessage: 'Page not found: /x' });
    giveWords(short);
    expect(short.statusMessage).toBe('Not Found');
    const failed = createError({ statusCode: 502, statusMessage: 'fetch failed: http://10.0.0.5:1337/api/articles' });
    giveWords(failed);
    expect(failed.statusMessage).toBe('Bad Gateway');
  });
});
