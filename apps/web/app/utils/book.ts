import type { BookFormat } from '@chiudete/types';

export type BookFormatName = BookFormat['format'];

// TODO(types): move to @chiudete/types' vocabulary next to SECTOR_LABELS when that package is free to edit.
export const BOOK_FORMAT_LABELS: Record<BookFormatName, string> = {
  cartaceo: 'Cartaceo',
  ebook: 'E-book',
  audiolibro: 'Audiolibro',
};
