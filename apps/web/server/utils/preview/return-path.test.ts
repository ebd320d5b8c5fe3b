import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

const site = 'https://chiudeteicallcenter.eu';

describe('the return path of «Esci dall\'anteprima»', () => {
  it('keeps a page of this site, with its query and fragment', () => {
    expect(safeReturnPath('/articoli/il-mio-primo-hater', site)).toBe('/articoli/il-mio-primo-hater');
    expect(safeReturnPath('/testimonianze?ruolo=cliente&pagina=2#elenco', site)).toBe('/testimonianze?ruolo=cliente&pagina=2#elenco');
    expect(safeReturnPath('/', site)).toBe('/');
    // Re-serialised as the browser would resolve it.
    expect(safeReturnPath('/articoli/../libro', site)).toBe('/libro');
    expect(safeReturnPath('/cerca?q=bolletta%20luce', site)).toBe('/cerca?q=bolletta%20luce');
  });

  // The values as `getQuery` decodes them from `?ritorno=...`.
  it.each([
    ['tab then a host (/%09/evil.example/x)', '/\t/evil.example/x'],
    ['tab then a backslash (/%09%5Cevil.example)', '/\t\\evil.example'],
    ['newline then a host', '/\n/evil.example'],
    ['carriage return then a host', '/\r/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007F/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['a space', '/ /evil.example'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with more slashes', '///evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash later on', '/articoli\\..\\..\\\\evil.example'],
    ['absolute https', 'https://evil.example'],
    ['absolute with this site\'s host as user', 'https://chiudeteicallcenter.eu@evil.example/'],
    ['scheme-relative with credentials', '//chiudeteicallcenter.eu@evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['no leading slash', 'evil.example'],
    ['dot segments to a protocol-relative path', '/a/..//evil.example'],
    ['dot segment then double slash', '/.//evil.example'],
    ['empty', ''],
  ])('refuses %s', (_name, value) => {
    expect(safeReturnPath(value, site)).toBe('/');
  });

  it('keeps escapes escaped: they are a path on this site, never a host', () => {
    expect(safeReturnPath('/%09/evil.example/x', site)).toBe('/%09/evil.example/x');
    expect(safeReturnPath('/%5Cevil.example', site)).toBe('/%5Cevil.example');
    expect(safeReturnPath('/%2F%2Fevil.example', site)).toBe('/%2F%2Fevil.example');
  });

  it('refuses what is not one string, or too long', () => {
    expect(safeReturnPath(undefined, site)).toBe('/');
    expect(safeReturnPath(['/a', '/b'], site)).toBe('/');
    expect(safeReturnPath(`/${'a'.repeat(2_001)}`, site)).toBe('/');
  });
});
