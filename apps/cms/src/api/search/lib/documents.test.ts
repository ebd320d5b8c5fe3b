import { describe, expect, it } from 'vitest';
import type { BlocksContent } from '@chiudete/types';
import { blocks, lines, toIndexDocument } from './documents';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('index text', () => {
  it('ends every part as a sentence, so a snippet never runs two of them together', () => {
    const body: BlocksContent = [
      paragraph('Il recesso è sempre possibile (articolo 52).'),
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Che cosa fare' }] },
      paragraph('Chiedi per iscritto il dettaglio dei costi'),
      { type: 'list', format: 'unordered', children: [
        { type: 'list-item', children: [{ type: 'text', text: 'le spese di disattivazione' }] },
        { type: 'list-item', children: [{ type: 'text', text: 'le rate residue;' }] },
      ] },
      paragraph('Lo dice l\'operatore: «non si può»'),
    ] as BlocksContent;
    const folded = blocks(body).replace(/\s+/g, ' ');
    expect(folded).toBe('Il recesso è sempre possibile (articolo 52). Che cosa fare. Chiedi per iscritto il dettaglio dei costi. '
      + 'le spese di disattivazione. le rate residue; Lo dice l\'operatore: «non si può».');
  });

  it('separates a testimony\'s story from its signature and company', () => {
    const document = toIndexDocument('testimony', {
      documentId: 'd', slug: 's', title: 'T', publishedAt: '2019-07-05T10:00:00.000Z',
      story: 'Nessuno mi ha richiamato', displayName: 'Marta da Bari', companyBrand: 'Gestore Esempio',
    });
    expect(document?.body.replace(/\s+/g, ' ')).toBe('Nessuno mi ha richiamato. Marta da Bari. Gestore Esempio.');
    expect(lines('', '  ', 'Già finita.')).toBe('Già finita.');
  });
});
