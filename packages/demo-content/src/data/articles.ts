import { blocks, h2, p, quote, ul, ol } from '../blocks';
import type { ArticleSeed } from './types';

export const ARTICLES: ArticleSeed[] = [
  {
    title: 'Il caso legale contenuto nel romanzo «Per Amore e per Denaro»',
    slug: 'il-caso-legale-contenuto-nel-romanzo-per-amore-e-per-denaro',
    publicationDate: '2019-07-04',
    categories: ['il-libro', 'diario-del-progetto', 'dentro-il-call-center'],
    aboutBook: true,
    coverKicker: 'Com\'è nato il progetto',
    excerpt:
      'Molti lettori mi hanno chiesto se il caso legale del romanzo sia successo a me. No: viene dalla storia raccontata da una collega blogger, e il materiale raccolto era così tanto da diventare un progetto a parte.',
    seo: {
      metaTitle: 'Il caso legale del romanzo «Per Amore e per Denaro»',
      metaDescription:
        'Da dove viene il caso legale del romanzo, perché il materiale sui call center è diventato un progetto a parte e una prima risposta ai lettori.',
    },
    body: blocks(
      p(
        'Da quando è uscito *Per Amore e per Denaro*, la domanda che mi arriva più spesso non riguarda la trama né i personaggi, ma il caso legale che attraversa il romanzo. Molti lettori mi hanno scritto, con delicatezza e a volte con un po\' di preoccupazione: «È successo a te?»',
      ),
      p('La risposta è no. Non è una storia mia, e non è nemmeno del tutto inventata.'),
      h2('Da dove viene la storia'),
      p(
        'Tutto è cominciato con il racconto di una collega blogger. Aveva seguito da vicino la vicenda di una persona presa in un call center **come tirocinante** durante un periodo di picco, nonostante avesse **quindici anni di esperienza** nel settore. Finito il picco, è stata lasciata a casa, come si mette via un carico di lavoro in eccesso.',
      ),
      p(
        'Per capire come fosse possibile ho chiesto aiuto a un sindacalista, che con molta pazienza mi ha spiegato il contesto: le commesse che passano di mano, gli appalti al ribasso, i servizi di assistenza affidati **in outsourcing** a chi offre il prezzo più basso. Ogni risposta apriva altre domande, e quasi tutte riguardavano noi clienti.',
      ),
      h2('Troppo materiale per un romanzo'),
      p(
        'A un certo punto mi sono resa conto che il materiale raccolto era troppo. Un romanzo ha bisogno di ritmo, non può trasformarsi in un\'inchiesta. Così nel libro ho tenuto solo quello che serviva alla storia, e il resto è diventato questo progetto parallelo: un sito e un libro, [«Chiudete i Call Center in outsourcing»](/libro), che racconta un caso reale documentato parola per parola.',
      ),
      p(
        'Non lavoro da sola: scrivo a nome di tre consulenti che i call center li conoscono dall\'interno. Un formatore e un operatore che ci lavorano ancora, e un ex operatore che ci ha passato quindici anni, dal 2001 al 2016.',
      ),
      h2('Una prima risposta'),
      p(
        'Tra le domande arrivate in questi giorni ce n\'è una che ritorna sempre: **perché ogni operatore mi dice una cosa diversa?** La risposta breve è una parola sola, *turnover*. Quella lunga ha almeno tre pezzi:',
      ),
      ul(
        '**il personale cambia di continuo**: chi ti risponde oggi forse tra tre mesi non ci sarà più;',
        '**la formazione è ridotta all\'osso**: chi entra durante un picco viene messo al telefono dopo pochi giorni;',
        '**l\'esperienza non resta**: chi esce si porta via quello che ha imparato, e chi arriva ricomincia da capo.',
      ),
      p(
        'Ne parleremo meglio nelle prossime settimane. Intanto, se avete vissuto qualcosa di simile, da clienti o da operatori, potete [raccontarcelo](/testimonianze/invia).',
      ),
    ),
  },
  {
    title: 'Il mio primo hater',
    slug: 'il-mio-primo-hater',
    publicationDate: '2019-07-07',
    categories: ['diario-del-progetto', 'il-libro'],
    aboutBook: true,
    coverKicker: 'Diario del progetto',
    excerpt:
      'Il sito è online da due giorni e un operatore mi ha già insultata su Facebook per il titolo del libro, senza aver letto una riga. Gli rispondo qui: il titolo è una provocazione, e chi lavora per il cliente sarà d\'accordo con noi.',
    seo: {
      metaTitle: 'Il mio primo hater',
      metaDescription:
        'Un operatore mi ha insultata per il titolo del libro senza leggerlo. Perché il titolo è una provocazione e qual è l\'alternativa all\'outsourcing.',
    },
    body: blocks(
      p(
        'Il sito è online da due giorni e ho già ricevuto il mio primo insulto. È arrivato su Facebook, da un operatore di call center che se l\'è presa con il titolo del libro. Non aveva letto nulla: né il libro, che peraltro non è ancora uscito, né una sola pagina del sito. Gli è bastato il titolo.',
      ),
      p(
        'Non riporto le sue parole, non ne vale la pena. Ma la sua reazione merita una risposta, perché immagino che non sia l\'unico ad averla avuta.',
      ),
      h2('Il titolo è una provocazione'),
      p(
        '«Chiudete i Call Center in outsourcing» è un titolo provocatorio, e lo è di proposito. Non chiede di licenziare nessuno e non se la prende con chi lavora al telefono. Se la prende con un modello: quello in cui un\'azienda affida il rapporto con i propri clienti a un fornitore esterno scelto al massimo ribasso, e poi smette di occuparsene.',
      ),
      p(
        'L\'alternativa non è un mondo senza call center. L\'alternativa sono i call center **«in casa»**: gestiti direttamente dall\'azienda, con personale che conosce i prodotti, che ha il tempo di imparare e che risponde a chi ha davvero la responsabilità del servizio.',
      ),
      h2('Tre cose che il libro non dice'),
      ul(
        'che gli operatori sono il problema;',
        'che tutti i call center lavorano male;',
        'che bisogna smettere di chiamare l\'assistenza clienti.',
      ),
      h2('A chi lavora bene'),
      p(
        'Agli operatori che fanno bene il loro lavoro voglio dire una cosa chiara: **questo libro è dalla vostra parte**. Chi lavora per il cliente, chi resta al telefono il tempo che serve invece di chiudere la chiamata per rispettare i tempi medi, chi si rifiuta di vendere un contratto sapendo che è una fregatura, leggendo il libro si troverà d\'accordo con quasi tutto.',
      ),
      p(
        'Chi invece insulta senza leggere ha comunque dato un piccolo contributo: mi ha ricordato perché questo progetto serve. Se volete farvi un\'idea prima di giudicare, cominciate da [come è nato](/articoli/il-caso-legale-contenuto-nel-romanzo-per-amore-e-per-denaro).',
      ),
    ),
  },
  {
    title: 'Da oggi «Chiudete i Call Center in outsourcing» è in libreria',
    slug: 'da-oggi-chiudete-i-call-center-in-outsourcing-e-in-libreria',
    publicationDate: '2019-07-20',
    categories: ['il-libro', 'diario-del-progetto'],
    aboutBook: true,
    coverKicker: 'Il libro',
    excerpt:
      'Il libro esce oggi, in cartaceo e in ebook. Racconta un caso vero, documentato parola per parola, di un problema semplice diventato un calvario per colpa di un\'assistenza incompetente.',
    seo: {
      metaTitle: '«Chiudete i Call Center in outsourcing» è in libreria',
      metaDescription:
        'Esce il 20 luglio 2019 il libro che racconta, parola per parola, un caso vero di assistenza clienti trasformata in un calvario.',
    },
    body: blocks(
      p(
        'Ci siamo. Da oggi, 20 luglio, **«Chiudete i Call Center in outsourcing»** è disponibile in libreria e online, in versione cartacea ed ebook. Lo avevamo annunciato il 5 luglio, il giorno in cui questo sito è andato online, e in due settimane ci avete scritto in tanti.',
      ),
      h2('Che cosa racconta'),
      p(
        'Il libro racconta **un solo caso, reale**, e lo racconta per intero. Un problema banale, che un operatore preparato avrebbe risolto in dieci minuti, diventa una serie interminabile di chiamate, chat e reclami. Ogni passaggio è documentato parola per parola: chi ha detto cosa, quando, e che cosa è successo dopo.',
      ),
      p(
        'Non è un libro contro gli operatori. È un libro su che cosa succede quando un\'azienda tratta l\'assistenza clienti come un costo da tagliare, e la affida a chi offre il prezzo più basso.',
      ),
      h2('Dove trovarlo'),
      ul(
        'in versione cartacea, nelle librerie online e ordinandolo in libreria;',
        'in ebook, nei principali negozi digitali;',
        'tutti i link sono raccolti nella [pagina del libro](/libro).',
      ),
      h2('E adesso?'),
      p(
        'Il protagonista del caso ha deciso di metterci la faccia: racconterà la sua storia in una serie di video che pubblicheremo su YouTube nelle prossime settimane. Li troverete nella pagina [Video](/video).',
      ),
      p(
        'Se dopo averlo letto vi siete riconosciuti in qualche pagina, [scriveteci la vostra testimonianza](/testimonianze/invia): è il modo migliore per continuare il libro.',
      ),
    ),
  },
  {
    title: 'Perché ogni operatore ti dice una cosa diversa',
    slug: 'perche-ogni-operatore-ti-dice-una-cosa-diversa',
    publicationDate: '2019-08-06',
    categories: ['dentro-il-call-center'],
    aboutBook: false,
    coverKicker: 'Dentro il call center',
    excerpt:
      'Chiami tre volte per lo stesso problema e ottieni tre risposte diverse. Non è sfortuna: è il risultato del turnover e di una formazione ridotta all\'osso. Ecco come funziona e come difendersi.',
    seo: {
      metaTitle: 'Perché ogni operatore ti dice una cosa diversa',
      metaDescription:
        'Turnover, formazione di pochi giorni e script rigidi: perché al call center ogni chiamata dà una risposta diversa, e come difendersi.',
    },
    body: blocks(
      p(
        'È la domanda che ci fate più spesso, e la prima a cui abbiamo provato a rispondere [già a luglio](/articoli/il-caso-legale-contenuto-nel-romanzo-per-amore-e-per-denaro). Chiami per una bolletta sbagliata: il primo operatore dice che è tutto regolare, il secondo che serve un reclamo scritto, il terzo che la pratica è già stata aperta e bisogna aspettare. Chi ha ragione?',
      ),
      p('Spesso nessuno dei tre. Ecco perché, spiegato da chi al telefono ci sta tutti i giorni.'),
      h2('Il turnover'),
      p(
        'Nei call center in outsourcing il personale cambia di continuo. Le commesse passano da un\'azienda all\'altra, i picchi di lavoro si coprono con persone assunte per poche settimane, e chi ha imparato il mestiere spesso se ne va. Il risultato è che **chi ti risponde può essere al telefono da pochi giorni**.',
      ),
      h2('La formazione'),
      p(
        'Il nostro consulente formatore lo dice senza giri di parole: per molte commesse la formazione iniziale dura pochi giorni, e riguarda più il sistema informatico e gli script che le regole del contratto. Quando la domanda esce dallo script, l\'operatore ha tre possibilità: chiedere a un collega, cercare in una base di conoscenza spesso non aggiornata, oppure improvvisare.',
      ),
      h2('Che cosa puoi fare tu'),
      ol(
        'Annota **data, ora e nome o codice identificativo** dell\'operatore a ogni chiamata.',
        'Chiedi che la risposta venga **scritta nelle note della pratica**, e fattela ripetere.',
        'Quando la questione è importante, **chiedi una conferma per iscritto** (e-mail, PEC o area clienti).',
        'Prima di accettare una risposta, controlla se c\'è già nelle nostre [Risposte precise](/risposte).',
      ),
      p(
        'Non è colpa tua se ogni chiamata ricomincia da zero. Ma con qualche appunto in mano la quarta chiamata sarà molto diversa dalla prima.',
      ),
    ),
  },
  {
    title: 'La registrazione della chiamata: chi protegge davvero?',
    slug: 'la-registrazione-della-chiamata-chi-protegge-davvero',
    publicationDate: '2019-09-17',
    categories: ['diritti-dei-consumatori', 'telemarketing'],
    aboutBook: false,
    coverKicker: 'Diritti dei consumatori',
    excerpt:
      '«La chiamata potrebbe essere registrata per migliorare la qualità del servizio». Ma quando il cliente chiede quella registrazione per dimostrare che cosa gli era stato promesso, spesso non si trova più.',
    seo: {
      metaTitle: 'La registrazione della chiamata: chi protegge davvero?',
      metaDescription:
        'La registrazione dovrebbe tutelare anche il cliente. Che cosa puoi chiedere, a chi, e perché conviene sempre chiedere una conferma scritta.',
    },
    body: blocks(
      p(
        '«La informiamo che la chiamata potrebbe essere registrata per migliorare la qualità del servizio.» La sentiamo tutti, decine di volte all\'anno. Ci si aspetterebbe che quella registrazione serva anche a noi: a dimostrare che cosa ci è stato detto, promesso, venduto.',
      ),
      p(
        'Poi arriva una bolletta con condizioni diverse da quelle concordate, chiedi di riascoltare la telefonata, e le risposte diventano vaghe: «non la conserviamo», «è solo per uso interno», «deve fare richiesta a un altro ufficio».',
      ),
      h2('La registrazione è un tuo dato personale'),
      p(
        'La tua voce registrata, insieme a quello che hai detto, è un dato personale. Il [Regolamento europeo sulla protezione dei dati](https://eur-lex.europa.eu/eli/reg/2016/679/oj) ti dà il **diritto di accesso** (articolo 15): puoi chiedere se l\'azienda conserva registrazioni che ti riguardano e ottenerne una copia. La richiesta è gratuita e l\'azienda deve rispondere, di norma, entro un mese.',
      ),
      h2('Quando la telefonata è un contratto'),
      p(
        'Se al telefono ti hanno proposto un contratto, la registrazione non basta a vincolarti. Il Codice del consumo prevede che, per i contratti proposti per telefono, il venditore ti mandi la conferma dell\'offerta e che tu sia vincolato **solo dopo averla firmata o accettata per iscritto**. E da quel momento hai comunque 14 giorni per ripensarci.',
      ),
      h2('Come muoversi'),
      ul(
        'scrivi all\'azienda (e-mail al responsabile della protezione dei dati o PEC) chiedendo **copia delle registrazioni** delle chiamate di una certa data;',
        'indica data e ora approssimative e il numero da cui hai chiamato, non serve altro;',
        'se non ricevi risposta entro un mese, puoi rivolgerti al [Garante per la protezione dei dati personali](https://www.garanteprivacy.it).',
      ),
      p(
        'La registrazione dovrebbe proteggere entrambe le parti. Se protegge solo l\'azienda, non è uno strumento di qualità: è un\'arma impari.',
      ),
    ),
  },
  {
    title: '«Prova, puoi disdire quando vuoi»: le condizioni che nessuno ti legge',
    slug: 'prova-puoi-disdire-quando-vuoi',
    publicationDate: '2019-10-15',
    categories: ['diritti-dei-consumatori', 'telemarketing'],
    aboutBook: false,
    coverKicker: 'Diritti dei consumatori',
    excerpt:
      'È la frase che chiude più contratti al telefono. Poi arrivano i costi di disattivazione, le rate del modem, gli sconti da restituire. Che cosa è lecito e che cosa no, quando decidi di andartene.',
    seo: {
      metaTitle: '«Prova, puoi disdire quando vuoi»: le condizioni nascoste',
      metaDescription:
        'Costi di disattivazione, rate residue, sconti da restituire: che cosa può chiederti davvero l\'operatore quando disdici un contratto.',
    },
    body: blocks(
      p(
        '«Prova, tanto puoi disdire quando vuoi.» Nelle vendite al telefono è la frase magica: toglie ogni rischio, rende la decisione leggera. Ed è anche, tecnicamente, vera. Il problema è tutto quello che l\'operatore non dice dopo.',
      ),
      h2('Che cosa scopri solo quando disdici'),
      ul(
        '**costi di disattivazione** che non ti erano mai stati nominati;',
        '**rate residue** del modem, del decoder o dello smartphone, da pagare in un\'unica soluzione;',
        '**sconti da restituire**, perché la promozione valeva «a patto di restare 24 mesi»;',
        'un **preavviso** di trenta giorni, che significa un altro mese di canone.',
      ),
      h2('Che cosa dice la legge'),
      p(
        'Nei contratti di telefonia, pay TV e internet il diritto di recesso è garantito dal cosiddetto **decreto Bersani** (legge 40/2007): puoi recedere in qualunque momento, con un preavviso massimo di trenta giorni, e l\'operatore può addebitarti solo le spese giustificate dai costi che sostiene davvero. Se hai avuto una promozione, la restituzione degli sconti deve essere equa e proporzionata al valore del contratto e alla durata residua.',
      ),
      p(
        'C\'è poi il recesso «di ripensamento»: per i contratti conclusi al telefono o online hai **14 giorni** per cambiare idea senza pagare penali e senza dare spiegazioni (Codice del consumo, articolo 52).',
      ),
      h2('Prima di dire sì'),
      ol(
        'Chiedi esplicitamente: **quanto pago se disdico dopo tre mesi?** E fattelo scrivere.',
        'Chiedi se ci sono apparati a rate e che cosa succede alle rate se recedi.',
        'Leggi la sintesi contrattuale prima di accettarla: è lì che «quando vuoi» diventa «alle seguenti condizioni».',
      ),
      p(
        'Ti hanno detto che non puoi andartene prima di due anni? Leggi la nostra [risposta precisa sul vincolo dei 24 mesi](/risposte/posso-disdire-prima-dei-24-mesi).',
      ),
    ),
  },
  {
    title: 'Telemarketing aggressivo: sei cose da sapere prima di rispondere',
    slug: 'telemarketing-aggressivo-sei-cose-da-sapere',
    publicationDate: '2019-11-12',
    categories: ['telemarketing', 'diritti-dei-consumatori'],
    aboutBook: false,
    coverKicker: 'Telemarketing',
    excerpt:
      'Chiamate all\'ora di cena, operatori che non accettano un no, contratti attivati «perché hai detto sì». Sei cose da sapere per difendersi dal telemarketing aggressivo senza perdere la pazienza.',
    seo: {
      metaTitle: 'Telemarketing aggressivo: sei cose da sapere',
      metaDescription:
        'Registro delle opposizioni, diritto di opposizione, contratti al telefono: sei regole pratiche per difendersi dal telemarketing aggressivo.',
    },
    body: blocks(
      p(
        'Suona il telefono all\'ora di cena. Un numero sconosciuto, una voce che conosce già il tuo nome e ti annuncia un risparmio «imperdibile» sulla bolletta. Se provi a dire che non ti interessa, la voce si fa insistente, a volte scortese. Ecco che cosa sapere.',
      ),
      h2('Le sei cose'),
      ol(
        '**Puoi opporti in qualunque momento.** Basta dire all\'operatore che non vuoi più essere contattato per fini commerciali: è un tuo diritto (articolo 21 del Regolamento europeo sulla privacy) e l\'azienda deve rispettarlo.',
        '**Esiste il Registro pubblico delle opposizioni.** Iscrivendo il tuo numero fisso presente negli elenchi telefonici al [Registro delle opposizioni](https://www.registrodelleopposizioni.it), gli operatori di telemarketing non possono più usarlo. La legge 5/2018 ne ha previsto l\'estensione a tutti i numeri, cellulari compresi: manca ancora il regolamento che la renda operativa.',
        '**Non dare mai i tuoi dati** a chi ti chiama: codice cliente, codici POD o PDR, IBAN. Un\'azienda seria non ha bisogno di chiederteli al telefono per «verificare» un\'offerta.',
        '**Un sì al telefono non basta.** Per i contratti proposti al telefono devi ricevere la conferma scritta dell\'offerta, e sei vincolato solo dopo averla accettata per iscritto.',
        '**Hai 14 giorni per ripensarci**, senza penali e senza motivazioni.',
        '**Se ti attivano un contratto che non hai chiesto** non devi pagare nulla: segnala subito la cosa al nuovo fornitore e al tuo fornitore precedente, per iscritto.',
      ),
      h2('E l\'operatore maleducato?'),
      p(
        'Chi telefona sta seguendo uno script e spesso ha obiettivi molto stretti. Questo spiega l\'insistenza, non la giustifica. Non sei tenuto ad ascoltare fino alla fine: un «non mi interessa, non chiamatemi più» detto con calma è la risposta più efficace, e mette l\'azienda in torto se richiama.',
      ),
      p(
        'Ti hanno detto che possono continuare a chiamarti perché il tuo numero «è pubblico»? Leggi la [risposta precisa](/risposte/telemarketing-posso-oppormi).',
      ),
    ),
  },
  {
    title: 'Per avere giustizia devi richiamare lo stesso call center',
    slug: 'per-avere-giustizia-devi-richiamare-lo-stesso-call-center',
    publicationDate: '2019-12-10',
    categories: ['diritti-dei-consumatori', 'dentro-il-call-center'],
    aboutBook: true,
    coverKicker: 'Diritti dei consumatori',
    excerpt:
      'Il paradosso più amaro: per contestare un errore del call center devi passare dallo stesso call center. Come uscire dal giro con un reclamo scritto e, se serve, con la conciliazione.',
    seo: {
      metaTitle: 'Per avere giustizia devi richiamare lo stesso call center',
      metaDescription:
        'Reclamo scritto, conciliazione con ConciliaWeb per la telefonia e con il Servizio Conciliazione ARERA per luce e gas: come uscire dal giro.',
    },
    body: blocks(
      p(
        'Nel caso raccontato nel [libro](/libro) c\'è un momento in cui il protagonista capisce di essere in trappola: per contestare gli errori dell\'assistenza clienti, l\'unica strada che gli viene indicata è… chiamare l\'assistenza clienti. La stessa che ha sbagliato, con operatori diversi, che non conoscono la pratica.',
      ),
      p('Non è solo un caso sfortunato. È il modo in cui molti servizi sono organizzati. Ma una via d\'uscita c\'è.'),
      h2('Primo passo: il reclamo scritto'),
      p(
        'Una telefonata non lascia traccia, un reclamo scritto sì. Mandalo per PEC, raccomandata o tramite il modulo dell\'area clienti, e conserva la ricevuta. Scrivi **che cosa è successo, che cosa chiedi e entro quando**. Le aziende di telefonia, luce e gas devono rispondere entro termini precisi, stabiliti dalle autorità di settore.',
      ),
      h2('Secondo passo: la conciliazione'),
      ul(
        'per **telefonia e pay TV** c\'è la piattaforma [ConciliaWeb](https://conciliaweb.agcom.it) dell\'AGCOM, gestita con i Corecom regionali: è gratuita e si fa online;',
        'per **luce e gas** c\'è il [Servizio Conciliazione dell\'ARERA](https://www.arera.it): anche questo gratuito e online;',
        'per gli **acquisti online** puoi rivolgerti alle associazioni dei consumatori o alla piattaforma europea per la risoluzione delle controversie online.',
      ),
      p(
        'La conciliazione mette attorno a un tavolo (virtuale) te e l\'azienda, con un conciliatore terzo. E soprattutto **ti fa parlare con qualcuno che ha il potere di decidere**, non con l\'ennesimo operatore che legge uno script.',
      ),
      h2('Perché è importante'),
      p(
        'Ogni reclamo scritto e ogni conciliazione lasciano un segno che le aziende, e le autorità, vedono. Le telefonate al call center, invece, si perdono. Se hai vissuto una storia così, [raccontacela](/testimonianze/invia).',
      ),
    ),
  },
];

/**
 * The one unpublished article: a draft, so tests can prove that the public
 * API never shows drafts.
 */
export const DRAFT_ARTICLE: ArticleSeed = {
  title: 'Bozza: quando l\'operatore ha fretta di chiudere la chiamata',
  slug: 'bozza-quando-l-operatore-ha-fretta-di-chiudere-la-chiamata',
  publicationDate: '2020-01-14',
  categories: ['dentro-il-call-center'],
  aboutBook: false,
  coverKicker: 'Bozza',
  excerpt:
    'BOZZA NON PUBBLICATA. Tempi medi di conversazione, chiamate chiuse a metà, clienti costretti a richiamare: perché l\'operatore ha fretta.',
  seo: {
    metaTitle: 'Bozza: quando l\'operatore ha fretta di chiudere la chiamata',
    metaDescription: 'Bozza non pubblicata.',
  },
  body: blocks(
    p('**Bozza, da completare prima della pubblicazione.**'),
    p(
      'Appunti: spiegare il tempo medio di conversazione, perché spinge a chiudere le chiamate in fretta, e che cosa può fare il cliente quando l\'operatore lo liquida con un «la richiamiamo noi».',
    ),
    quote('Chiedere al formatore un esempio concreto.'),
  ),
};
