/**
 * What the site's preview pages tell the admin's preview pane through
 * `postMessage` (apps/web/public/anteprima-segnale.js: keep both in step):
 * `pronta` when a page of the preview loaded, `rifiutata` (with a reason)
 * when the site refused the preview's link. No signal after the frame
 * loaded means the site could not be shown there (it refused to be framed,
 * or did not answer).
 */
export const FRAME_SIGNAL_TYPE = 'chiudete:anteprima';

export interface FrameSignal {
  stato: 'pronta' | 'rifiutata';
  /** `scaduta`, `non-valida`, `non-configurata` (apps/web/server/utils/preview/refusal.ts). */
  motivo?: string;
}

/** What the pane shows instead of the frame, when the preview cannot be seen there. */
export type PreviewProblem = 'unreachable' | 'expired' | 'refused';

/** The signal in a message's data, or null for any other message (Strapi's own, an extension's). */
export function parseFrameSignal(data: unknown): FrameSignal | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, stato, motivo } = data as Record<string, unknown>;
  if (type !== FRAME_SIGNAL_TYPE || (stato !== 'pronta' && stato !== 'rifiutata')) return null;
  return typeof motivo === 'string' ? { stato, motivo } : { stato };
}

/** The problem a signal reports: none for `pronta`. */
export const problemOf = (signal: FrameSignal): PreviewProblem | null =>
  signal.stato === 'pronta' ? null : signal.motivo === 'scaduta' ? 'expired' : 'refused';

/** The Italian words of each problem. */
export const PROBLEM_TEXT: Record<PreviewProblem, { title: string; text: string }> = {
  unreachable: {
    title: 'L\'anteprima non si vede in questo riquadro',
    text: 'Il sito non ha risposto, oppure non si lascia mostrare dentro il pannello (succede quando il pannello e il sito sono aperti con indirizzi diversi da quelli configurati). In una nuova scheda l\'anteprima funziona lo stesso.',
  },
  expired: {
    title: 'Anteprima scaduta',
    text: 'Il collegamento dell\'anteprima vale 20 minuti ed è scaduto. Aprila in una nuova scheda: il pannello ne prepara uno nuovo.',
  },
  refused: {
    title: 'Anteprima non disponibile',
    text: 'Il sito non ha accettato il collegamento dell\'anteprima. Prova ad aprirla in una nuova scheda; se non si apre, avvisa chi gestisce il sito.',
  },
};

export const OPEN_IN_NEW_TAB = 'Apri in una nuova scheda';
