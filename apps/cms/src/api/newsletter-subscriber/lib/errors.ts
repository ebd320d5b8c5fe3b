import type { NewsletterLinkPurpose } from '@chiudete/types';

/**
 * A link of a newsletter e-mail that cannot be used: a 4xx with a code and
 * an Italian message for the reader (the site shows it), in Strapi's error
 * envelope (controllers/subscription.ts).
 */
export class NewsletterLinkError extends Error {
  constructor(readonly status: 404 | 410, readonly code: string, message: string) {
    super(message);
    this.name = 'NewsletterLinkError';
  }

  static invalid(): NewsletterLinkError {
    return new NewsletterLinkError(404, 'token.invalid', 'Questo link non è valido: aprilo di nuovo dall\'e-mail, copiandolo per intero.');
  }

  static expired(purpose: NewsletterLinkPurpose): NewsletterLinkError {
    return new NewsletterLinkError(410, 'token.expired', purpose === 'confirm'
      ? 'Il link di conferma è scaduto (vale 7 giorni): iscriviti di nuovo dal sito e ti mandiamo un nuovo link.'
      : 'Questo link è scaduto: usa quello di un\'e-mail più recente della newsletter.');
  }

  static gone(): NewsletterLinkError {
    return new NewsletterLinkError(410, 'subscriber.gone', 'Questo indirizzo non è (più) iscritto alla newsletter: i suoi dati sono stati cancellati. Puoi iscriverti di nuovo dal sito.');
  }
}
