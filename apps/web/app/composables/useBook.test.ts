import { describe, expect, it } from 'vitest';
import type { BookRelease } from '@chiudete/types';
import { defineBook } from 'nuxt-schema-org/schema';
import { SITE, ctx, definedBy, media, nodeOfType, resolve, stamps } from '../../test/json-ld';
import { validateJsonLd } from '../../test/schema-org-rules';
import { bookJsonLd } from './useBook';

const book: BookRelease = {
  id: 1, documentId: 'b1', slug: 'chiudete-i-call-center-in-outsourcing', title: 'Chiudete i Call Center in outsourcing',
  subtitle: 'Un caso vero', releaseDate: '2019-07-20', isbn13: '978-88-94587-12-6', pages: 184, price: 14.9, publisher: 'Edizioni del Centralino',
  synopsis: [{ type: 'paragraph', children: [{ type: 'text', text: 'Un problema semplice diventato un calvario.' }] }],
  cover: media('/uploads/libro.png'),
  formats: [{ format: 'cartaceo', note: null }, { format: 'ebook', note: null }],
  buyLinks: [
    { store: 'Amazon', url: 'https://www.amazon.it/s?k=libro', format: 'cartaceo' },
    { store: 'Kobo', url: 'https://www.kobo.com/it/it/search?query=libro', format: 'ebook' },
    { store: 'Truffa', url: 'javascript:alert(1)', format: 'ebook' },
  ],
  ...stamps,
};

describe('the book\'s JSON-LD', () => {
  it('the book: ISBN, pages, date, one Offer per safe buy link, the price on the print offers', () => {
    const nodes = resolve('/libro', [definedBy(defineBook, bookJsonLd(book, ctx))]);
    expect(validateJsonLd([nodes]).errors).toEqual([]);
    const node = nodeOfType(nodes, 'Book');
    expect(node).toMatchObject({ name: book.title, isbn: '978-88-94587-12-6', numberOfPages: 184, datePublished: '2019-07-20', url: `${SITE}/libro` });
    expect(node.offers).toEqual([
      expect.objectContaining({ '@type': 'Offer', 'url': 'https://www.amazon.it/s?k=libro', 'price': '14.90', 'priceCurrency': 'EUR', 'availability': 'https://schema.org/InStock' }),
      expect.objectContaining({ '@type': 'Offer', 'url': 'https://www.kobo.com/it/it/search?query=libro', 'availability': 'https://schema.org/InStock' }),
    ]);
    expect(JSON.stringify(node)).not.toContain('javascript:');
    expect(JSON.stringify(node.workExample)).toContain('https://schema.org/EBook');
  });

  it('a book without buy links fails validation (no offer to show)', () => {
    const nodes = resolve('/libro', [definedBy(defineBook, bookJsonLd({ ...book, buyLinks: [] }, ctx))]);
    expect(validateJsonLd([nodes]).errors).toContainEqual(expect.stringContaining('missing "offers"'));
  });
});
