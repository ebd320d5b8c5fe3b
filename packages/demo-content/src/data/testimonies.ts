import type { TestimonySeed } from './types';

/**
 * Approved testimonies. As the editorial policy requires: on the theme of how
 * customers are treated (operators included: no pay, contracts or shifts),
 * no personal data, no names of private persons or companies.
 */
export const TESTIMONIES: TestimonySeed[] = [
  {
    title: 'Tre chiamate, tre risposte diverse sulla stessa bolletta',
    slug: 'tre-chiamate-tre-risposte-diverse-sulla-stessa-bolletta',
    role: 'cliente',
    sector: 'telefonia',
    channel: 'assistenza_telefonica',
    eventMonth: '2019-03',
    receivedDate: '2019-07-08',
    displayName: 'Cliente, Bologna',
    story:
      'A marzo mi arriva una bolletta del telefono di casa quasi doppia rispetto al solito. Chiamo l\'assistenza: il primo operatore mi spiega che è un conguaglio e che è tutto regolare. Non convinta, richiamo il giorno dopo: la seconda operatrice mi dice che si tratta di un servizio a pagamento attivato per errore e che me lo avrebbero rimborsato in automatico. Alla bolletta successiva il rimborso non c\'è. Terza chiamata: secondo il nuovo operatore non risultava nessuna segnalazione e avrei dovuto fare reclamo scritto, cosa che nessuno mi aveva detto prima.\n\n'
      + 'Ho mandato il reclamo via PEC, allegando le date e gli orari di tutte le telefonate, che per fortuna avevo annotato. Dopo tre settimane è arrivato il rimborso, con una lettera di scuse standard. Non ce l\'ho con i singoli operatori, sono sicura che ognuno mi abbia detto quello che leggeva sul suo schermo. Ma possibile che tre persone della stessa azienda abbiano tre versioni diverse della stessa bolletta?',
  },
  {
    title: 'Mi hanno cambiato il fornitore della luce con una telefonata',
    slug: 'mi-hanno-cambiato-il-fornitore-della-luce-con-una-telefonata',
    role: 'cliente',
    sector: 'luce',
    channel: 'telemarketing',
    eventMonth: '2019-05',
    receivedDate: '2019-07-11',
    displayName: 'Cliente, provincia di Bari',
    story:
      'Mia madre ha ottantadue anni e vive da sola. A maggio riceve una telefonata: una ragazza gentilissima le dice che deve «aggiornare il contratto della luce» per non perdere uno sconto. Le chiede di rispondere sì ad alcune domande e di leggere un codice dalla bolletta. Mia madre, convinta di parlare con il suo fornitore di sempre, esegue.\n\n'
      + 'Un mese dopo arriva la lettera di benvenuto di un\'altra società. Nessuno le aveva mai mandato un\'offerta scritta da firmare. Quando ho chiamato il nuovo fornitore, l\'operatore mi ha detto che c\'era la registrazione del consenso e che quindi il contratto era valido. Solo insistendo, e citando il Codice del consumo, mi hanno spiegato come esercitare il recesso e come segnalare il contratto come non richiesto.\n\n'
      + 'Alla fine mia madre è tornata al fornitore precedente senza pagare nulla, ma ci sono voluti due mesi e decine di telefonate. Ora sul suo telefono c\'è un biglietto: «Non dire sì a nessuno. Chiama tuo figlio».',
  },
  {
    title: 'Lo script diceva di non nominare mai la parola «recesso»',
    slug: 'lo-script-diceva-di-non-nominare-mai-la-parola-recesso',
    role: 'operatore',
    sector: 'telefonia',
    channel: 'assistenza_telefonica',
    eventMonth: '2019-06',
    receivedDate: '2019-07-23',
    displayName: 'Operatore inbound, Campania',
    story:
      'Lavoro all\'assistenza clienti di un operatore di telefonia mobile, per conto di un\'azienda esterna. Quando un cliente chiama per disdire, la procedura prevede di passarlo al reparto «fidelizzazione», che deve fare di tutto per trattenerlo. Fin qui niente di strano. Il problema è come viene fatto.\n\n'
      + 'Nello script che ci hanno consegnato la parola «recesso» non compare mai. Al cliente che chiede come disdire dobbiamo prima proporre tre offerte diverse, poi parlare di «costi da verificare», e solo se insiste per la terza volta spiegargli davvero come fare. Ho visto clienti anziani rinunciare dopo venti minuti di telefonata, convinti di non poter uscire dal contratto.\n\n'
      + 'Io ho deciso di dare subito l\'informazione corretta a chi me la chiede chiaramente: il cliente ha diritto di sapere come si recede, e se poi vuole ascoltare un\'offerta, bene. Scrivo qui perché chi chiama sappia che può pretendere una risposta diretta.',
  },
  {
    title: 'Disdetta della pay TV: «serve per forza la raccomandata»',
    slug: 'disdetta-della-pay-tv-serve-per-forza-la-raccomandata',
    role: 'cliente',
    sector: 'pay_tv',
    channel: 'assistenza_telefonica',
    eventMonth: '2019-02',
    receivedDate: '2019-08-02',
    displayName: 'Cliente, Torino',
    story:
      'Avevo attivato l\'abbonamento alla pay TV online, in cinque minuti, dal divano. Dopo un anno ho deciso di disdire e ho cercato sul sito la stessa semplicità: niente. Ho chiamato il servizio clienti e l\'operatore mi ha detto che la disdetta si poteva fare solo con una raccomandata con ricevuta di ritorno, allegando la copia del documento, e che per telefono «non era possibile per motivi di sicurezza».\n\n'
      + 'Ho chiesto se andasse bene una PEC, visto che ha lo stesso valore legale: mi ha risposto che non lo sapeva e che era meglio la raccomandata. Poi ho scoperto che la legge prevede che si possa recedere con le stesse modalità usate per attivare il contratto. Ho mandato la PEC, citando la norma, e la disdetta è stata accettata senza problemi.\n\n'
      + 'Mi chiedo quante persone, ogni mese, pagano un mese in più solo perché qualcuno al telefono ha detto loro che serve la raccomandata.',
  },
  {
    title: 'La chat che rispondeva sempre con lo stesso messaggio',
    slug: 'la-chat-che-rispondeva-sempre-con-lo-stesso-messaggio',
    role: 'cliente',
    sector: 'e_commerce',
    channel: 'chat',
    eventMonth: '2019-09',
    receivedDate: '2019-09-26',
    displayName: 'Cliente, Firenze',
    story:
      'Ho ordinato una lavatrice da un grande negozio online. Il giorno della consegna il corriere non si presenta, ma il tracciamento la dà per consegnata. Apro la chat dell\'assistenza, che è l\'unico canale disponibile. Spiego il problema e ricevo un messaggio: «Ci scusiamo per il disagio, il suo ordine risulta consegnato. Per altre informazioni consulti la sezione Aiuto».\n\n'
      + 'Riscrivo, specificando che la lavatrice non è mai arrivata: stesso messaggio, parola per parola. Ci riprovo il giorno dopo con un altro operatore, che almeno apre una segnalazione al corriere e mi promette una risposta entro 48 ore. La risposta arriva dopo una settimana, e chiede di nuovo se ho controllato dai vicini.\n\n'
      + 'Ci sono voluti dodici giorni e un reclamo scritto per ottenere il rimborso. La cosa che mi ha colpito di più è che in chat non riuscivo mai a capire se stessi parlando con una persona o con un risponditore automatico.',
  },
  {
    title: 'Ho smesso di promettere il «risparmio garantito»',
    slug: 'ho-smesso-di-promettere-il-risparmio-garantito',
    role: 'operatore',
    sector: 'gas',
    channel: 'telemarketing',
    eventMonth: '2019-04',
    receivedDate: '2019-08-19',
    displayName: 'Ex operatrice outbound, Lazio',
    story:
      'Per un periodo ho fatto telemarketing per contratti di luce e gas. Lo script si apriva con una frase: «Le garantiamo un risparmio sulla bolletta del gas già dal primo mese». Il problema è che il risparmio dipendeva dai consumi, dalla tariffa che il cliente aveva già e dall\'andamento del prezzo, e molti clienti finivano per pagare di più.\n\n'
      + 'Le persone al telefono si fidavano. Molte non avevano la bolletta sotto mano e non sapevano quanto pagavano al metro cubo. Ci veniva detto di non entrare nei dettagli, perché «il cliente si confonde».\n\n'
      + 'A un certo punto ho cominciato a dire la verità: che il risparmio non era garantito, che avrebbero ricevuto l\'offerta per iscritto e che era meglio confrontarla con calma con la bolletta attuale. Ho concluso meno contratti, ma nessuno dei miei clienti mi ha mai richiamata arrabbiato. Se qualcuno al telefono vi garantisce un risparmio senza aver visto la vostra bolletta, chiedete l\'offerta scritta e prendetevi tempo.',
  },
  {
    title: 'La polizza «gratuita per tre mesi» che non lo era',
    slug: 'la-polizza-gratuita-per-tre-mesi-che-non-lo-era',
    role: 'cliente',
    sector: 'banche_assicurazioni',
    channel: 'telemarketing',
    eventMonth: '2019-07',
    receivedDate: '2019-08-28',
    displayName: 'Cliente, Verona',
    story:
      'Mi chiama un operatore a nome della mia banca: mi propone una polizza sugli infortuni «gratuita per i primi tre mesi, senza nessun impegno». Chiedo di ricevere tutto per iscritto prima di decidere, e mi rassicura che sarebbe arrivata un\'e-mail con il riepilogo e che avrei potuto annullare quando volevo.\n\n'
      + 'L\'e-mail non è mai arrivata. Al quarto mese trovo sull\'estratto conto l\'addebito del premio annuale intero. In filiale mi dicono che la polizza è di una compagnia partner e che devo chiamare il loro numero. Al numero della compagnia mi spiegano che il periodo gratuito era terminato e che, non avendo disdetto entro i tre mesi, il contratto si era rinnovato per un anno.\n\n'
      + 'Ho contestato per iscritto, spiegando che non avevo mai ricevuto né firmato il contratto. Dopo due mesi mi hanno restituito il premio. Da allora, a chi mi chiama per propormi qualcosa rispondo sempre allo stesso modo: mandatemi tutto per posta e vi richiamo io.',
  },
  {
    title: 'Sei e-mail per correggere una lettura del contatore del gas',
    slug: 'sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas',
    role: 'cliente',
    sector: 'gas',
    channel: 'email',
    eventMonth: '2019-10',
    receivedDate: '2019-11-04',
    displayName: 'Cliente, Genova',
    story:
      'La bolletta del gas di ottobre era basata su una lettura stimata molto più alta di quella reale. Il numero verde era sempre occupato, così ho scritto all\'indirizzo dell\'assistenza con la foto del contatore e la lettura corretta.\n\n'
      + 'La prima risposta è arrivata dopo dieci giorni: un messaggio automatico che mi invitava a comunicare l\'autolettura dall\'area clienti. L\'avevo già fatto. Ho risposto spiegando di nuovo la situazione e ho ricevuto un secondo messaggio, diverso ma altrettanto generico. Alla quarta e-mail mi hanno chiesto di inviare la foto del contatore, che era allegata fin dalla prima.\n\n'
      + 'Alla sesta e-mail, in cui annunciavo che mi sarei rivolta alla conciliazione, è arrivata finalmente una risposta scritta da una persona, con il ricalcolo della bolletta. Tutto risolto, ma ho avuto la netta impressione che le prime cinque non le avesse lette nessuno.',
  },
  {
    title: 'Il cliente che chiamava per la quinta volta',
    slug: 'il-cliente-che-chiamava-per-la-quinta-volta',
    role: 'operatore',
    sector: 'telefonia',
    channel: 'chat',
    eventMonth: '2019-11',
    receivedDate: '2019-11-27',
    displayName: 'Operatrice di chat, Sicilia',
    story:
      'Lavoro nell\'assistenza via chat per un operatore di telefonia fissa. Un pomeriggio mi scrive un signore che aveva la linea internet lenta da un mese: era il suo quinto contatto. Nello storico vedevo le note dei colleghi precedenti, e ognuno gli aveva dato un consiglio diverso: riavviare il modem, aspettare un intervento, cambiare il piano tariffario, fare un reclamo.\n\n'
      + 'Lui era furioso e aveva ragione. Invece di incollare l\'ennesima risposta standard, ho letto tutto lo storico, ho fatto una verifica tecnica sulla linea e ho visto che il guasto non era mai stato segnalato al reparto competente. Ho aperto io la segnalazione, gli ho dato il numero della pratica e gli ho spiegato esattamente che cosa sarebbe successo dopo.\n\n'
      + 'Due giorni dopo la linea funzionava. Non ho fatto niente di speciale: ho solo letto quello che c\'era scritto. Racconto questa storia perché i clienti sappiano che possono chiedere all\'operatore di leggere lo storico della pratica prima di rispondere.',
  },
  {
    title: 'Rimbalzata tra il negozio e il numero verde',
    slug: 'rimbalzata-tra-il-negozio-e-il-numero-verde',
    role: 'cliente',
    sector: 'telefonia',
    channel: 'negozio',
    eventMonth: '2019-08',
    receivedDate: '2019-09-10',
    displayName: 'Cliente, Padova',
    story:
      'Ho comprato uno smartphone a rate in un negozio monomarca, insieme a una nuova offerta mobile. Dopo due settimane il telefono ha smesso di caricarsi. In negozio mi hanno detto che per la garanzia dovevo chiamare il numero verde. Al numero verde mi hanno risposto che, essendo stato acquistato in negozio, dovevo riportarlo in negozio.\n\n'
      + 'Sono tornata in negozio con il nome dell\'operatore del numero verde e l\'orario della chiamata. Il commesso ha chiamato a sua volta l\'assistenza, davanti a me, e dopo mezz\'ora di attesa ha ottenuto la stessa risposta contraddittoria. Alla fine ha accettato di ritirare il telefono «in via eccezionale».\n\n'
      + 'Il telefono è tornato riparato dopo tre settimane, durante le quali ho continuato a pagare la rata. Nessuno, né in negozio né al telefono, sapeva con certezza chi fosse responsabile della garanzia.',
  },
];
