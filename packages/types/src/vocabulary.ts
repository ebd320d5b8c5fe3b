import type { BookFormat, Testimony } from './generated/content';

/** Italian labels of the enumerations, shared by the site, forms and partners. */
export type Sector = Testimony['sector'];
export type Role = Testimony['role'];
export type Channel = Testimony['channel'];

export const SECTOR_LABELS: Record<Sector, string> = {
  telefonia: 'Telefonia fissa e mobile',
  luce: 'Luce',
  gas: 'Gas',
  pay_tv: 'Pay TV',
  e_commerce: 'E-commerce',
  banche_assicurazioni: 'Banche e assicurazioni',
  altro: 'Altro',
};

/**
 * Who tells the story. Both words fit anyone («cliente» is already both
 * genders); «operatore o operatrice» so that a chip never contradicts the
 * story's own «ex operatrice…» (issue #16).
 */
export const ROLE_LABELS: Record<Role, string> = {
  cliente: 'Cliente',
  operatore: 'Operatore o operatrice',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  assistenza_telefonica: 'Assistenza telefonica',
  chat: 'Chat',
  email: 'E-mail',
  telemarketing: 'Telemarketing in uscita',
  negozio: 'Negozio',
  altro: 'Altro',
};

export const SECTORS = Object.keys(SECTOR_LABELS) as Sector[];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

export type BookFormatName = BookFormat['format'];

export const BOOK_FORMAT_LABELS: Record<BookFormatName, string> = {
  cartaceo: 'Cartaceo',
  ebook: 'E-book',
  audiolibro: 'Audiolibro',
};
