/**
 * The Snowball project's Italian stop words (BSD licence), exactly as
 * PostgreSQL ships them in `tsearch_data/italian.stop` and applies them in
 * its `italian` text search configuration. The SQLite index uses the same
 * list so that both databases drop the same words from a query.
 *
 * PostgreSQL compares *unaccented* words with this list (our configuration
 * runs `unaccent` before `italian_stem`), so the accented entries (perché,
 * più, è, ...) never match there: `isStopword` compares folded words too,
 * which keeps the two engines in step.
 */
const ITALIAN_STOP_WORDS = `
ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla dalle di del dello
dei degli dell degl della delle in nel nello nei negli nell negl nella nelle su sul sullo sui sugli sull sugl
sulla sulle per tra contro io tu lui lei noi voi loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue
nostro nostra nostri nostre vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se
perché anche come dov dove che chi cui non più quale quanto quanti quanta quante quello quelli quella quelle
questo questi questa queste si tutto tutti a c e i l o ho hai ha abbiamo avete hanno abbia abbiate abbiano
avrò avrai avrà avremo avrete avranno avrei avresti avrebbe avremmo avreste avrebbero avevo avevi aveva
avevamo avevate avevano ebbi avesti ebbe avemmo aveste ebbero avessi avesse avessimo avessero avendo avuto
avuta avuti avute sono sei è siamo siete sia siate siano sarò sarai sarà saremo sarete saranno sarei saresti
sarebbe saremmo sareste sarebbero ero eri era eravamo eravate erano fui fosti fu fummo foste furono fossi
fosse fossimo fossero essendo faccio fai facciamo fanno faccia facciate facciano farò farai farà faremo
farete faranno farei faresti farebbe faremmo fareste farebbero facevo facevi faceva facevamo facevate
facevano feci facesti fece facemmo faceste fecero facessi facesse facessimo facessero facendo sto stai sta
stiamo stanno stia stiate stiano starò starai starà staremo starete staranno starei staresti starebbe
staremmo stareste starebbero stavo stavi stava stavamo stavate stavano stetti stesti stette stemmo steste
stettero stessi stesse stessimo stessero stando
`;

const STOP_WORDS: ReadonlySet<string> = new Set(ITALIAN_STOP_WORDS.split(/\s+/).filter(Boolean));

/** Whether a folded (lower-case, unaccented) word is an Italian stop word. */
export const isStopword = (folded: string): boolean => STOP_WORDS.has(folded);
