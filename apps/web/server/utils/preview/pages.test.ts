import { describe, expect, it } from 'vitest';
import { isPreviewedPage, previewPagePaths } from './pages';

describe('the pages of a preview session', () => {
  it('are the previewed document\'s own page(s)', () => {
    expect(previewPagePaths({ type: 'article', documentId: 'a1', slug: 'il-mio-primo-hater' })).toEqual(['/articoli/il-mio-primo-hater']);
    expect(previewPagePaths({ type: 'testimony', documentId: 't1', slug: 'tre-operatori' })).toEqual(['/testimonianze/tre-operatori']);
    expect(previewPagePaths({ type: 'answer', documentId: 'r1', slug: 'il-recesso' })).toEqual(['/risposte/il-recesso']);
    expect(previewPagePaths({ type: 'video', documentId: 'v1', slug: 'la-telefonata' })).toEqual(['/video']);
    expect(previewPagePaths({ type: 'book-release', documentId: 'b1', slug: 'chiudete' })).toEqual(['/libro']);
  });

  it('are recognised however their address is written, and no other page is', () => {
    const scope = { type: 'article' as const, documentId: 'a1', slug: 'il-mio-primo-hater' };
    for (const path of ['/articoli/il-mio-primo-hater', '/ARTICOLI/il-mio-primo-hater', '/articoli/il-mio-primo-hater/', '/articoli/%69l-mio-primo-hater', '/articoli/il-mio-primo-hater?utm_source=x']) {
      expect(isPreviewedPage(scope, path), path).toBe(true);
    }
    for (const path of ['/articoli/IL-MIO-PRIMO-HATER', '/articoli/un-altro', '/articoli', '/', '/risposte/il-mio-primo-hater', '/articoli/il-mio-primo-hater/x', '/articoli/%zz']) {
      expect(isPreviewedPage(scope, path), path).toBe(false);
    }
  });
});
