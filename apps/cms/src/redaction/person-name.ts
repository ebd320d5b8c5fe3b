import { PRIORITY, type Candidate } from './types';
import { candidate, matchAll } from './text';

/**
 * Words that introduce a person (case-insensitive): the operator and other
 * roles ("l'operatrice", "il tecnico", "la consulente", "una collega"), the
 * titles "sig.", "sig.ra", "signor", "signora", "dott.", "dott.ssa"…, possibly
 * followed by "di nome" / "chiamato"; and the introductions "mi chiamo", "si è
 * presentato come", "buongiorno, sono". Not "si chiamava": offers have
 * capitalized names too ("l'offerta si chiamava Fibra Premium").
 */
const ROLE = String.raw`(?:tele)?operat(?:ore|rice)|collega|consulente|tecnico|venditore|venditrice|agente|addett[oa]|responsabile|supervisore`;
const TITLE = String.raw`sig\.\s?ra|sig\.\s?na|sig\.|sigra\.?|signorina|signora|signor|dott\.\s?ssa|dott\.|dottoressa|dottor`;
const SELF = String.raw`mi\s+chiamo|si\s+(?:è|era)\s+presentat[oa]\s+come|si\s+presentava\s+come|(?:buongiorno|buonasera|salve|pronto),?\s+(?:sono|parla)`;
const INTRO = new RegExp(
  String.raw`(?<![\p{L}])(?:${ROLE}|${TITLE}|${SELF})(?![\p{L}])(?:[ \u00A0]+(?:di\s+nome|chiamat[oa]|che\s+si\s+chiamava))?[ \u00A0]*`,
  'giu',
);

/** A capitalized name word: "Giulia", "D'Angelo", "Anna-Maria", "Nicolò". Case-sensitive. */
const WORD = String.raw`\p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?`;
const PARTICLE = String.raw`(?:De|Di|Da|Del|Della|Dal|Dalla|Lo|La|Li|Van|Von)`;
const PART = String.raw`(?:${PARTICLE}[ \u00A0]+)?${WORD}`;
/** One or two name parts, each possibly opened by a surname particle ("De Luca"). */
const NAME = new RegExp(String.raw`(${PART})(?![\p{L}\p{N}])(?:([ \u00A0]+)(${PART})(?![\p{L}\p{N}]))?`, 'yu');

/**
 * Capitalized words that are not a person's name after those intros: Italian
 * function words (in case the text is in Title Case), adjectives, and the
 * companies and brands an "operatore" (telephone/energy operator) may be.
 */
const STOP_WORDS = new Set([
  // function words and frequent verbs
  'a', 'al', 'allora', 'anche', 'ancora', 'che', 'ci', 'come', 'con', 'da', 'dal', 'del', 'della', 'di', 'dopo',
  'e', 'è', 'era', 'gli', 'ha', 'hanno', 'ho', 'il', 'in', 'io', 'la', 'le', 'lei', 'li', 'lo', 'lui', 'ma', 'mai',
  'mi', 'mio', 'mia', 'ne', 'nel', 'non', 'o', 'per', 'perché', 'poi', 'quando', 'quindi', 'se', 'si', 'sì', 'su',
  'sempre', 'subito', 'ti', 'tra', 'un', 'una', 'uno', 'vi', 'già', 'dice', 'disse', 'diceva', 'risponde',
  // adjectives and roles
  'altro', 'altra', 'cortese', 'gentile', 'gentilissima', 'gentilissimo', 'maleducato', 'maleducata', 'scortese',
  'successivo', 'successiva', 'seguente', 'stesso', 'stessa', 'primo', 'prima', 'secondo', 'seconda', 'ultimo',
  'ultima', 'nuovo', 'nuova', 'telefonico', 'telefonica', 'commerciale', 'responsabile', 'addetto', 'addetta',
  'cliente', 'clienti', 'servizio', 'assistenza', 'customer', 'care', 'call', 'center', 'centre', 'back', 'office',
  'front', 'supervisore', 'team', 'leader', 'italia', 'italiano', 'italiana', 'unico', 'virtuale', 'automatico',
  'nazionale', 'storico', 'telefonia', 'mobile', 'fissa', 'energia', 'luce', 'gas',
  // companies and brands
  'tim', 'telecom', 'vodafone', 'wind', 'windtre', 'tre', 'iliad', 'fastweb', 'tiscali', 'linkem', 'eolo', 'kena',
  'ho', 'very', 'postemobile', 'poste', 'coopvoce', 'spusu', 'sky', 'dazn', 'mediaset', 'netflix', 'premium', 'enel',
  'eni', 'plenitude', 'edison', 'hera', 'acea', 'iren', 'a2a', 'sorgenia', 'engie', 'illumia', 'optima', 'axpo',
  'estra', 'italgas', 'servizio', 'amazon', 'ebay', 'zalando', 'unieuro', 'mediaworld', 'euronics', 'intesa',
  'unicredit', 'generali', 'allianz', 'unipol', 'unipolsai', 'paypal', 'green', 'network', 'dolomiti', 'duferco',
  'agsm', 'aim', 'alperia', 'bper', 'fineco', 'ing', 'mps', 'banca', 'posteitaliane',
]);

function lastWord(part: string): string {
  return part.split(/[ \u00A0]+/).pop() ?? '';
}

function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/**
 * A capitalized one- or two-word name right after a word that introduces a
 * person: "l'operatrice Giulia", "il sig. Mario Rossi", "la signora De Luca".
 * The intro stays in the text; only the name is reported.
 */
export function detectPersonNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(INTRO, text)) {
    const at = m.index + m[0].length;
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name === null) continue;
    const [, first = '', gap = '', second] = name;
    if (isStopWord(lastWord(first))) continue;
    const withSecond = second !== undefined && !isStopWord(lastWord(second));
    const end = at + first.length + (withSecond ? gap.length + second.length : 0);
    found.push(candidate('person_name', text, at, end, PRIORITY.person_name));
  }
  return found;
}
