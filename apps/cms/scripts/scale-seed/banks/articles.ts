/**
 * Phrase banks of the generated articles: practical guides on the topics
 * of the site (what an operator claims, what the rules say, how to act).
 * Placeholders: {topic} / {topicLower}, {claim}, {n}, {year}, {days}.
 */

export interface ArticleTopic {
  /** Capitalised noun phrase ("La disdetta della pay TV"). */
  topic: string;
  /** The absurd claim readers hear on the phone about it. */
  claim: string;
  /** What actually applies, one sentence. */
  rule: string;
}

export const ARTICLE_TOPICS: readonly ArticleTopic[] = [
  { topic: 'La disdetta della pay TV', claim: 'per disdire serve per forza la raccomandata', rule: 'Si può recedere con le stesse modalità usate per attivare il contratto, anche online o con una PEC.' },
  { topic: 'Il conguaglio della luce', claim: 'il conguaglio è dovuto e non si può contestare', rule: 'Un conguaglio si può contestare con un reclamo scritto, e i consumi fatturati oltre i due anni sono prescritti.' },
  { topic: 'La lettura del contatore del gas', claim: 'la lettura la decide il distributore, noi non possiamo farci niente', rule: 'Il cliente può comunicare l\'autolettura, e il venditore deve tenerne conto o spiegare per iscritto perché non lo fa.' },
  { topic: 'Il cambio di fornitore non richiesto', claim: 'il contratto è valido perché ha detto sì al telefono', rule: 'Un contratto concluso al telefono va confermato per iscritto e si può annullare come non richiesto.' },
  { topic: 'Il recesso dai contratti telefonici', claim: 'per disdire deve pagare tutti i mesi che mancano', rule: 'Le penali per il recesso anticipato sono limitate ai costi realmente sostenuti dall\'operatore.' },
  { topic: 'I resi negli acquisti online', claim: 'il reso è accettato solo con la confezione originale sigillata', rule: 'Negli acquisti a distanza si ha diritto di recesso entro quattordici giorni, anche se la confezione è stata aperta.' },
  { topic: 'La garanzia legale', claim: 'la garanzia vale solo un anno', rule: 'La garanzia legale di conformità dura due anni dalla consegna ed è dovuta dal venditore.' },
  { topic: 'Le polizze abbinate ai prestiti', claim: 'senza la polizza il prestito non si può avere', rule: 'Una polizza facoltativa non può essere imposta, e chi l\'ha sottoscritta può recedere nei termini previsti.' },
  { topic: 'Il Registro pubblico delle opposizioni', claim: 'se è iscritto al registro non la chiamiamo, questa è solo una verifica', rule: 'Chi è iscritto al Registro non può ricevere chiamate commerciali, nemmeno presentate come «verifiche».' },
  { topic: 'La registrazione delle chiamate', claim: 'la registrazione non si può avere', rule: 'La registrazione con cui si conclude un contratto è un dato personale del cliente, che può chiederne copia.' },
  { topic: 'La conciliazione gratuita', claim: 'se non è d\'accordo può solo fare causa', rule: 'Prima di un giudizio si può ricorrere a una conciliazione gratuita, spesso online.' },
  { topic: 'Le promozioni a tempo', claim: 'lo sconto vale per sempre', rule: 'Durata e condizioni di una promozione devono essere scritte nel contratto: ciò che conta è il testo, non la voce al telefono.' },
];

export const ARTICLE_TITLES = [
  '«{Claim}»: che cosa dice davvero la regola',
  '{topic}: {n} cose da sapere prima di chiamare il servizio clienti',
  'Perché al call center ti dicono «{claim}»',
  '{topic}, la guida pratica per non perdere tempo al telefono',
  '{topic} nel {year}: domande e risposte precise',
  'Diario del progetto: le vostre storie su {topicLower}',
  'Telemarketing e {topicLower}: come difendersi',
] as const;

export const ARTICLE_OPENINGS = [
  'Ogni settimana ci scrivete per raccontarci la stessa frase, detta con sicurezza da un operatore: «{claim}». Vale la pena fermarsi un momento e guardare come stanno davvero le cose.',
  'È una delle risposte che arrivano più spesso nelle vostre testimonianze: «{claim}». Detta al telefono sembra definitiva, ma raramente lo è.',
  'Chi lavora in un call center la conosce bene, perché è scritta negli script: «{claim}». Chi la riceve, invece, di solito ci crede e rinuncia.',
] as const;

export const ARTICLE_CONTEXT = [
  'Il problema non è quasi mai la cattiva fede del singolo operatore. È un sistema che misura le chiamate in minuti e non in problemi risolti, con una formazione ridotta all\'osso e un personale che cambia di continuo.',
  'Quando l\'assistenza è affidata in outsourcing, chi risponde spesso vede solo una parte della pratica e legge risposte preparate da altri, che non sempre sono aggiornate.',
  'Dietro una risposta sbagliata ci sono quasi sempre tre cose: informazioni vecchie sullo schermo, la fretta di chiudere la chiamata e nessuno che abbia il tempo di verificare.',
] as const;

export const ARTICLE_RIGHTS = [
  'Chiedere sempre il numero della pratica e il nome, o il codice, dell\'operatore.',
  'Farsi mandare per iscritto ogni proposta e ogni promessa fatta al telefono.',
  'Annotare data e ora di ogni chiamata: servirà nel reclamo.',
  'Usare la PEC o la raccomandata per i reclami, così resta una prova dell\'invio.',
  'Ricordare che il recesso è un diritto, non una concessione del call center.',
  'Non dire «sì» a domande di cui non si capisce lo scopo.',
  'Chiedere copia della registrazione quando un contratto è stato concluso al telefono.',
] as const;

export const ARTICLE_STEPS = [
  'Scrivete un reclamo breve e preciso, con date, importi e numero della pratica.',
  'Inviatelo con un mezzo che lasci traccia, come la PEC.',
  'Aspettate la risposta scritta nei tempi previsti, senza ripetere le telefonate.',
  'Se la risposta non arriva o non vi convince, chiedete la conciliazione gratuita.',
  'Conservate tutto: bollette, e-mail, appunti delle telefonate.',
] as const;

export const ARTICLE_CLOSINGS = [
  'Se vi è capitato qualcosa di simile, raccontatecelo: ogni testimonianza aiuta qualcun altro a non arrendersi alla prima risposta.',
  'Nelle prossime settimane torneremo sull\'argomento con le vostre domande. Intanto, ricordate: una risposta detta al telefono non vale più di quello che c\'è scritto nel contratto.',
  'Chi lavora bene nei call center sarà il primo a darci ragione: il cliente informato è quello che fa perdere meno tempo a tutti.',
] as const;

export const ARTICLE_HEADINGS = {
  context: ['Perché te lo dicono', 'Da dove nasce la risposta sbagliata', 'Che cosa succede dall\'altra parte del telefono'],
  rights: ['Che cosa puoi fare', 'I tuoi diritti in pratica', 'Le regole da ricordare'],
  steps: ['Come muoversi, passo per passo', 'Se la risposta non arriva', 'La strada più breve'],
} as const;
