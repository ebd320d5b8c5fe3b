import type { BookFormat, SharedSocialLink, Testimony } from './generated/content';
import type { SubmissionStatus } from './submissions';

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

export type SocialPlatform = SharedSocialLink['platform'];

export const SOCIAL_PLATFORM_LABELS: Record<SocialPlatform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  x: 'X (Twitter)',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  altro: 'Altro',
};

/** Where a testimony submission stands in moderation (the CMS's `submissionStatus`). */
export const SUBMISSION_STATUS_LABELS: Readonly<Record<SubmissionStatus, string>> = {
  nuova: 'Nuova',
  in_revisione: 'In revisione',
  approvata: 'Approvata',
  rifiutata: 'Rifiutata',
  ritirata: 'Ritirata',
};

/** The coded rejection reasons of the editorial policy (the CMS's `rejectionReason`). */
export const REJECTION_REASONS = [
  'condizioni_lavoro_operatori',
  'difesa_call_center_disonesti',
  'insulti_diffamazione',
  'spam',
  'dati_personali',
  'altro',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_LABELS: Readonly<Record<RejectionReason, string>> = {
  condizioni_lavoro_operatori: 'Condizioni di lavoro degli operatori (fuori tema)',
  difesa_call_center_disonesti: 'Difesa di call center disonesti',
  insulti_diffamazione: 'Insulti o diffamazione',
  spam: 'Spam',
  dati_personali: 'Dati personali che non si possono togliere',
  altro: 'Altro (spiega nella nota)',
};
