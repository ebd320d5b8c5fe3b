import type { Channel, Sector } from '@chiudete/types';

/**
 * Phrase banks of the generated testimonies, written to the editorial
 * policy: how customers are treated by call centers (operators included,
 * never their pay, contracts or shifts), no personal data, no real company.
 *
 * Placeholders: {when} (a time phrase with the month), {brand}, {amount}
 * (euros), {small} (a few euros), {days}, {n} (how many times), {minutes},
 * {months}, {years}, {ask} (what the customer wanted, after "per"),
 * {sector} (the sector inside a sentence).
 */

export interface CustomerIssue {
  titles: readonly string[];
  /** First sentence of the story; starts with {when}. */
  setup: string;
  /** An infinitive phrase, read after "per". */
  ask: string;
  /** The company, when the sector's brands do not all fit the story (sector «altro»). */
  brand?: string;
}

export const CUSTOMER_ISSUES: Readonly<Record<Sector, readonly CustomerIssue[]>> = {
  telefonia: [
    {
      titles: ['Tre risposte diverse sulla stessa bolletta del telefono', 'Una bolletta del telefono raddoppiata senza spiegazioni', '{amount} euro di servizi a sovrapprezzo mai chiesti'],
      setup: '{when} mi arriva una bolletta del telefono di casa di {amount} euro, quasi il doppio del solito, con una voce «servizi a sovrapprezzo» che non ho mai chiesto.',
      ask: 'capire che cosa fosse quella voce',
    },
    {
      titles: ['Senza internet per {days} giorni dopo il passaggio alla fibra', 'Il passaggio alla fibra «senza interruzioni»', 'La linea che doveva tornare domani'],
      setup: '{when} chiedo il passaggio alla fibra con {brand}: mi promettono che la linea non si interromperà nemmeno per un\'ora. Invece resto senza telefono e senza internet.',
      ask: 'sapere quando sarebbe tornata la linea',
    },
    {
      titles: ['Il modem in comodato che nessuno voleva indietro', 'Restituire un modem: una piccola odissea'],
      setup: '{when} disdico il contratto con {brand} e mi scrivono che devo restituire il modem, ma nessuno sa dirmi dove spedirlo.',
      ask: 'avere l\'indirizzo per la restituzione',
    },
    {
      titles: ['L\'aumento «per adeguamento» scritto in fondo alla fattura', 'Un aumento di {small} euro al mese scoperto per caso'],
      setup: '{when} scopro che il costo della mia offerta mobile con {brand} è aumentato: l\'avviso era una riga in fondo alla fattura.',
      ask: 'recedere senza penali, come prevede la legge quando cambiano le condizioni',
    },
    {
      titles: ['Gli abbonamenti premium attivati sulla SIM di mio figlio', 'Il credito sparito per un servizio mai richiesto'],
      setup: '{when} il credito della SIM di mio figlio sparisce nel giro di pochi giorni: risultano attivi due abbonamenti a contenuti premium.',
      ask: 'disattivarli e avere il rimborso',
    },
  ],
  luce: [
    {
      titles: ['Il conguaglio della luce che nessuno sapeva spiegare', '{amount} euro di conguaglio e tre versioni diverse'],
      setup: '{when} ricevo una bolletta della luce con un conguaglio di {amount} euro riferito a letture di due anni prima.',
      ask: 'capire da dove venisse quel conguaglio',
    },
    {
      titles: ['Mi hanno cambiato il fornitore della luce con una telefonata', 'Un contratto della luce che nessuno aveva firmato'],
      setup: '{when} arriva a casa di mia madre la lettera di benvenuto di {brand}: nessuno in famiglia ha mai firmato un contratto con loro.',
      ask: 'annullare un contratto mai richiesto',
    },
    {
      titles: ['Una voltura della luce durata {days} giorni', 'Il trasloco e la voltura infinita'],
      setup: '{when} mi trasferisco nel nuovo appartamento e chiedo la voltura del contratto della luce a {brand}.',
      ask: 'sapere a che punto fosse la pratica',
    },
    {
      titles: ['Consumi stimati per un anno intero', 'Il contatore della luce letto solo sulla carta'],
      setup: '{when} mi accorgo che da un anno le bollette della luce riportano solo consumi stimati, molto più alti di quelli reali.',
      ask: 'far registrare la lettura reale del contatore',
    },
    {
      titles: ['Il prezzo bloccato che non era bloccato', 'L\'offerta della luce promessa al telefono e quella vera'],
      setup: '{when} firmo con {brand} un\'offerta della luce a prezzo bloccato per due anni; dopo tre mesi il prezzo in bolletta è già cambiato.',
      ask: 'avere il prezzo che mi era stato promesso',
    },
  ],
  gas: [
    {
      titles: ['{n} telefonate per correggere una lettura del contatore del gas', 'La lettura del gas sbagliata di una cifra'],
      setup: '{when} trovo in bolletta una lettura del contatore del gas sbagliata di una cifra: {amount} euro da pagare per un consumo impossibile.',
      ask: 'far correggere la lettura',
    },
    {
      titles: ['Due fornitori del gas per la stessa casa', 'Il gas pagato due volte'],
      setup: '{when} mi accorgo che sto ricevendo le bollette del gas sia dal vecchio fornitore sia da {brand}.',
      ask: 'smettere di pagare due volte',
    },
    {
      titles: ['Il deposito cauzionale mai restituito', 'Il deposito del gas sparito dopo la disdetta'],
      setup: '{when} chiudo il contratto del gas della casa al mare e aspetto il rimborso del deposito cauzionale, che non arriva.',
      ask: 'avere indietro il deposito',
    },
    {
      titles: ['Il bonus gas che non compariva in bolletta', 'Bonus sociale: ogni operatore una versione'],
      setup: '{when} scopro che il bonus sociale per il gas, che mi spetta, non compare in nessuna bolletta di {brand}.',
      ask: 'capire perché il bonus non veniva applicato',
    },
    {
      titles: ['Il «controllo obbligatorio» della caldaia che era un contratto', 'Una telefonata sul gas che era una vendita'],
      setup: '{when} mi chiamano dicendo che per legge devo fissare un controllo dell\'impianto del gas; in realtà era la proposta di un nuovo contratto con {brand}.',
      ask: 'annullare il contratto',
    },
  ],
  pay_tv: [
    {
      titles: ['Disdetta della pay TV: «serve per forza la raccomandata»', 'Una disdetta che al telefono «non si poteva fare»'],
      setup: '{when} decido di disdire l\'abbonamento a {brand}, che avevo attivato online in cinque minuti.',
      ask: 'disdire con lo stesso canale usato per attivare l\'abbonamento',
    },
    {
      titles: ['Il pacchetto sport che non avevo chiesto', 'Un canale in più, {small} euro in più'],
      setup: '{when} trovo nell\'estratto conto un addebito più alto del solito: al mio abbonamento a {brand} risulta aggiunto un pacchetto che non ho mai chiesto.',
      ask: 'togliere il pacchetto e avere il rimborso',
    },
    {
      titles: ['La penale per un decoder restituito in tempo', 'Il decoder e la data di restituzione che nessuno conosceva'],
      setup: '{when}, dopo la disdetta, {brand} mi addebita una penale per la mancata restituzione del decoder, che avevo spedito con ricevuta.',
      ask: 'far annullare la penale',
    },
    {
      titles: ['La promozione «per sempre» durata sei mesi', 'Lo sconto fedeltà sparito senza avviso'],
      setup: '{when} scopro che lo sconto promesso «per tutta la durata dell\'abbonamento» da {brand} è finito dopo sei mesi.',
      ask: 'avere lo sconto promesso',
    },
  ],
  e_commerce: [
    {
      titles: ['La chat che rispondeva sempre con lo stesso messaggio', 'Il pacco consegnato solo nel tracciamento'],
      setup: '{when} ordino un elettrodomestico su {brand}: il tracciamento lo dà per consegnato, ma a casa non è mai arrivato.',
      ask: 'avere il pacco o il rimborso',
    },
    {
      titles: ['Un reso accettato e mai rimborsato', 'Il rimborso del reso che non arrivava mai'],
      setup: '{when} restituisco a {brand} un paio di scarpe nei quattordici giorni previsti; il reso risulta ricevuto, il rimborso no.',
      ask: 'avere il rimborso',
    },
    {
      titles: ['La garanzia di due anni che «era solo di uno»', 'Un tablet rotto e una garanzia negata'],
      setup: '{when} il tablet comprato su {brand} smette di funzionare dopo quattordici mesi.',
      ask: 'far valere la garanzia legale di due anni',
    },
    {
      titles: ['La prova gratuita che si rinnovava da sola', 'L\'abbonamento annuale attivato con un clic'],
      setup: '{when} trovo addebitato un abbonamento annuale a {brand}: avevo accettato solo una prova gratuita di trenta giorni.',
      ask: 'annullare il rinnovo e avere il rimborso',
    },
  ],
  banche_assicurazioni: [
    {
      titles: ['La polizza gratuita per tre mesi che non lo era', 'Una polizza abbinata al prestito che nessuno mi aveva spiegato'],
      setup: '{when} scopro che insieme al prestito di {brand} mi è stata fatta sottoscrivere una polizza che pago ogni mese.',
      ask: 'recedere dalla polizza',
    },
    {
      titles: ['La carta bloccata all\'estero e il numero verde irraggiungibile', 'Bloccata all\'estero con la carta sospesa'],
      setup: '{when}, in viaggio, la mia carta di {brand} viene bloccata per «operazioni sospette» mentre pago l\'albergo.',
      ask: 'far sbloccare la carta',
    },
    {
      titles: ['Un sinistro rimbalzato tra quattro uffici', '{days} giorni per sapere chi seguiva il mio sinistro'],
      setup: '{when} denuncio a {brand} un piccolo sinistro con l\'auto, senza feriti e con la constatazione amichevole firmata.',
      ask: 'sapere a che punto fosse la pratica',
    },
    {
      titles: ['Chiudere un conto corrente, istruzioni contraddittorie', 'Il conto che non si riusciva a chiudere'],
      setup: '{when} decido di chiudere il conto corrente che avevo con {brand}.',
      ask: 'chiudere il conto senza altri costi',
    },
    {
      titles: ['Il finanziamento «preapprovato» proposto al telefono', 'Una telefonata per un prestito che non avevo chiesto'],
      setup: '{when} mi chiama un operatore per propormi un finanziamento «già approvato» a mio nome con {brand}.',
      ask: 'non essere più chiamato',
    },
  ],
  altro: [
    {
      titles: ['La bolletta dell\'acqua con i consumi del vicino', 'Un contatore dell\'acqua scambiato'],
      setup: '{when} ricevo da {brand} una bolletta dell\'acqua con consumi da albergo: il contatore letto era quello del vicino.',
      ask: 'far correggere la lettura',
      brand: 'Acquedotto Fontanella',
    },
    {
      titles: ['La palestra che non accettava la disdetta', 'Disdire l\'abbonamento in palestra, missione impossibile'],
      setup: '{when} chiedo di disdire l\'abbonamento a {brand}, che si rinnova da solo ogni anno.',
      ask: 'disdire prima del rinnovo',
      brand: 'Palestra Bradipo Fit',
    },
    {
      titles: ['Una franchigia addebitata per un graffio che c\'era già', 'Il noleggio auto e i danni già presenti'],
      setup: '{when}, a un mese dal noleggio di un\'auto con {brand}, mi addebitano {amount} euro per un graffio che avevo segnalato alla consegna.',
      ask: 'far annullare l\'addebito',
      brand: 'Noleggi Lumaca',
    },
    {
      titles: ['Il rimborso del treno cancellato', 'Il rimborso promesso che non arrivava'],
      setup: '{when} il mio treno viene cancellato e {brand} mi promette un rimborso entro trenta giorni.',
      ask: 'avere il rimborso promesso',
      brand: 'Treni del Ghiro',
    },
  ],
};

