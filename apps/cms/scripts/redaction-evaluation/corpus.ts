import type { PersonalDataKind } from '../../src/redaction/types';

export interface CorpusExample {
  text: string;
  /** Every finding the detector must report, in textual order; empty for a negative example. */
  expected: Array<{ kind: PersonalDataKind; match: string }>;
}

/**
 * Sentences in the style of the testimonies the site receives. All the data is
 * invented: phone numbers, names and codes belong to nobody (codice fiscale
 * and IBAN examples carry valid check characters so that they exercise the
 * validation). Positive examples first, then negative ones that must produce
 * no finding at all.
 */
export const REDACTION_CORPUS: CorpusExample[] = [
  // ——— phone ———
  {
    text: 'Mi hanno richiamato dal 333 123 4567 per tre giorni di fila, anche di domenica.',
    expected: [{ kind: 'phone', match: '333 123 4567' }],
  },
  {
    text: 'Se volete conferma, il mio numero è +39 347 1234567: chiamatemi pure.',
    expected: [{ kind: 'phone', match: '+39 347 1234567' }],
  },
  {
    text: 'Ho lasciato il fisso di casa, 06 1234567, ma l\'operatore continuava a chiamare il cellulare.',
    expected: [{ kind: 'phone', match: '06 1234567' }],
  },
  {
    text: 'Il tecnico doveva richiamarmi allo 02-12345678 e non l\'ha mai fatto.',
    expected: [{ kind: 'phone', match: '02-12345678' }],
  },
  {
    text: 'Il venditore mi ha scritto su WhatsApp dal 3331234567 dicendo che l\'offerta scadeva oggi.',
    expected: [{ kind: 'phone', match: '3331234567' }],
  },
  {
    text: 'Numero da cui chiamano: 0039 340.987.6543, segnalatelo anche voi.',
    expected: [{ kind: 'phone', match: '0039 340.987.6543' }],
  },
  {
    text: 'Potete contattarmi allo 011/4567890 in orario d\'ufficio.',
    expected: [{ kind: 'phone', match: '011/4567890' }],
  },
  {
    text: 'Hanno attivato la linea sul numero 0444 123456 senza che io avessi firmato nulla.',
    expected: [{ kind: 'phone', match: '0444 123456' }],
  },
  {
    text: 'Il call center mi chiamava dal (+39) 328 765 43 21 fingendosi il mio gestore.',
    expected: [{ kind: 'phone', match: '(+39) 328 765 43 21' }],
  },
  {
    text: 'Ho ricevuto la chiamata sul fisso (+39 06 1234567) e poi sul cellulare, 347-1234567.',
    expected: [{ kind: 'phone', match: '+39 06 1234567' }, { kind: 'phone', match: '347-1234567' }],
  },
  // ——— email ———
  {
    text: 'Ho mandato il reclamo da giulia.bianchi82@libero.it e non mi hanno mai risposto.',
    expected: [{ kind: 'email', match: 'giulia.bianchi82@libero.it' }],
  },
  {
    text: 'Scrivetemi pure a marco_rossi@gmail.com se vi servono le registrazioni.',
    expected: [{ kind: 'email', match: 'marco_rossi@gmail.com' }],
  },
  {
    text: 'Per qualsiasi cosa: luca.verdi@outlook.it oppure 339/8765432.',
    expected: [{ kind: 'email', match: 'luca.verdi@outlook.it' }, { kind: 'phone', match: '339/8765432' }],
  },
  {
    text: 'La mia mail è anna.ferri[at]yahoo.it, l\'ho scritta così per evitare lo spam.',
    expected: [{ kind: 'email', match: 'anna.ferri[at]yahoo.it' }],
  },
  // ——— codice fiscale ———
  {
    text: 'L\'operatore mi ha chiesto di dettare il codice fiscale RSSMRA85T10A562S e poi ha detto che non risultava.',
    expected: [{ kind: 'codice_fiscale', match: 'RSSMRA85T10A562S' }],
  },
  {
    text: 'Nel contratto c\'era scritto BNCGLI90A41F205H, ma quello non è il mio codice fiscale!',
    expected: [{ kind: 'codice_fiscale', match: 'BNCGLI90A41F205H' }],
  },
  {
    text: 'il mio cf è vrdlcu78c12h501w, ve lo scrivo per far vedere che l\'hanno sbagliato nel contratto.',
    expected: [{ kind: 'codice_fiscale', match: 'vrdlcu78c12h501w' }],
  },
  {
    text: 'Mio marito ha un codice fiscale con omocodia, RSSMRA85T10A56NH, e il sistema del gestore lo rifiutava.',
    expected: [{ kind: 'codice_fiscale', match: 'RSSMRA85T10A56NH' }],
  },
  {
    text: 'Codice fiscale: FRRSRA92E55L219X (l\'hanno trascritto male loro, l\'ultima lettera è sbagliata).',
    expected: [{ kind: 'codice_fiscale', match: 'FRRSRA92E55L219X' }],
  },
  // ——— IBAN ———
  {
    text: 'Mi hanno addebitato due volte sul conto IT60 X054 2811 1010 0000 0123 456 la stessa bolletta.',
    expected: [{ kind: 'iban', match: 'IT60 X054 2811 1010 0000 0123 456' }],
  },
  {
    text: 'Ho comunicato il nuovo IBAN IT61X0306909606100000012345 ma gli addebiti arrivavano ancora sul vecchio.',
    expected: [{ kind: 'iban', match: 'IT61X0306909606100000012345' }],
  },
  {
    text: 'Il rimborso doveva arrivare su IT36 Z020 0805 3640 0010 4123 456, sono passati sei mesi.',
    expected: [{ kind: 'iban', match: 'IT36 Z020 0805 3640 0010 4123 456' }],
  },
  {
    text: 'Vivo in Germania e il mio conto è DE89 3704 0044 0532 0130 00: la domiciliazione non l\'hanno mai accettata.',
    expected: [{ kind: 'iban', match: 'DE89 3704 0044 0532 0130 00' }],
  },
  {
    text: 'Mi hanno chiesto un bonifico su un conto francese, FR1420041010050500013M02606, per sbloccare la pratica.',
    expected: [{ kind: 'iban', match: 'FR1420041010050500013M02606' }],
  },
  {
    text: 'Ho un conto a San Marino (SM05A0306909606100000063417) e per loro non era un IBAN valido.',
    expected: [{ kind: 'iban', match: 'SM05A0306909606100000063417' }],
  },
  // ——— POD ———
  {
    text: 'Il POD della mia utenza è IT001E12345678 e risultava intestato a un\'altra persona.',
    expected: [{ kind: 'pod', match: 'IT001E12345678' }],
  },
  {
    text: 'Sulla bolletta il codice POD IT 012 E 87654321 era diverso da quello del contratto.',
    expected: [{ kind: 'pod', match: 'IT 012 E 87654321' }],
  },
  {
    text: 'Mi hanno fatto lo switch della luce sul punto IT020E00012345 senza il mio consenso.',
    expected: [{ kind: 'pod', match: 'IT020E00012345' }],
  },
  // ——— PDR ———
  {
    text: 'Il PDR del gas è 01234567890123, lo trovate in alto a destra in bolletta.',
    expected: [{ kind: 'pdr', match: '01234567890123' }],
  },
  {
    text: 'Per il punto di riconsegna 0012 3456 7890 12 risultavano due contratti attivi.',
    expected: [{ kind: 'pdr', match: '0012 3456 7890 12' }],
  },
  {
    text: 'Il numero 15001234567890 che mi chiedevano era quello del contatore del gas.',
    expected: [{ kind: 'pdr', match: '15001234567890' }],
  },
  {
    text: 'Dal POD IT001E11223344 e dal PDR 00881234567890 risultano due forniture a mio nome.',
    expected: [{ kind: 'pod', match: 'IT001E11223344' }, { kind: 'pdr', match: '00881234567890' }],
  },
  // ——— customer code ———
  {
    text: 'Il mio codice cliente è 1.234.567 e lo ripetevo a ogni chiamata.',
    expected: [{ kind: 'customer_code', match: '1.234.567' }],
  },
  {
    text: 'Cod. cliente 9876543210, cliente dal 2005, trattato come uno sconosciuto.',
    expected: [{ kind: 'customer_code', match: '9876543210' }],
  },
  {
    text: 'Mi hanno chiesto il numero cliente: C0012345678, poi la linea è caduta.',
    expected: [{ kind: 'customer_code', match: 'C0012345678' }],
  },
  {
    text: 'Con l\'ID cliente 55123987 non risultava nessun ordine.',
    expected: [{ kind: 'customer_code', match: '55123987' }],
  },
  {
    text: 'Numero utente 1234 5678 90, ve lo scrivo perché tanto l\'account è chiuso.',
    expected: [{ kind: 'customer_code', match: '1234 5678 90' }],
  },
  {
    text: 'Il codice cliente 0612345678 assomiglia a un numero di telefono, ma non lo è.',
    expected: [{ kind: 'customer_code', match: '0612345678' }],
  },
  // ——— contract code ———
  {
    text: 'Il numero contratto 123456789 non esisteva nei loro sistemi.',
    expected: [{ kind: 'contract_code', match: '123456789' }],
  },
  {
    text: 'Mi hanno mandato il n. contratto 2019/004567 per raccomandata.',
    expected: [{ kind: 'contract_code', match: '2019/004567' }],
  },
  {
    text: 'Numero pratica: RIC-2020-0789123, aperta a febbraio e mai chiusa.',
    expected: [{ kind: 'contract_code', match: 'RIC-2020-0789123' }],
  },
  {
    text: 'Il codice migrazione TLC0012345678901ABC non era corretto, così il passaggio è saltato.',
    expected: [{ kind: 'contract_code', match: 'TLC0012345678901ABC' }],
  },
  {
    text: 'Il contratto n. 00012345 risultava disdetto, ma continuavano a fatturare.',
    expected: [{ kind: 'contract_code', match: '00012345' }],
  },
  {
    text: 'Ticket #4455667 aperto il 3 marzo e mai risolto.',
    expected: [{ kind: 'contract_code', match: '4455667' }],
  },
  // ——— person name ———
  {
    text: 'L\'operatrice Giulia mi ha assicurato che il recesso era gratuito.',
    expected: [{ kind: 'person_name', match: 'Giulia' }],
  },
  {
    text: 'Ho chiesto di parlare con un responsabile e mi ha risposto il sig. Mario Rossi, molto scortese.',
    expected: [{ kind: 'person_name', match: 'Mario Rossi' }],
  },
  {
    text: 'La sig.ra Bianchi del servizio clienti ha riattaccato due volte.',
    expected: [{ kind: 'person_name', match: 'Bianchi' }],
  },
  {
    text: 'Mi ha richiamato un operatore di nome Luca, diceva di essere dell\'ufficio reclami.',
    expected: [{ kind: 'person_name', match: 'Luca' }],
  },
  {
    text: 'La dott.ssa Ferraris dell\'ufficio legale ha confermato tutto per iscritto.',
    expected: [{ kind: 'person_name', match: 'Ferraris' }],
  },
  {
    text: 'Il signor Giuseppe Esposito, che si presentava come consulente, mi ha fatto firmare sul tablet.',
    expected: [{ kind: 'person_name', match: 'Giuseppe Esposito' }],
  },
  {
    text: 'Ho ancora la registrazione in cui l\'operatore Marco De Santis promette lo sconto.',
    expected: [{ kind: 'person_name', match: 'Marco De Santis' }],
  },
  // ——— url ———
  {
    text: 'Il link per il rimborso era https://rimborsi-bollette.example.com/login?id=8821, ovviamente una truffa.',
    expected: [{ kind: 'url', match: 'https://rimborsi-bollette.example.com/login?id=8821' }],
  },
  {
    text: 'Guardate le recensioni su www.recensioni-callcenter.it/azienda/123.',
    expected: [{ kind: 'url', match: 'www.recensioni-callcenter.it/azienda/123' }],
  },
  {
    text: 'Mi hanno mandato un SMS con http://bit.ly/3xYz9Q per confermare l\'attivazione.',
    expected: [{ kind: 'url', match: 'http://bit.ly/3xYz9Q' }],
  },
  // ——— several kinds ———
  {
    text: 'Sono Anna, codice cliente 40012345, telefono 348 555 1234, e-mail anna.conti@tiscali.it: nessuno mi ha mai richiamato.',
    expected: [
      { kind: 'customer_code', match: '40012345' },
      { kind: 'phone', match: '348 555 1234' },
      { kind: 'email', match: 'anna.conti@tiscali.it' },
    ],
  },
  {
    text: 'L\'operatore Stefano mi ha letto il mio IBAN IT41K0760103200001234567890 e il mio codice fiscale NREMRC80R22G27PT ad alta voce.',
    expected: [
      { kind: 'person_name', match: 'Stefano' },
      { kind: 'iban', match: 'IT41K0760103200001234567890' },
      { kind: 'codice_fiscale', match: 'NREMRC80R22G27PT' },
    ],
  },

  // ——— more formats ———
  {
    text: 'Chiamate ogni giorno dal 02 8765 4321, un numero di Milano.',
    expected: [{ kind: 'phone', match: '02 8765 4321' }],
  },
  {
    text: 'Il mio cell. è 320.123.45.67, scrivetemi lì.',
    expected: [{ kind: 'phone', match: '320.123.45.67' }],
  },
  {
    text: 'Mi chiamavano dal +39 0521 123456 e dal 0521/654321, a qualsiasi ora.',
    expected: [{ kind: 'phone', match: '+39 0521 123456' }, { kind: 'phone', match: '0521/654321' }],
  },
  {
    text: 'Il numero che compariva era 333 - 1234567, sempre lo stesso.',
    expected: [{ kind: 'phone', match: '333 - 1234567' }],
  },
  {
    text: 'Mi ha scritto Paolo.Neri@Hotmail.IT per dirmi che avevo vinto un telefono.',
    expected: [{ kind: 'email', match: 'Paolo.Neri@Hotmail.IT' }],
  },
  {
    text: 'IBAN: IT 60 X 05428 11101 000000123456, l\'ho dovuto dettare tre volte.',
    expected: [{ kind: 'iban', match: 'IT 60 X 05428 11101 000000123456' }],
  },
  {
    text: 'Conto spagnolo ES91 2100 0418 4502 0005 1332, mai accettato per la domiciliazione.',
    expected: [{ kind: 'iban', match: 'ES91 2100 0418 4502 0005 1332' }],
  },
  {
    text: 'pod it001e98765432 intestato a mia madre, che in quella casa non vive più.',
    expected: [{ kind: 'pod', match: 'it001e98765432' }],
  },
  {
    text: 'Il codice PDR 1234 5678 9012 34 è sbagliato in fattura.',
    expected: [{ kind: 'pdr', match: '1234 5678 9012 34' }],
  },
  {
    text: 'Codice Cliente: 7001234567 (lo scrivo perché tanto ho cambiato gestore).',
    expected: [{ kind: 'customer_code', match: '7001234567' }],
  },
  {
    text: 'Il codice cliente è il 4455 6677, ma ogni operatore ne leggeva uno diverso.',
    expected: [{ kind: 'customer_code', match: '4455 6677' }],
  },
  {
    text: 'Nel modulo c\'era il numero di contratto 8812345-A, che non era il mio.',
    expected: [{ kind: 'contract_code', match: '8812345-A' }],
  },
  {
    text: 'La pratica n° 2021-556677 è stata chiusa d\'ufficio.',
    expected: [{ kind: 'contract_code', match: '2021-556677' }],
  },
  {
    text: 'Mi ha risposto l\'operatrice Chiara e poi la sua collega Francesca.',
    expected: [{ kind: 'person_name', match: 'Chiara' }, { kind: 'person_name', match: 'Francesca' }],
  },
  {
    text: 'la signora D\'Amico, responsabile di zona, non ha mai richiamato.',
    expected: [{ kind: 'person_name', match: 'D\'Amico' }],
  },
  {
    text: '«Buongiorno, sono Federica, come posso aiutarla?» Così iniziava ogni chiamata.',
    expected: [{ kind: 'person_name', match: 'Federica' }],
  },
  {
    text: 'Mi chiamo Roberta Sala e vi scrivo per la terza volta.',
    expected: [{ kind: 'person_name', match: 'Roberta Sala' }],
  },
  {
    text: 'Le condizioni erano scritte in piccolo su https://www.example.org, ma chi le legge?',
    expected: [{ kind: 'url', match: 'https://www.example.org' }],
  },

  // ——— negative examples: nothing to find ———
  { text: 'L\'abbonamento costava 29,99 euro al mese, poi è diventato 35,99 senza preavviso.', expected: [] },
  { text: 'Il contratto è stato firmato il 12/03/2019 e disdetto il 01/02/2020.', expected: [] },
  { text: 'Mi hanno chiamato alle 21.30 di sera, e di nuovo alle 08:15 del mattino dopo.', expected: [] },
  { text: 'Dal 2001 al 2016 ho lavorato in un call center di Roma.', expected: [] },
  { text: 'L\'aumento annunciato era del 12,5% ma in bolletta risultava un +30%.', expected: [] },
  { text: 'Il vincolo era di 24 mesi, ma nessuno me l\'aveva detto.', expected: [] },
  { text: 'L\'ordine n. 345 è arrivato dopo 45 giorni.', expected: [] },
  { text: 'L\'operatore mi ha passato un collega che mi ha passato un altro collega.', expected: [] },
  { text: 'Ho chiamato l\'800 123 456 e dopo 40 minuti di attesa è caduta la linea.', expected: [] },
  { text: 'Il numero verde 803.116 risponde solo in orario d\'ufficio; il 187 e il 119 pure.', expected: [] },
  { text: 'La fattura di 148,50 € comprendeva servizi mai richiesti.', expected: [] },
  { text: 'Il Codice del consumo, art. 52, dà 14 giorni per il ripensamento.', expected: [] },
  { text: 'Secondo la delibera 252/16/CONS le fatture devono essere mensili.', expected: [] },
  { text: 'Ho inviato la raccomandata in via Nazionale 12, 00184 Roma, e nessuno l\'ha ritirata.', expected: [] },
  { text: 'La bolletta di marzo era il doppio di quella di febbraio.', expected: [] },
  { text: 'Sono cliente Vodafone da dieci anni e con TIM mi era andata anche peggio.', expected: [] },
  { text: 'L\'operatore Vodafone mi ha detto che il recesso costava 100 euro.', expected: [] },
  { text: 'L\'operatrice non sapeva nemmeno quale fosse la mia offerta.', expected: [] },
  { text: 'Il signore al telefono parlava velocissimo e non si capiva niente.', expected: [] },
  { text: 'Ho comprato su Amazon.it e il reso è stato gestito in 3 giorni.', expected: [] },
  { text: 'Il Regolamento (UE) 2016/679 prevede il diritto di accesso alle registrazioni.', expected: [] },
  { text: 'Il decreto legislativo 206/2005 è il Codice del consumo.', expected: [] },
  { text: 'Ho pagato 1.250,00 euro di penali in 3 rate.', expected: [] },
  { text: 'Ho parlato con tre operatori diversi: la prima diceva una cosa, il secondo un\'altra.', expected: [] },
  { text: 'Il modem costava 5 euro al mese per 48 mesi, totale 240 euro.', expected: [] },
  { text: 'Il consumo annuo stimato era di 2.700 kWh e 1.200 Smc.', expected: [] },
  { text: 'L\'offerta Fibra 1000 costava 24,90 euro al mese IVA inclusa.', expected: [] },
  { text: 'Ho scritto a redazione@chiudeteicallcenter.eu per raccontare la mia storia.', expected: [] },
  { text: 'Mi ha risposto l\'operatore Sky, poi un operatore di Fastweb, poi l\'operatore Enel Energia.', expected: [] },
  { text: 'Chiamavano dalle 09.00-13.00 e dalle 14.00-18.00, sempre dallo stesso centralino.', expected: [] },
  { text: 'Il mio ordine numero 123 è stato annullato senza spiegazioni.', expected: [] },
  { text: 'Il servizio clienti del gas risponde al 800 900 860 solo la mattina.', expected: [] },
  { text: 'Gentile Sig. Cliente, la sua pratica è in lavorazione.', expected: [] },
  { text: 'La promozione valeva dal 01.01.2020 al 31.12.2021, poi il prezzo è raddoppiato.', expected: [] },
  { text: 'Il codice cliente lo trovate in alto a destra nella bolletta.', expected: [] },
  { text: 'Ho chiesto all\'operatrice: «Mi passa un responsabile?» e lei ha riattaccato.', expected: [] },
  { text: 'La mia bolletta è passata da 350 a 900 euro in un anno, nel 2022.', expected: [] },
  { text: 'Ho chiamato il 199 123 456 a pagamento, 1,50 euro al minuto.', expected: [] },
  { text: 'Fattura n. 0123456789 del 15/05/2022 con un importo sbagliato.', expected: [] },
  { text: 'La legge 40/2007 (Bersani) permette di recedere senza penali.', expected: [] },
  { text: 'Negli anni \'90 ho perso 300.000.000 di lire con un\'assicurazione.', expected: [] },
  { text: 'Il numero verde 800.894.500 non risponde mai.', expected: [] },
  { text: 'L\'offerta si chiamava Fibra Premium ma di premium non aveva niente.', expected: [] },
  { text: 'Il tecnico Fastweb è venuto dopo 20 giorni, il 30 06 2020.', expected: [] },
  { text: 'Ho chiamato l\'operatore Kena Mobile e poi, disperata, il 112.', expected: [] },
  { text: 'La P.IVA 01234567890 della ditta era scritta in fondo al contratto.', expected: [] },
];

