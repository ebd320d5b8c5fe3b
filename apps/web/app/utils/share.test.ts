import { describe, expect, it } from 'vitest';
import { shareLinks } from './share';

const target = { url: 'https://chiudeteicallcenter.eu/articoli/il-mio-primo-hater', title: 'Il mio  primo hater & altri «insulti»' };

describe('shareLinks', () => {
  const links = Object.fromEntries(shareLinks(target).map((link) => [link.network, link]));

  it('offers the six ways, WhatsApp first, with readable names', () => {
    expect(shareLinks(target).map((link) => link.label)).toEqual(['WhatsApp', 'Telegram', 'Facebook', 'X', 'LinkedIn', 'E-mail']);
  });

  it('builds each network\'s public share URL with the page encoded once', () => {
    const encodedUrl = 'https%3A%2F%2Fchiudeteicallcenter.eu%2Farticoli%2Fil-mio-primo-hater';
    expect(links.whatsapp!.href).toBe(`https://wa.me/?text=Il%20mio%20primo%20hater%20%26%20altri%20%C2%ABinsulti%C2%BB%20${encodedUrl}`);
    expect(links.telegram!.href).toBe(`https://t.me/share/url?url=${encodedUrl}&text=Il%20mio%20primo%20hater%20%26%20altri%20%C2%ABinsulti%C2%BB`);
    expect(links.facebook!.href).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`);
    expect(links.x!.href).toContain(`&url=${encodedUrl}`);
    expect(links.linkedin!.href).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`);
  });

  it('writes an e-mail with the title as subject and the link in the body', () => {
    const mail = new URL(links.email!.href);
    expect(mail.protocol).toBe('mailto:');
    expect(links.email!.href).not.toContain('+');
    const params = new URLSearchParams(mail.search);
    expect(params.get('subject')).toBe('Il mio primo hater & altri «insulti»');
    expect(params.get('body')).toBe(`Il mio primo hater & altri «insulti»\n\n${target.url}`);
  });

  it('only ever points to https pages or mailto', () => {
    for (const link of shareLinks(target)) expect(link.href).toMatch(/^(https:\/\/|mailto:)/);
  });
});
