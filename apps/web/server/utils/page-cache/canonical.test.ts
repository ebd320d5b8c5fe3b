import { describe, expect, it } from 'vitest';
import { canonicalPath, canonicalRequest, isTrackingParameter } from './canonical';

describe('canonicalPath', () => {
  it.each([
    ['/', '/'],
    ['/articoli/', '/articoli'],
    ['//articoli//il-caso/', '/articoli/il-caso'],
    ['/ARTICOLI', '/articoli'],
    ['/Testimonianze/INVIA', '/testimonianze/invia'],
    ['/articoli/%69l-caso', '/articoli/il-caso'],
    ['/%41rticoli', '/articoli'],
    ['/articoli/./il-caso', '/articoli/il-caso'],
    ['/articoli/x/../il-caso', '/articoli/il-caso'],
    ['/../../articoli', '/articoli'],
    ['/cerca%2fx', '/cerca%2Fx'],
    ['/CERCA%2Fx', '/cerca%2Fx'],
  ])('%s → %s', (raw, canonical) => {
    expect(canonicalPath(raw)).toBe(canonical);
  });

  it('keeps the case of a slug (a differently cased slug is another page)', () => {
    expect(canonicalPath('/ARTICOLI/Il-Caso')).toBe('/articoli/Il-Caso');
    expect(canonicalPath('/autori/Candy-Larsson/')).toBe('/autori/Candy-Larsson');
  });

  it.each(['articoli', 'http://evil.example/', '/a b', '/articoli/%zz', '/articoli/%', '/x\u00e8', '/a\\b', '/a\tb'])('refuses %j', (raw) => {
    expect(canonicalPath(raw)).toBeNull();
  });
});

describe('isTrackingParameter', () => {
  it.each(['utm_source', 'UTM_Campaign', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', '_ga', 'igshid', 'msclkid'])('%s is tracking', (name) => {
    expect(isTrackingParameter(name)).toBe(true);
  });

  it.each(['pagina', 'ruolo', 'settore', 'q', 'x', 'utm'])('%s is not', (name) => {
    expect(isTrackingParameter(name)).toBe(false);
  });
});

describe('canonicalRequest', () => {
  it('leaves a canonical URL as it is', () => {
    expect(canonicalRequest('/testimonianze?ruolo=cliente&settore=luce&pagina=2')).toEqual({
      kind: 'canonical',
      path: '/testimonianze',
      url: '/testimonianze?ruolo=cliente&settore=luce&pagina=2',
    });
    expect(canonicalRequest('/')).toEqual({ kind: 'canonical', path: '/', url: '/' });
  });

  it('drops tracking parameters from the key without a redirect', () => {
    expect(canonicalRequest('/articoli/il-caso?utm_source=facebook&fbclid=IwAR0abc')).toEqual({ kind: 'canonical', path: '/articoli/il-caso', url: '/articoli/il-caso' });
    expect(canonicalRequest('/articoli?pagina=2&utm_medium=social')).toEqual({ kind: 'canonical', path: '/articoli', url: '/articoli?pagina=2' });
  });

  it.each([
    ['/articoli/il-caso?x=1', '/articoli/il-caso'],
    ['/articoli/il-caso?x=1&utm_source=a', '/articoli/il-caso'],
    ['/articoli?pagina=1', '/articoli'],
    ['/articoli?pagina=abc', '/articoli'],
    ['/testimonianze?pagina=2&settore=luce&ruolo=cliente', '/testimonianze?ruolo=cliente&settore=luce&pagina=2'],
    ['/testimonianze?ruolo=cliente&ruolo=operatore', '/testimonianze?ruolo=cliente'],
    ['/testimonianze?ruolo=admin', '/testimonianze'],
    ['/ARTICOLI/', '/articoli'],
    ['/articoli/%69l-caso?utm_source=x', '/articoli/il-caso'],
  ])('%s → 301 %s', (target, location) => {
    expect(canonicalRequest(target)).toEqual({ kind: 'redirect', location });
  });

  it('reads parameters named like Object.prototype\'s properties as parameters (they used to fail the request with a 500)', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(canonicalRequest(`/articoli?${name}=x&pagina=2`)).toEqual({ kind: 'redirect', location: '/articoli?pagina=2' });
      expect(canonicalRequest(`/testimonianze?${name}=x&${name}=y`)).toEqual({ kind: 'redirect', location: '/testimonianze' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an address no page can have', () => {
    expect(canonicalRequest('/articoli/%zz?x=1').kind).toBe('invalid');
  });
});
