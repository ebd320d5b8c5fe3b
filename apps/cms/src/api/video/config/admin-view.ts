import { SCHEDULE_ROW, scheduleFields } from '../../../admin-views/schedule';
import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::video.video',
  fields: {
    title: {
      label: 'Titolo',
      description: 'Il titolo del video sul sito (può essere diverso da quello su YouTube), massimo 140 caratteri.',
    },
    slug: {
      label: 'Nome breve (slug)',
      description:
        'Nome del video nei link, es. il-caso-raccontato-dal-protagonista. Si genera dal titolo: cambialo solo prima della pubblicazione.',
    },
    youtubeId: {
      label: 'Codice YouTube',
      description:
        'Le 11 lettere e cifre dopo «v=» nel link di YouTube: per https://www.youtube.com/watch?v=dQw4w9WgXcQ scrivi dQw4w9WgXcQ.',
      placeholder: 'Es. dQw4w9WgXcQ',
    },
    description: {
      label: 'Descrizione',
      description: 'Qualche riga sul contenuto del video, mostrata vicino al riquadro, massimo 1000 caratteri.',
    },
    recordedOn: {
      label: 'Data di registrazione',
      description: 'Facoltativa. Il giorno in cui il video è stato registrato o pubblicato su YouTube.',
    },
    durationSeconds: {
      label: 'Durata (secondi)',
      description: 'Facoltativa. La durata in secondi: es. 6 minuti e 30 secondi = 390.',
    },
    poster: {
      label: 'Immagine di anteprima',
      description:
        'Mostrata al posto del video finché il lettore non clicca: YouTube si carica solo dopo il clic. Orizzontale 16:9, almeno 1280×720 pixel.',
    },
    ...scheduleFields('il video'),
  },
  settings: { mainField: 'title', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'youtubeId', 'recordedOn', 'createdAt', 'scheduledPublishAt'],
    edit: [
      [{ name: 'title', size: 12 }],
      [
        { name: 'slug', size: 6 },
        { name: 'youtubeId', size: 6 },
      ],
      [...SCHEDULE_ROW],
      [{ name: 'description', size: 12 }],
      [
        { name: 'recordedOn', size: 6 },
        { name: 'durationSeconds', size: 6 },
      ],
      [{ name: 'poster', size: 6 }],
    ],
  },
});
