import { blocks, h2, p, ul } from '../blocks';
import type { AuthorSeed, CategorySeed, GlobalSeed } from './types';

export const GLOBAL: GlobalSeed = {
  siteName: 'Chiudete i Call Center',
  tagline: 'Risposte precise per i clienti, quando il call center ne dà di assurde.',
  contactEmail: 'redazione@chiudeteicallcenter.eu',
  dataController: 'Candy Larsson, curatrice del progetto «Chiudete i Call Center in outsourcing»',
  manifesto: blocks(
    p(
      'Chiamare l\'assistenza clienti non dovrebbe essere una prova di resistenza. Eppure per milioni di persone lo è diventato: attese infinite, trasferimenti a vuoto, promesse che nessuno mantiene. Non ce l\'abbiamo con chi risponde al telefono. Ce l\'abbiamo con un sistema che affida il rapporto con i clienti al fornitore che costa meno, e poi si stupisce dei risultati.',
    ),
    h2('Che cosa non accettiamo più'),
    ul(
      '**Operatori impreparati**, messi al telefono dopo pochi giorni di formazione a rispondere su contratti che nessuno ha spiegato loro.',
      '**Chiamate chiuse in fretta**, perché conta il tempo medio di conversazione e non il problema risolto.',
      '**Una risposta diversa a ogni chiamata**: chiedi la stessa cosa tre volte e ottieni tre versioni incompatibili.',
      '**Telemarketing aggressivo e maleducato**, che chiama a qualunque ora e non accetta un «no» come risposta.',
      '**Prodotti venduti a condizioni che poi si rivelano diverse** da quelle promesse al telefono.',
      '**La registrazione della chiamata** che dovrebbe tutelare il cliente e che invece, quando serve, non si trova mai.',
      '**«Prova, puoi disdire quando vuoi»**, seguito da vincoli, penali e costi di recesso scoperti solo in bolletta.',
      '**Dover tornare allo stesso call center per ottenere giustizia**, come se il problema potesse risolverlo chi lo ha creato.',
    ),
    h2('Che cosa facciamo'),
    p(
      'Raccogliamo le testimonianze di clienti e di operatori. Pubblichiamo le [Risposte precise](/risposte) alle frasi assurde che ci si sente dire al telefono, con i riferimenti normativi per farsi valere. E raccontiamo nel [libro](/libro) un caso vero, documentato parola per parola, di un problema semplice trasformato in un calvario.',
    ),
    p(
      'Se hai una storia da raccontare, [inviaci la tua testimonianza](/testimonianze/invia). Se lavori in un call center e fai bene il tuo lavoro, **questo sito è anche tuo**.',
    ),
  ),
  socialLinks: [
    { platform: 'facebook', url: 'https://www.facebook.com/chiudeteicallcenter', label: 'Pagina Facebook' },
    { platform: 'youtube', url: 'https://www.youtube.com/@chiudeteicallcenter', label: 'Canale YouTube' },
    { platform: 'instagram', url: 'https://www.instagram.com/chiudeteicallcenter', label: 'Instagram' },
  ],
  editorialPolicy: blocks(
    p(
      'Le testimonianze sono il cuore del sito. La redazione le legge tutte, una per una, prima di pubblicarle. Queste sono le regole che seguiamo.',
    ),
    h2('Di che cosa parliamo'),
    p(
      'Pubblichiamo i racconti di clienti e di operatori che riguardano **il modo in cui i call center trattano i clienti**: l\'assistenza telefonica, le chat, le e-mail, il telemarketing, i contratti proposti al telefono.',
    ),
    h2('Che cosa non pubblichiamo'),
    ul(
      'Testimonianze sulle condizioni di lavoro degli operatori (stipendi, contratti, turni): è un tema serio, trattato altrove, ma non è l\'argomento di questo sito.',
      'Testimonianze che difendono i call center scorretti perché «danno lavoro a tante persone».',
      'Insulti, diffamazione di persone private, spam e qualsiasi contenuto illecito.',
    ),
    h2('I tuoi dati restano privati'),
    p(
      'Non pubblichiamo mai dati personali: numeri di telefono, indirizzi e-mail, codice fiscale, IBAN, codici cliente o di contratto, codici POD della luce e PDR del gas, nomi di persone private. Se una testimonianza ne contiene, li togliamo prima della pubblicazione. L\'indirizzo e-mail che ci lasci serve solo alla redazione per ricontattarti e **non viene mai mostrato**.',
    ),
    p(
      'Possiamo accorciare un testo o correggerne i refusi, senza cambiarne il senso. Per qualunque dubbio scrivi a [redazione@chiudeteicallcenter.eu](mailto:redazione@chiudeteicallcenter.eu).',
    ),
  ),
  defaultSeo: {
    metaTitle: 'Chiudete i Call Center: risposte precise per i clienti',
    metaDescription:
      'Testimonianze, risposte precise e diritti dei consumatori contro il telemarketing aggressivo e l\'assistenza che non risolve.',
  },
};

export const AUTHORS: AuthorSeed[] = [
  {
    name: 'Candy Larsson',
    slug: 'candy-larsson',
    role: 'Autrice, cura il blog a nome di tre consulenti',
    bio:
      'Scrittrice, autrice del romanzo «Per Amore e per Denaro», dalle cui ricerche è nato questo progetto. '
      + 'Firma gli articoli del blog a nome di tre consulenti che preferiscono restare dietro le quinte: un formatore '
      + 'e un operatore che lavorano ancora nei call center, e un ex operatore che ci ha lavorato dal 2001 al 2016. '
      + 'Le loro esperienze, incrociate con le testimonianze dei lettori, sono la materia prima di ogni post.',
    // The project's own page, which she runs: no personal profile in the demo content.
    socialLinks: [{ platform: 'facebook', url: 'https://www.facebook.com/chiudeteicallcenter', label: 'Il progetto su Facebook' }],
  },
];

export const CATEGORIES: CategorySeed[] = [
  {
    name: 'Il libro',
    slug: 'il-libro',
    description: 'Tutto su «Chiudete i Call Center in outsourcing»: com\'è nato, il caso che racconta, dove trovarlo.',
  },
  {
    name: 'Diritti dei consumatori',
    slug: 'diritti-dei-consumatori',
    description:
      'Recesso, disdette, contratti a distanza, reclami: che cosa dice davvero la legge quando l\'operatore dice altro.',
  },
  {
    name: 'Telemarketing',
    slug: 'telemarketing',
    description: 'Chiamate indesiderate, vendite aggressive, contratti conclusi al telefono: come riconoscerli e come difendersi.',
  },
  {
    name: 'Dentro il call center',
    slug: 'dentro-il-call-center',
    description:
      'Come funziona un call center in outsourcing, raccontato da chi ci lavora o ci ha lavorato: turnover, script, tempi di chiamata.',
  },
  {
    name: 'Diario del progetto',
    slug: 'diario-del-progetto',
    description: 'Le novità del sito, le lettere dei lettori, le discussioni (anche accese) nate attorno al libro.',
  },
];
