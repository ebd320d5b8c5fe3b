import type { Blocks } from '../blocks';

/** Shapes of the demo content, before relations and media are resolved to ids. */

export type Sector = 'telefonia' | 'luce' | 'gas' | 'pay_tv' | 'e_commerce' | 'banche_assicurazioni' | 'altro';
export type Channel = 'assistenza_telefonica' | 'chat' | 'email' | 'telemarketing' | 'negozio' | 'altro';
export type BookFormat = 'cartaceo' | 'ebook' | 'audiolibro';

export interface SeoSeed {
  metaTitle: string;
  metaDescription: string;
}

export interface AuthorSeed {
  name: string;
  slug: string;
  role: string;
  bio: string;
  socialLinks: Array<{ platform: 'facebook' | 'instagram' | 'youtube' | 'x' | 'linkedin' | 'telegram' | 'altro'; url: string; label: string }>;
}

export interface CategorySeed {
  name: string;
  slug: string;
  description: string;
}

export interface ArticleSeed {
  title: string;
  slug: string;
  excerpt: string;
  publicationDate: string;
  /** Slugs of categories. */
  categories: string[];
  /** Whether the article is about the book (links the book). */
  aboutBook: boolean;
  /** Short label printed on the generated cover. */
  coverKicker: string;
  body: Blocks;
  seo: SeoSeed;
}

export interface BookSeed {
  title: string;
  subtitle: string;
  slug: string;
  releaseDate: string;
  synopsis: Blocks;
  isbn13: string;
  pages: number;
  price: number;
  publisher: string;
  formats: Array<{ format: BookFormat; note?: string }>;
  buyLinks: Array<{ store: string; url: string; format: BookFormat }>;
  seo: SeoSeed;
}

export interface TestimonySeed {
  title: string;
  slug: string;
  role: 'cliente' | 'operatore';
  sector: Sector;
  channel: Channel;
  eventMonth: string;
  /** The day the redazione received the story (YYYY-MM-DD): the date the site shows. Never before the site's launch (2019-07-05). */
  receivedDate: string;
  story: string;
  displayName: string;
}

export interface AnswerSeed {
  title: string;
  slug: string;
  operatorClaim: string;
  /** The correct answer in one sentence, shown on the cards. */
  verdict: string;
  /** Day the redazione last checked the answer and its sources (YYYY-MM-DD). */
  verifiedAt: string;
  correctAnswer: Blocks;
  legalReferences: Array<{ label: string; url?: string }>;
  sector: Sector;
  /** Slugs of related articles. */
  articles: string[];
}

export interface VideoSeed {
  title: string;
  slug: string;
  youtubeId: string;
  description: string;
  recordedOn: string;
  durationSeconds: number;
  posterKicker: string;
}

export interface GlobalSeed {
  siteName: string;
  tagline: string;
  manifesto: Blocks;
  contactEmail: string;
  /** The data controller named by the privacy notice. */
  dataController: string;
  socialLinks: Array<{
    platform: 'facebook' | 'instagram' | 'youtube' | 'x' | 'linkedin' | 'telegram' | 'altro';
    url: string;
    label: string;
  }>;
  editorialPolicy: Blocks;
  defaultSeo: SeoSeed;
}