/** Time phrases that open a customer's story. */
export const WHEN = ['A {month}', 'Nel mese di {month}', 'Verso la fine di {month}', 'All\'inizio di {month}', 'A metà {month}'] as const;

/** What the customer lived through, by channel: two sentences each. */
export const CUSTOMER_CONTACTS: Readonly<Record<Channel, readonly string[]>> = {
  assistenza_telefonica: [
    'Chiamo il numero dell\'assistenza per {ask}. Dopo {minutes} minuti di musica d\'attesa mi risponde un operatore che mi assicura che è tutto regolare e che non c\'è niente da fare.',
    'Per {ask} chiamo il servizio clienti {n} volte in due settimane. Ogni operatore mi dà una versione diversa, e nessuno lascia una nota sulla mia pratica.',
    'Al numero verde spiego tre volte la situazione per {ask}. Vengo trasferita a un altro reparto e la linea cade, sempre allo stesso punto.',
    'L\'operatore che mi risponde quando chiamo per {ask} è gentile ma non sa niente: legge le risposte da uno schermo e mi promette una richiamata che non arriverà mai.',
  ],
  chat: [
    'Apro la chat dell\'assistenza, l\'unico canale disponibile, per {ask}. Ricevo una risposta preconfezionata che non c\'entra nulla con la mia domanda.',
    'Provo con la chat per {ask}. Dopo {minutes} minuti in coda l\'operatore mi chiede il numero di pratica, poi la conversazione si chiude da sola.',
    'Scrivo in chat per {ask}: nella stessa conversazione rispondono tre operatori diversi, ognuno ripartendo da capo. Non riesco mai a capire se sto parlando con una persona o con un risponditore automatico.',
  ],
  email: [
    'Scrivo all\'indirizzo dell\'assistenza per {ask}. La risposta arriva dopo {days} giorni ed è un messaggio automatico che mi invita a chiamare il numero verde.',
    'Mando {n} e-mail per {ask}. Ogni volta ricevo un numero di ticket nuovo e la stessa frase: «la sua richiesta è stata inoltrata all\'ufficio competente».',
    'Per {ask} scrivo una e-mail dettagliata, con gli allegati. Mi rispondono chiedendo gli stessi documenti che avevo già allegato.',
  ],
  telemarketing: [
    'Tutto era cominciato con una telefonata all\'ora di cena: un venditore molto insistente, che non accettava un no come risposta. Quando richiamo per {ask}, il numero da cui mi avevano chiamato non esiste.',
    'All\'origine c\'era una chiamata di un venditore che parlava a velocità doppia e mi chiedeva solo di dire «sì». Per {ask} devo passare dal servizio clienti, che mi rimanda al venditore.',
    'Il venditore al telefono aveva promesso «nessun costo e nessun vincolo». Quando chiamo per {ask}, scopro che di quella promessa non c\'è traccia da nessuna parte.',
  ],
  negozio: [
    'Vado in negozio per {ask}. Il commesso mi spiega che dal negozio non possono fare niente e mi dà il numero del servizio clienti.',
    'In negozio, per {ask}, mi fanno aspettare {minutes} minuti e poi mi dicono che la pratica è gestita dal call center, che a sua volta mi rimanda al negozio.',
  ],
  altro: [
    'Provo tutti i canali per {ask}: il modulo sul sito, i social, la PEC. Rispondono solo sui social, in pubblico, con un messaggio standard.',
    'Per {ask} uso il modulo di contatto sul sito. Dopo {days} giorni ricevo una telefonata da un numero anonimo: l\'operatore non sa perché mi sta chiamando.',
  ],
};

