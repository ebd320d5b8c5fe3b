import type { UID } from '@strapi/strapi';
import { blocks, h2, p, ul } from '../blocks';
import type { BookSeed } from './types';

/** The book's content type (named here only: the seed and the timeline read it from here). */
export const BOOK_TYPE = 'api::book-release.book-release' as const satisfies UID.ContentType;

/** The ISBN-13 check digit of the first twelve digits (weights 1,3,1,3...). */
export function isbn13CheckDigit(first12: string): number {
  const digits = first12.replace(/\D/g, '');
  if (digits.length !== 12) throw new Error(`An ISBN-13 needs 12 digits before the check digit, got "${first12}"`);
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** True when `isbn` (hyphens allowed) is a 13-digit ISBN with the right check digit. */
export function isValidIsbn13(isbn: string): boolean {
  const digits = isbn.replace(/-/g, '');
  return /^97[89]\d{10}$/.test(digits) && isbn13CheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

// 978 (prefix) - 88 (Italian-language group) - 94587 (publisher) - 12 (title) - check digit.
const ISBN_BODY = '978-88-94587-12';

export const BOOK: BookSeed = {
  title: 'Chiudete i Call Center in outsourcing',
  subtitle: 'Un caso vero, documentato parola per parola',
  slug: 'chiudete-i-call-center-in-outsourcing',
  releaseDate: '2019-07-20',
  isbn13: `${ISBN_BODY}-${isbn13CheckDigit(ISBN_BODY)}`,
  pages: 184,
  price: 14.9,
  publisher: 'Edizioni del Centralino',
  formats: [
    { format: 'cartaceo', note: 'Brossura, 14 x 21 cm' },
    { format: 'ebook', note: 'ePub e Kindle, senza DRM' },
  ],
  buyLinks: [
    {
      store: 'Amazon',
      url: 'https://www.amazon.it/s?k=Chiudete+i+Call+Center+in+outsourcing',
      format: 'cartaceo',
    },
    {
      store: 'IBS',
      url: 'https://www.ibs.it/search/?ts=as&query=Chiudete+i+Call+Center+in+outsourcing',
      format: 'cartaceo',
    },
    {
      store: 'Kobo',
      url: 'https://www.kobo.com/it/it/search?query=Chiudete+i+Call+Center+in+outsourcing',
      format: 'ebook',
    },
  ],
  synopsis: blocks(
    p(
      'Un problema semplice, di quelli che dovrebbero risolversi con una telefonata. Invece le telefonate diventano decine, gli operatori cambiano a ogni chiamata, ognuno dà una risposta diversa e nessuno si prende la responsabilità di chiudere la pratica. Settimane dopo, il problema semplice è diventato un calvario.',
    ),
    p(
      'Questo libro racconta **un caso reale, documentato parola per parola**: le chiamate, le chat, le e-mail, le promesse e le smentite. Non c\'è nulla di inventato, e proprio per questo a tratti sembra incredibile.',
    ),
    h2('Com\'è nato'),
    p(
      '«Chiudete i Call Center in outsourcing» nasce dalle ricerche per il romanzo *Per Amore e per Denaro*. Il materiale raccolto sui call center era troppo per un romanzo: è diventato un progetto a parte, questo libro e il sito che lo accompagna, online dal 5 luglio 2019.',
    ),
    h2('Che cosa troverai'),
    ul(
      'La cronaca completa del caso, dalla prima chiamata all\'ultima risposta scritta.',
      'Il punto di vista di chi il call center lo conosce da dentro: un formatore, un operatore in servizio e un ex operatore.',
      'Le frasi che gli operatori ripetono più spesso e quello che la legge dice davvero.',
      'Che cosa puoi fare tu, cliente, per non finire nello stesso labirinto.',
    ),
    p(
      'Il protagonista del caso racconterà la sua storia anche in una serie di video su YouTube: li trovi nella pagina [Video](/video).',
    ),
  ),
  seo: {
    metaTitle: 'Chiudete i Call Center in outsourcing: il libro',
    metaDescription:
      'Un caso vero, documentato parola per parola: come un problema semplice diventa un calvario. In libreria dal 20 luglio 2019.',
  },
};
