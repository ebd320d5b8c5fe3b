import { PREVIEW_FRAME_SIGNAL_TYPE, PREVIEW_FRAME_STATES, type PreviewFrameState, type PreviewRefusalReason } from '@chiudete/types';

/**
 * What the site's preview pages tell the admin's preview pane through
 * `postMessage` (the contract and the site's script: @chiudete/types,
 * preview-types.ts). No signal after the frame loaded means the site could
 * not be shown there (it refused to be framed, or did not answer).
 */
export interface FrameSignal {
  stato: PreviewFrameState;
  /** Why the site refused (PREVIEW_REFUSAL_REASONS); kept as a string: an older site may send another. */
  motivo?: string;
}

const isFrameState = (value: unknown): value is PreviewFrameState =>
  (PREVIEW_FRAME_STATES as readonly unknown[]).includes(value);

/** What the pane shows instead of the frame, when the preview cannot be seen there. */
export type PreviewProblem = 'unreachable' | 'expired' | 'refused';

/** The signal in a message's data, or null for any other message (Strapi's own, an extension's). */
export function parseFrameSignal(data: unknown): FrameSignal | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, stato, motivo } = data as Record<string, unknown>;
  if (type !== PREVIEW_FRAME_SIGNAL_TYPE || !isFrameState(stato)) return null;
  return typeof motivo === 'string' ? { stato, motivo } : { stato };
}

/** The problem a signal reports: none for `pronta`. */
export const problemOf = (signal: FrameSignal): PreviewProblem | null =>
  signal.stato === PREVIEW_FRAME_STATES[0] ? null : signal.motivo === ('scaduta' satisfies PreviewRefusalReason) ? 'expired' : 'refused';

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
