/**
 * Share links as plain URLs of each network's public share page: no
 * third-party script, button or pixel on the site, so nothing reaches a
 * network until the reader chooses one and follows the link.
 */
export type ShareNetwork = 'whatsapp' | 'telegram' | 'facebook' | 'x' | 'linkedin' | 'email';

export interface ShareLink {
  network: ShareNetwork;
  /** The network's name as readers know it. */
  label: string;
  href: string;
}

export interface ShareTarget {
  /** Absolute URL of the page (its canonical URL). */
  url: string;
  title: string;
}

const enc = encodeURIComponent;

/** The share links of a page, in the order they are shown (WhatsApp first: most readers are on phones). */
export function shareLinks({ url, title }: ShareTarget): ShareLink[] {
  const text = title.replace(/\s+/g, ' ').trim();
  return [
    { network: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${enc(`${text} ${url}`)}` },
    { network: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${enc(url)}&text=${enc(text)}` },
    { network: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}` },
    { network: 'x', label: 'X', href: `https://x.com/intent/post?text=${enc(text)}&url=${enc(url)}` },
    { network: 'linkedin', label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}` },
    // mailto: spaces must be %20 (not +), which encodeURIComponent gives.
    { network: 'email', label: 'E-mail', href: `mailto:?subject=${enc(text)}&body=${enc(`${text}\n\n${url}`)}` },
  ];
}
