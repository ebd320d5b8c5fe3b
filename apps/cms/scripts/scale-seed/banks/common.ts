import type { Sector } from '@chiudete/types';

/**
 * Shared pieces of the generated Italian content. The company brands are
 * invented and deliberately whimsical (animals, objects, plays on words), so
 * that none can be mistaken for a real company.
 */

export const MONTHS = [
  'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno',
  'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre',
] as const;

export const BRANDS: Readonly<Record<Sector, readonly string[]>> = {
  telefonia: ['TeleGrillo Mobile', 'Fibra del Cuculo', 'Connessioni Lucciola', 'Squillo Gentile Telecomunicazioni', 'Antenna Pigra Telefonia'],
  luce: ['Lampadina Allegra Energia', 'Elettrica Girasole', 'Scintilla Serena Luce', 'Watt del Riccio'],
  gas: ['Gas del Pettirosso', 'Fiammella Blu Energia', 'Metano Mite', 'Caldaia Contenta Gas'],
  pay_tv: ['Cinevaso TV', 'Telecomando d\'Oro', 'Parabola Pigra', 'Divano Plus'],
  e_commerce: ['Pacchettopoli.it', 'Scatolone Express', 'Carrello Volante', 'Bottega del Clic'],
  banche_assicurazioni: ['Banca Formica Operosa', 'Assicurazioni Tartaruga Prudente', 'Credito del Salvadanaio', 'Polizze Ombrellino'],
  altro: ['Acquedotto Fontanella', 'Palestra Bradipo Fit', 'Noleggi Lumaca', 'Treni del Ghiro'],
};

/** How a sector is named inside a sentence ("una commessa di …"). */
export const SECTOR_PHRASES: Readonly<Record<Sector, string>> = {
  telefonia: 'telefonia',
  luce: 'energia elettrica',
  gas: 'gas',
  pay_tv: 'pay TV',
  e_commerce: 'commercio online',
  banche_assicurazioni: 'servizi bancari e assicurativi',
  altro: 'servizi al pubblico',
};

export const PLACES = [
  'Torino', 'Milano', 'Genova', 'Bologna', 'Firenze', 'Roma', 'Napoli', 'Bari', 'Palermo', 'Catania',
  'Cagliari', 'Sassari', 'Verona', 'Padova', 'Venezia', 'Trieste', 'Trento', 'Bolzano', 'Brescia', 'Bergamo',
  'Parma', 'Modena', 'Reggio Emilia', 'Rimini', 'Ancona', 'Pescara', 'Perugia', 'Terni', 'Livorno', 'Pisa',
  'Lecce', 'Taranto', 'Foggia', 'Salerno', 'Caserta', 'Cosenza', 'Reggio Calabria', 'Messina', 'Siracusa', 'Aosta',
  'provincia di Cuneo', 'provincia di Varese', 'provincia di Lucca', 'provincia di Latina', 'provincia di Avellino',
  'provincia di Potenza', 'provincia di Udine', 'provincia di Vicenza', 'provincia di Macerata', 'provincia di Chieti',
  'Lombardia', 'Piemonte', 'Veneto', 'Emilia-Romagna', 'Toscana', 'Lazio', 'Campania', 'Puglia', 'Sicilia', 'Sardegna',
] as const;

export const CUSTOMER_NAMES = [
  'Cliente', 'Cliente', 'Cliente', 'Una cliente', 'Un cliente', 'Cliente pensionata', 'Cliente pensionato',
  'Titolare di un piccolo negozio', 'Studentessa fuori sede', 'Figlia di una cliente anziana', 'Cliente da vent\'anni',
] as const;

export const OPERATOR_NAMES = [
  'Operatore inbound', 'Operatrice inbound', 'Ex operatore outbound', 'Ex operatrice outbound', 'Team leader',
  'Operatrice di back office', 'Formatore di operatori', 'Operatore di secondo livello',
] as const;
