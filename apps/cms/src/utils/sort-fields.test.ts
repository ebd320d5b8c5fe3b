import { describe, expect, it } from 'vitest';
import { refusedSortField, sortableFields, sortErrorMessage } from './sort-fields';

describe('sortable fields', () => {
  const schema = {
    attributes: {
      title: { type: 'string' },
      body: { type: 'blocks' },
      cover: { type: 'media' },
      author: { type: 'relation' },
      createdBy: { type: 'relation', private: true },
      notes: { type: 'text' },
      publishedAt: { type: 'datetime' },
    },
  };

  it('lists id, documentId and the public scalar fields; relations apart; private ones never', () => {
    expect(sortableFields(schema, (name) => name === 'notes')).toEqual({ fields: ['id', 'documentId', 'title', 'publishedAt'], relations: ['author'] });
  });

  it('names the refused field from Strapi\'s details', () => {
    expect(refusedSortField({ key: 'asc', path: 'createdBy' })).toBe('createdBy');
    expect(refusedSortField({ key: 'createdBy', path: 'createdBy' })).toBe('createdBy');
    expect(refusedSortField({ key: 'nope', path: null })).toBe('nope');
    expect(refusedSortField({ key: 'email', path: 'author' })).toBe('author.email');
  });

  it('says the field, the allowed fields and how to sort', () => {
    expect(sortErrorMessage('createdBy', { fields: ['id', 'documentId', 'publishedAt'], relations: ['author'] })).toBe(
      'Invalid sort: "createdBy" is not a field you can sort on. Sort on one of: id, documentId, publishedAt, or a public field of a relation (author.<field>); add :asc or :desc (sort=publishedAt:desc).',
    );
  });
});
