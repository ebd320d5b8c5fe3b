import type { H3Event } from 'h3';
import type { PreviewTokenFailure } from '@chiudete/types/preview';
import { setPreviewHeaders } from './headers';
import { previewRefusalPage, type PreviewRefusal } from './page';

/** Why a preview cannot be shown: a token's failure, or a site without the preview's settings. */
export type RefusalReason = PreviewTokenFailure | 'unconfigured';

const REFUSALS: Record<RefusalReason, PreviewRefusal & { status: number }> = {
  expired: {
    status: 401,
    reason: 'scaduta',
    title: 'Anteprima scaduta',
    message: 'Il collegamento all\'anteprima vale 20 minuti ed è scaduto. Chiudi l\'anteprima e riaprila dal pannello della redazione: ne riceverai uno nuovo.',
  },
  signature: {
    status: 401,
    reason: 'non-valida',
    title: 'Anteprima non autorizzata',
    message: 'Questo collegamento non è valido. L\'anteprima si apre dal pannello della redazione.',
  },
  malformed: {
    status: 401,
    reason: 'non-valida',
    title: 'Anteprima non autorizzata',
    message: 'Questo collegamento non è valido. L\'anteprima si apre dal pannello della redazione.',
  },
  unconfigured: {
    status: 503,
    reason: 'non-configurata',
    title: 'Anteprima non disponibile',
    message: 'L\'anteprima non è configurata su questo sito. Avvisa chi gestisce il sito.',
  },
};

/** Answers a refused preview with the small Italian page saying what happened and what to do (no content), never cached nor indexed. */
export function refusePreview(event: H3Event, reason: RefusalReason): string {
  const refusal = REFUSALS[reason];
  setPreviewHeaders(event);
  setResponseStatus(event, refusal.status);
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8');
  return previewRefusalPage(refusal);
}
