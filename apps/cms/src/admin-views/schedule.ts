import type { FieldView } from './types';

/**
 * "Pubblica il" / "Ritira il" (scheduledPublishAt / scheduledUnpublishAt) of
 * every type with scheduled publishing (see src/scheduling): the same help
 * text everywhere, naming what leaves the site (`item`, e.g. "l'articolo").
 */
export const scheduleFields = (item: string): { scheduledPublishAt: FieldView; scheduledUnpublishAt: FieldView } => ({
  scheduledPublishAt: {
    label: 'Pubblica il',
    description:
      'Data e ora (ora italiana) della pubblicazione automatica, es. 15/03/2027 09:00: compila, salva e non premere «Pubblica». Vale anche per le modifiche a un contenuto già online. Il campo si svuota dopo la pubblicazione; vuoto = pubblichi a mano.',
  },
  scheduledUnpublishAt: {
    label: 'Ritira il',
    description: `Facoltativo: data e ora (ora italiana) in cui ${item} esce dal sito e torna bozza, es. 31/12/2027 23:59. Il campo si svuota dopo il ritiro; vuoto = resta online.`,
  },
});

/** The edit-layout row of the two schedule fields. */
export const SCHEDULE_ROW = [
  { name: 'scheduledPublishAt', size: 6 },
  { name: 'scheduledUnpublishAt', size: 6 },
] as const;
