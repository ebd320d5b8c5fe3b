import type { SubmissionStatus } from '@chiudete/types';

/** What each status of a submission means to the reader who sent it (the status page's card). */
export interface SubmissionStatusText {
  /** Short label, e.g. "In revisione". */
  label: string;
  /** What it means for the reader, in one or two sentences. */
  description: string;
}

export const SUBMISSION_STATUS_TEXT: Record<SubmissionStatus, SubmissionStatusText> = {
  nuova: {
    label: 'Ricevuta, in attesa di moderazione',
    description: 'La tua storia è arrivata alla redazione e aspetta di essere letta. Di solito servono alcuni giorni.',
  },
  in_revisione: {
    label: 'In revisione',
    description: 'Una persona della redazione sta leggendo la tua storia e ne toglie i dati personali prima di decidere se pubblicarla.',
  },
  approvata: {
    label: 'Pubblicata',
    description: 'La redazione ha approvato la tua storia: ora è sul sito, senza i dati personali. Grazie per averla raccontata.',
  },
  rifiutata: {
    label: 'Non pubblicata',
    description: 'La redazione ha deciso di non pubblicare la tua storia: non rispetta le regole delle testimonianze, che trovi qui sotto.',
  },
  ritirata: {
    label: 'Ritirata: i tuoi dati personali sono stati cancellati',
    description: 'Hai ritirato la tua storia. Non è più sul sito e i dati che ci avevi lasciato (nome, e-mail, testo) sono stati cancellati.',
  },
};
