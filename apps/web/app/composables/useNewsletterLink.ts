import type { NewsletterLinkPurpose } from '@chiudete/types';

/**
 * The newsletter pages opened from an e-mail's link (`/newsletter/conferma`,
 * `/disiscriviti`, `/i-miei-dati`): the token is in the URL's fragment (never
 * sent to a server by the browser, never in a log), or in `?token=` when a
 * mail client dropped the fragment. Read in the browser only; the calls go
 * through this site's server to the CMS (server/utils/public-forms).
 */
export type NewsletterLinkResult<T>
  = | { ok: true; value: T }
    | { ok: false; message: string };

const UNREACHABLE = 'Non siamo riusciti a raggiungere il server della redazione. Riprova tra qualche minuto.';
const NO_TOKEN = 'Il link non è completo: aprilo di nuovo dall\'e-mail, oppure copialo per intero nella barra degli indirizzi.';

/** The token of the page's address: `#token=…`, else `?token=…`; '' when there is none. */
export function newsletterTokenOf(location: Pick<Location, 'hash' | 'search'>): string {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return (fromHash ?? new URLSearchParams(location.search).get('token') ?? '').trim();
}

/** A message for the reader from a failed call (the CMS's Italian message when it has one). */
function messageOf(cause: unknown): string {
  const error = cause as { status?: number; fieldErrors?: ReadonlyArray<{ message: string }>; message?: string };
  if (typeof error?.status !== 'number' || error.status === 0 || error.status >= 500) return UNREACHABLE;
  return error.fieldErrors?.[0]?.message ?? UNREACHABLE;
}

export function useNewsletterLink(_purpose: NewsletterLinkPurpose) {
  const api = useFormsClient();
  return {
    token: () => newsletterTokenOf(window.location),
    async run<T>(call: (client: FormsClient, token: string) => Promise<T>): Promise<NewsletterLinkResult<T>> {
      const token = newsletterTokenOf(window.location);
      if (!token) return { ok: false, message: NO_TOKEN };
      try {
        return { ok: true, value: await call(await api(), token) };
      } catch (cause) {
        return { ok: false, message: messageOf(cause) };
      }
    },
  };
}
