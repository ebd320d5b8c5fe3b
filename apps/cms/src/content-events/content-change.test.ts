import { describe, expect, it } from 'vitest';
import { toContentChange } from './content-change';

const now = new Date('2026-11-28T10:00:00Z');
const entry = { documentId: 'abc', slug: 'un-articolo', title: 'Un articolo' };

describe('toContentChange', () => {
  it('maps publish and unpublish of draft-and-publish types', () => {
    expect(toContentChange('entry.publish', { uid: 'api::article.article', entry }, now)).toEqual({
      uid: 'api::article.article',
      type: 'article',
      action: 'published',
      documentId: 'abc',
      slug: 'un-articolo',
      at: now.toISOString(),
      entry,
    });
    expect(toContentChange('entry.unpublish', { uid: 'api::video.video', entry }, now)).toMatchObject({ action: 'unpublished', type: 'video', entry: null });
    expect(toContentChange('entry.delete', { uid: 'api::answer.answer', entry: { ...entry, publishedAt: '2026-11-01T00:00:00Z' } }, now)).toMatchObject({ action: 'unpublished' });
    // The draft version's deletion is not a public change (one event per deleted document).
    expect(toContentChange('entry.delete', { uid: 'api::answer.answer', entry: { ...entry, publishedAt: null } }, now)).toBeNull();
  });

  it('ignores draft edits of draft-and-publish types', () => {
    expect(toContentChange('entry.update', { uid: 'api::article.article', entry }, now)).toBeNull();
    expect(toContentChange('entry.create', { uid: 'api::testimony.testimony', entry }, now)).toBeNull();
  });

  it('treats create/update of types without draft & publish as published', () => {
    expect(toContentChange('entry.update', { uid: 'api::category.category', entry }, now)).toMatchObject({ action: 'published', type: 'category' });
    expect(toContentChange('entry.create', { uid: 'api::author.author', entry }, now)).toMatchObject({ action: 'published', type: 'author' });
    expect(toContentChange('entry.delete', { uid: 'api::global.global', entry: { documentId: 'g' } }, now)).toMatchObject({ action: 'unpublished', slug: null });
  });

  it('ignores private and admin types, and malformed payloads', () => {
    expect(toContentChange('entry.publish', { uid: 'api::testimony-submission.testimony-submission', entry }, now)).toBeNull();
    expect(toContentChange('entry.update', { uid: 'admin::user', entry }, now)).toBeNull();
    expect(toContentChange('entry.publish', { uid: 'api::article.article' }, now)).toBeNull();
    expect(toContentChange('entry.publish', { uid: 'api::article.article', entry: { slug: 'x' } }, now)).toBeNull();
  });
});