export const CUSTOMER_ESCALATIONS = [
  'Alla fine mando un reclamo scritto via PEC, con le date e gli orari di tutte le telefonate, che per fortuna avevo annotato.',
  'Mi rivolgo a un\'associazione dei consumatori, che mi aiuta a scrivere un reclamo formale citando il Codice del consumo.',
  'Dopo l\'ennesima promessa non mantenuta chiedo il numero della pratica e l\'indirizzo dell\'ufficio reclami, e scrivo lì.',
  'Avvio la procedura di conciliazione, gratuita e online, e solo allora qualcuno legge davvero la mia pratica.',
  'Chiedo la registrazione della telefonata in cui mi avevano promesso tutto: mi rispondono che non è disponibile.',
  'Racconto la mia storia sui social e nel giro di un\'ora mi contatta un «operatore dedicato», che fino a quel giorno non esisteva.',
  'Chiedo di parlare con un responsabile. Mi dicono che non è possibile, ma che la mia richiesta è stata «scalata».',
] as const;

export const CUSTOMER_OUTCOMES = [
  'Dopo {days} giorni il problema è stato risolto, con una lettera di scuse standard.',
  'Alla fine ho ottenuto il rimborso, ma ci sono voluti {months} mesi e decine di telefonate.',
  'Il problema si è risolto solo quando ho cambiato fornitore.',
  'A oggi la pratica risulta ancora «in lavorazione».',
  'Mi hanno dato ragione, senza mai spiegarmi che cosa fosse successo.',
  'Ho rinunciato a una parte del rimborso pur di chiudere la questione.',
  'La risposta scritta, finalmente chiara, è arrivata dopo {months} mesi: avevo ragione fin dalla prima telefonata.',
] as const;