/**
 * Known misses, kept out of the corpus (whose examples must all pass) so that
 * the quality script can show them: names without an introducing word,
 * numbers spelled out, obfuscated or foreign formats, bare domains, an IBAN
 * missing a digit.
 */
export const REDACTION_KNOWN_MISSES: CorpusExample[] = [
  { text: 'Mi ha chiamato Giovanni dal call center.', expected: [{ kind: 'person_name', match: 'Giovanni' }] },
  { text: 'Marco mi ha detto di non preoccuparmi.', expected: [{ kind: 'person_name', match: 'Marco' }] },
  {
    text: 'Scrivetemi a mario punto rossi chiocciola gmail punto com.',
    expected: [{ kind: 'email', match: 'mario punto rossi chiocciola gmail punto com' }],
  },
  { text: 'Vivo in Svizzera, +41 79 123 45 67.', expected: [{ kind: 'phone', match: '+41 79 123 45 67' }] },
  { text: 'Il fisso è 06.12.34.56.', expected: [{ kind: 'phone', match: '06.12.34.56' }] },
  { text: 'Il sito era truffa-offerte.it, chiuso dopo un mese.', expected: [{ kind: 'url', match: 'truffa-offerte.it' }] },
  {
    text: 'IBAN IT60 X054 2811 1010 0000 0123 45 (manca una cifra).',
    expected: [{ kind: 'iban', match: 'IT60 X054 2811 1010 0000 0123 45' }],
  },
];
