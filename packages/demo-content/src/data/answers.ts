import { blocks, h2, p, ul } from '../blocks';
import type { AnswerSeed } from './types';

const normattiva = (urn: string): string => `https://www.normattiva.it/uri-res/N2Ls?${urn}`;

const CODICE_CONSUMO = 'urn:nir:stato:decreto.legislativo:2005-09-06;206';
const DECRETO_BERSANI = 'urn:nir:stato:decreto.legge:2007-01-31;7';
const LEGGE_CONCORRENZA_2017 = 'urn:nir:stato:legge:2017-08-04;124';

/** "Risposte precise": what the operator said vs. what the law says. */
export const ANSWERS: AnswerSeed[] = [
  {
    title: 'Posso disdire il contratto prima dei 24 mesi?',
    slug: 'posso-disdire-prima-dei-24-mesi',
    verdict: 'Sì, puoi disdire quando vuoi, con al massimo 30 giorni di preavviso: il «vincolo» decide solo che cosa puoi dover pagare uscendo prima.',
    verifiedAt: '2026-11-18',
    sector: 'telefonia',
    operatorClaim: 'Non può disdire prima di 24 mesi: il contratto ha un vincolo e fino ad allora non può recedere.',
    articles: ['prova-puoi-disdire-quando-vuoi'],
    correctAnswer: blocks(
      p(
        '**Sì, puoi disdire quando vuoi.** Nei contratti di telefonia, internet e pay TV il recesso è sempre possibile, in qualunque momento, con un preavviso massimo di **30 giorni**. Lo stabilisce il decreto Bersani (decreto-legge 7/2007, convertito dalla legge 40/2007).',
      ),
      p(
        'Il «vincolo» di 24 mesi non ti impedisce di andartene: significa soltanto che, se esci prima, l\'operatore può chiederti alcune somme. Quali?',
      ),
      ul(
        'le **spese di disattivazione**, che devono corrispondere ai costi reali sostenuti dall\'operatore ed essere indicate nel contratto;',
        'la **restituzione degli sconti** ricevuti con la promozione, che deve essere equa e proporzionata al valore del contratto e alla durata residua;',
        'le **rate residue** di modem, decoder o telefono comprati a rate, che puoi di solito scegliere se pagare in un\'unica soluzione o continuare a pagare.',
      ),
      p(
        'Inoltre, se il contratto è stato concluso al telefono o online, nei primi **14 giorni** puoi recedere senza pagare nulla e senza dare spiegazioni (Codice del consumo, articolo 52).',
      ),
      h2('Che cosa fare'),
      p(
        'Chiedi per iscritto il dettaglio dei costi di uscita e invia il recesso con le stesse modalità che hai usato per attivare il contratto. Se ti vengono addebitate somme che ritieni ingiuste, fai reclamo e, se non basta, chiedi la conciliazione su [ConciliaWeb](https://conciliaweb.agcom.it).',
      ),
    ),
    legalReferences: [
      {
        label: 'Decreto-legge 31 gennaio 2007, n. 7 (decreto Bersani), art. 1, comma 3, convertito dalla legge 2 aprile 2007, n. 40',
        url: normattiva(`${DECRETO_BERSANI}~art1`),
      },
      {
        label: 'Legge 4 agosto 2017, n. 124 (legge annuale per il mercato e la concorrenza), art. 1, comma 41',
        url: normattiva(LEGGE_CONCORRENZA_2017),
      },
      {
        label: 'Codice del consumo (d.lgs. 206/2005), art. 52: diritto di recesso entro 14 giorni',
        url: normattiva(`${CODICE_CONSUMO}~art52`),
      },
      {
        label: 'AGCOM, delibera n. 487/18/CONS: linee guida sulle modalità di dismissione e trasferimento dell\'utenza nei contratti per adesione',
        url: 'https://www.agcom.it',
      },
    ],
  },
  {
    title: 'Il contratto della luce concluso al telefono è già valido?',
    slug: 'contratto-luce-concluso-al-telefono',
    verdict: 'No: un sì al telefono non basta. Sei vincolato solo dopo aver accettato l\'offerta per iscritto, e hai comunque 14 giorni per ripensarci.',
    verifiedAt: '2026-11-18',
    sector: 'luce',
    operatorClaim: 'Lei ha detto sì al telefono e la chiamata è registrata: il contratto è concluso e non si può più tornare indietro.',
    articles: ['la-registrazione-della-chiamata-chi-protegge-davvero', 'telemarketing-aggressivo-sei-cose-da-sapere'],
    correctAnswer: blocks(
      p(
        '**No, un sì al telefono da solo non basta.** Quando un contratto ti viene proposto per telefono, il venditore deve confermarti l\'offerta su un supporto durevole (per esempio carta o e-mail), e tu sei vincolato **solo dopo averla firmata o accettata per iscritto**. Lo prevede l\'articolo 51, comma 6, del Codice del consumo.',
      ),
      p(
        'E anche dopo averla accettata hai **14 giorni di tempo per recedere**, senza penali e senza dover spiegare perché (articolo 52). Per i contratti di luce e gas il termine decorre dalla conclusione del contratto.',
      ),
      h2('Se la fornitura è già stata attivata'),
      ul(
        'se non hai mai accettato per iscritto, si tratta di un **contratto non richiesto**: non sei tenuto a pagare nulla per la fornitura non richiesta (articolo 66-quinquies);',
        'scrivi subito al nuovo venditore contestando il contratto e chiedi di tornare al tuo fornitore precedente;',
        'se non ricevi una risposta soddisfacente, puoi rivolgerti al Servizio Conciliazione dell\'ARERA.',
      ),
      p(
        'La registrazione della chiamata non cambia le cose: può dimostrare che cosa ti è stato detto, ma non sostituisce l\'accettazione scritta dell\'offerta.',
      ),
    ),
    legalReferences: [
      {
        label: 'Codice del consumo (d.lgs. 206/2005), art. 51, comma 6: contratti conclusi per telefono',
        url: normattiva(`${CODICE_CONSUMO}~art51`),
      },
      {
        label: 'Codice del consumo, art. 52: diritto di recesso entro 14 giorni',
        url: normattiva(`${CODICE_CONSUMO}~art52`),
      },
      {
        label: 'Codice del consumo, art. 66-quinquies: fornitura non richiesta',
        url: normattiva(`${CODICE_CONSUMO}~art66quinquies`),
      },
      {
        label: 'ARERA, delibera 366/2018/R/com: Codice di condotta commerciale per la vendita di energia elettrica e gas',
        url: 'https://www.arera.it',
      },
    ],
  },
  {
    title: 'Per disdire l\'abbonamento serve per forza la raccomandata?',
    slug: 'disdetta-serve-la-raccomandata',
    verdict: 'No: puoi disdire con le stesse forme con cui hai attivato il contratto, online o per telefono; la raccomandata (o la PEC) è solo una possibilità.',
    verifiedAt: '2026-11-20',
    sector: 'pay_tv',
    operatorClaim:
      'Per la disdetta deve mandare una raccomandata con ricevuta di ritorno: per telefono o online non è possibile.',
    articles: ['prova-puoi-disdire-quando-vuoi', 'per-avere-giustizia-devi-richiamare-lo-stesso-call-center'],
    correctAnswer: blocks(
      p(
        '**No.** Dal 2017 la legge stabilisce che le modalità per recedere da un contratto di telefonia, internet o pay TV devono essere **semplici e di immediata attivazione**, e devono seguire **le stesse forme usate per l\'attivazione**. Se hai sottoscritto l\'abbonamento online o per telefono, devi poterlo disdire online o per telefono.',
      ),
      p(
        'La raccomandata resta una possibilità, non un obbligo. E al suo posto puoi sempre usare la **PEC**, che per legge ha lo stesso valore di una raccomandata con ricevuta di ritorno.',
      ),
      h2('Che cosa fare'),
      ul(
        'cerca nell\'area clienti o nel sito dell\'operatore il modulo di recesso, che deve essere disponibile;',
        'in alternativa manda una PEC all\'indirizzo indicato nel contratto, con i dati dell\'abbonamento e la data da cui vuoi recedere;',
        'conserva la ricevuta: il preavviso (al massimo 30 giorni) decorre dalla data in cui l\'operatore riceve la richiesta.',
      ),
    ),
    legalReferences: [
      {
        label: 'Decreto-legge 31 gennaio 2007, n. 7 (decreto Bersani), art. 1, comma 3, come modificato dalla legge 124/2017',
        url: normattiva(`${DECRETO_BERSANI}~art1`),
      },
      {
        label: 'Legge 4 agosto 2017, n. 124, art. 1, comma 41: recesso con le stesse forme dell\'attivazione',
        url: normattiva(LEGGE_CONCORRENZA_2017),
      },
      {
        label: 'Codice dell\'amministrazione digitale (d.lgs. 82/2005), art. 48: valore legale della PEC',
        url: normattiva('urn:nir:stato:decreto.legislativo:2005-03-07;82~art48'),
      },
    ],
  },
  {
    title: 'Un prodotto comprato in offerta si può restituire?',
    slug: 'prodotto-in-offerta-si-puo-restituire',
    verdict: 'Sì: per gli acquisti online hai 14 giorni dalla consegna per recedere, anche se il prodotto era in offerta.',
    verifiedAt: '2026-11-24',
    sector: 'e_commerce',
    operatorClaim: 'Gli articoli in promozione non si possono rendere: il reso vale solo per i prodotti a prezzo pieno.',
    articles: ['per-avere-giustizia-devi-richiamare-lo-stesso-call-center'],
    correctAnswer: blocks(
      p(
        '**Sì.** Per gli acquisti online hai **14 giorni dalla consegna** per recedere, senza dare motivazioni e senza penali, qualunque sia il prezzo pagato. Lo sconto o la promozione non cancellano il diritto di recesso previsto dall\'articolo 52 del Codice del consumo.',
      ),
      p(
        'Il venditore deve rimborsarti **entro 14 giorni** dal momento in cui ha ricevuto la tua comunicazione di recesso, comprese le spese di consegna standard (articolo 56). Può aspettare di ricevere indietro il prodotto, o la prova che l\'hai spedito, prima di rimborsarti. Le spese per rispedire il prodotto sono a tuo carico solo se te lo aveva indicato prima dell\'acquisto.',
      ),
      h2('Le vere eccezioni'),
      p('Il recesso è escluso solo in casi precisi (articolo 59), per esempio:'),
      ul(
        'beni confezionati su misura o chiaramente personalizzati;',
        'beni che rischiano di deteriorarsi rapidamente;',
        'beni sigillati per motivi igienici o di salute, aperti dopo la consegna;',
        'registrazioni audio e video o software sigillati, aperti dopo la consegna.',
      ),
      p(
        'Se il venditore non ti ha informato del diritto di recesso, il termine si allunga di **12 mesi** (articolo 53).',
      ),
    ),
    legalReferences: [
      {
        label: 'Codice del consumo (d.lgs. 206/2005), art. 52: diritto di recesso entro 14 giorni',
        url: normattiva(`${CODICE_CONSUMO}~art52`),
      },
      {
        label: 'Codice del consumo, art. 56: obblighi del professionista nel caso di recesso (rimborso)',
        url: normattiva(`${CODICE_CONSUMO}~art56`),
      },
      {
        label: 'Codice del consumo, art. 59: eccezioni al diritto di recesso',
        url: normattiva(`${CODICE_CONSUMO}~art59`),
      },
    ],
  },
  {
    title: 'Il telemarketing può continuare a chiamarmi se dico di no?',
    slug: 'telemarketing-posso-oppormi',
    verdict: 'No: puoi opporti quando vuoi, gratis, e da quel momento l\'azienda non può più chiamarti per vendere.',
    verifiedAt: '2026-11-24',
    sector: 'altro',
    operatorClaim:
      'Il suo numero è negli elenchi pubblici: finché non si iscrive a qualche registro possiamo continuare a chiamarla.',
    articles: ['telemarketing-aggressivo-sei-cose-da-sapere'],
    correctAnswer: blocks(
      p(
        '**No.** Puoi opporti in qualunque momento, e gratuitamente, all\'uso dei tuoi dati per il marketing diretto: basta dirlo all\'operatore o scriverlo all\'azienda. Da quel momento l\'azienda **non può più chiamarti per fini commerciali**, che il tuo numero sia negli elenchi o no (articolo 21 del Regolamento europeo sulla protezione dei dati).',
      ),
      p(
        'In più, se il tuo numero fisso è presente negli elenchi telefonici pubblici, puoi iscriverlo al **Registro pubblico delle opposizioni**: chi fa telemarketing deve consultarlo e non può chiamare i numeri iscritti. La legge 5/2018 ne ha esteso la tutela anche ai numeri che non compaiono negli elenchi, cellulari compresi.',
      ),
      h2('Se continuano a chiamarti'),
      ul(
        'annota data, ora, numero chiamante e nome dell\'azienda per cui chiamano;',
        'scrivi all\'azienda ribadendo la tua opposizione e chiedendo da dove hanno preso i tuoi dati;',
        'se le chiamate continuano, presenta una segnalazione o un reclamo al Garante per la protezione dei dati personali.',
      ),
    ),
    legalReferences: [
      {
        label: 'Regolamento (UE) 2016/679 (GDPR), art. 21: diritto di opposizione al marketing diretto',
        url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
      },
      {
        label: 'D.P.R. 7 settembre 2010, n. 178: Registro pubblico delle opposizioni',
        url: normattiva('urn:nir:stato:decreto.del.presidente.della.repubblica:2010-09-07;178'),
      },
      {
        label: 'Legge 11 gennaio 2018, n. 5: nuove disposizioni sul Registro pubblico delle opposizioni',
        url: normattiva('urn:nir:stato:legge:2018-01-11;5'),
      },
      {
        label: 'Registro pubblico delle opposizioni: iscrizione gratuita',
        url: 'https://www.registrodelleopposizioni.it',
      },
    ],
  },
];