export const CUSTOMER_REFLECTIONS = [
  'Non ce l\'ho con i singoli operatori: ognuno mi ha detto quello che leggeva sul suo schermo. Ma possibile che nessuno avesse una risposta precisa?',
  'Quello che mi ha colpito di più è che nessuno mi abbia mai detto con chiarezza quali fossero i miei diritti.',
  'Racconto questa storia perché chi chiama sappia che può pretendere una risposta scritta.',
  'Mi chiedo quante persone, al mio posto, avrebbero semplicemente pagato.',
  'Il consiglio che posso dare è di segnare sempre data, ora e nome dell\'operatore, e di chiedere il numero della pratica.',
  'Per una cosa semplice ho perso ore di lavoro e molta pazienza.',
  'Se avessi saputo subito come funziona il recesso, avrei risparmiato settimane di telefonate.',
] as const;

export const OPERATOR_TITLES = [
  'Lo script diceva di non nominare mai la parola «recesso»',
  'Dall\'altra parte del telefono: come si chiude una chiamata in fretta',
  'Perché ogni operatore ti dice una cosa diversa',
  'Le pratiche senza note e i clienti che ripartono da zero',
  'Quello che lo schermo dell\'operatore non dice',
  'Ho smesso di promettere il «risparmio garantito»',
  'Il cliente anziano e il sì strappato al telefono',
  'Cinque trasferimenti per una sola domanda',
  'La registrazione della chiamata? «Va chiesta per iscritto»',
  'Quando l\'offerta cambia e lo scopriamo dai clienti',
] as const;

