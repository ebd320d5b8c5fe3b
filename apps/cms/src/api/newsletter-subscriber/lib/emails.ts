import { NEWSLETTER_LIMITS } from '@chiudete/types';
import { escapeHtml } from '../../../public-forms';
import type { SubscriberLinks } from './links';

/**
 * The e-mails of the subscription itself (the issues are the sending side's):
 * Italian, plain text and a simple HTML part with the same words, no images,
 * no tracking, links as they are.
 */

export interface NewsletterEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const SIGNATURE = 'Chiudete i Call Center (redazione@chiudeteicallcenter.eu)';

/** A short HTML version of paragraphs: each one escaped; a paragraph that is a link becomes a button-like link. */
function html(paragraphs: Array<string | { href: string; label: string }>): string {
  const body = paragraphs
    .map((p) => (typeof p === 'string'
      ? `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`
      : `<p style="margin:0 0 16px"><a href="${escapeHtml(p.href)}" style="color:#0b4f8a;font-weight:bold">${escapeHtml(p.label)}</a></p>`))
    .join('\n');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>`
    + `<body style="margin:0;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px">${body}</body></html>`;
}

const text = (paragraphs: Array<string | { href: string; label: string }>): string =>
  paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.href}`)).join('\n\n');

function compose(to: string, subject: string, paragraphs: Array<string | { href: string; label: string }>): NewsletterEmail {
  return { to, subject, text: text(paragraphs), html: html(paragraphs) };
}

/** The double opt-in: the link that confirms, valid for 7 days. */
export function confirmationEmail(to: string, confirmUrl: string, links: SubscriberLinks): NewsletterEmail {
  return compose(to, 'Conferma l\'iscrizione alla newsletter di Chiudete i Call Center', [
    'Ciao,',
    'qualcuno (speriamo tu) ha chiesto di iscrivere questo indirizzo alla newsletter di Chiudete i Call Center. Per ricevere la newsletter conferma con il link qui sotto:',
    { href: confirmUrl, label: 'Confermo l\'iscrizione' },
    `Il link vale ${NEWSLETTER_LIMITS.confirmDays} giorni. Se non confermi, non ti mandiamo nulla e l'indirizzo viene cancellato entro ${NEWSLETTER_LIMITS.confirmDays} giorni.`,
    'Non sei stato tu? Ignora questa e-mail, oppure cancella subito l\'indirizzo:',
    { href: links.unsubscribe, label: 'Cancella il mio indirizzo' },
    SIGNATURE,
  ]);
}

/** After the confirmation: welcome, and the reader's own links. */
export function welcomeEmail(to: string, links: SubscriberLinks): NewsletterEmail {
  return compose(to, 'Iscrizione confermata: benvenuto nella newsletter di Chiudete i Call Center', [
    'Ciao,',
    'la tua iscrizione è confermata: riceverai la newsletter con gli argomenti che hai scelto. Niente pubblicità, niente tracciamento.',
    'Ogni e-mail ha in fondo il link per disiscriverti con un clic: l\'indirizzo viene cancellato subito.',
    { href: links.unsubscribe, label: 'Disiscrivimi' },
    'Vuoi sapere quali dati abbiamo su di te? Eccoli, con lo stesso link privato:',
    { href: links.manage, label: 'I miei dati' },
    SIGNATURE,
  ]);
}

/**
 * To an address that subscribes again while already confirmed: the form
 * answered the same as for a new address (no one learns who is subscribed);
 * the owner learns it here.
 */
export function alreadySubscribedEmail(to: string, links: SubscriberLinks): NewsletterEmail {
  return compose(to, 'Sei già iscritto alla newsletter di Chiudete i Call Center', [
    'Ciao,',
    'qualcuno (forse tu) ha chiesto di nuovo di iscrivere questo indirizzo alla newsletter, ma sei già iscritto: non cambia nulla.',
    'Se vuoi smettere di ricevere la newsletter:',
    { href: links.unsubscribe, label: 'Disiscrivimi' },
    'I dati che abbiamo su di te:',
    { href: links.manage, label: 'I miei dati' },
    SIGNATURE,
  ]);
}
