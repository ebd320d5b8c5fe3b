import { describe, expect, it } from 'vitest';
import { classifyLink } from './links';

const site = 'https://chiudeteicallcenter.eu';

describe('classifyLink', () => {
  it('accepts http(s) links to other sites as external', () => {
    expect(classifyLink('https://www.agcom.it/consumatori', site)).toEqual({ kind: 'external', href: 'https://www.agcom.it/consumatori' });
    expect(classifyLink('http://example.org', site)).toEqual({ kind: 'external', href: 'http://example.org/' });
  });

  it('accepts mailto links', () => {
    expect(classifyLink('mailto:redazione@chiudeteicallcenter.eu', site)).toEqual({ kind: 'mailto', href: 'mailto:redazione@chiudeteicallcenter.eu' });
  });

  it('treats links to this site and root-relative paths as internal', () => {
    expect(classifyLink('https://chiudeteicallcenter.eu/articoli/x?a=1#b', site)).toEqual({ kind: 'internal', path: '/articoli/x?a=1#b' });
    expect(classifyLink('/libro', site)).toEqual({ kind: 'internal', path: '/libro' });
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/path',
    '/\\evil.example',
    'articoli/relativo',
    '',
  ])('refuses %j', (url) => {
    expect(classifyLink(url, site)).toEqual({ kind: 'unsafe' });
  });
});