/** Opening of an operator's story; {sector} is the sector inside a sentence. */
export const OPERATOR_OPENINGS = [
  'Lavoro da {years} anni nell\'assistenza clienti di una commessa di {sector}, per conto di un\'azienda esterna.',
  'Ho fatto l\'operatore outbound per una campagna di {sector}, chiamando clienti che non ci avevano chiesto niente.',
  'Sono team leader in un call center che gestisce i clienti di {brand}.',
  'Ho lavorato al back office reclami di una grande azienda di {sector}, quello che legge le PEC dei clienti arrabbiati.',
  'Da {years} anni rispondo al numero verde di {brand}.',
] as const;

/** What operators see of how customers are treated (never their own pay, contracts or shifts). */
export const OPERATOR_PRACTICES = [
  'Nello script che ci hanno consegnato la parola «recesso» non compare mai: al cliente che vuole disdire dobbiamo prima proporre tre offerte diverse.',
  'Il sistema misura il tempo medio di conversazione, non i problemi risolti: una chiamata lunga è una chiamata «sbagliata», anche se il cliente riattacca soddisfatto.',
  'Le informazioni che abbiamo sullo schermo sono spesso vecchie: quando cambia un\'offerta, lo scopriamo dai clienti che chiamano per lamentarsi.',
  'Ci chiedono di non dare il numero di pratica se il cliente non lo chiede espressamente.',
  'Le chiamate ai clienti anziani sono considerate le più facili da «chiudere»: basta un sì detto al momento giusto.',
  'Quando un cliente chiede la registrazione della chiamata, la procedura è dire che va richiesta per iscritto, senza spiegare come.',
  'Un cliente può essere trasferito anche cinque volte, perché ogni reparto vede solo una parte della sua pratica.',
  'Le note sulle pratiche sono facoltative, e quasi nessuno le scrive: il collega successivo riparte da zero e il cliente deve raccontare tutto di nuovo.',
  'Ci insegnano a dire «non è possibile» invece di «non lo so», perché la seconda frase allunga la chiamata.',
] as const;

export const OPERATOR_ADVICE = [
  'Io ho deciso di dare subito l\'informazione corretta a chi me la chiede chiaramente: il cliente ha diritto di sapere come stanno le cose.',
  'A chi chiama dico sempre: chiedete il numero di pratica e fatevi mandare tutto per iscritto.',
  'Scrivo qui perché chi chiama sappia che può pretendere una risposta diretta, e che non deve accettare un «non si può» senza spiegazioni.',
  'Molti colleghi fanno bene il loro lavoro nonostante queste regole, non grazie a esse.',
  'Ho visto clienti rinunciare dopo venti minuti di telefonata, convinti di non avere scelta. Non è così: il recesso è un diritto.',
  'Se un operatore vi mette fretta, prendetevi tempo: una proposta seria può aspettare che la leggiate per iscritto.',
] as const;
