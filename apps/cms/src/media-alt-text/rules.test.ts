import { describe, expect, it } from 'vitest';
import { COVER_WITHOUT_ALT_TEXT, POSTER_WITHOUT_ALT_TEXT, findAltTextProblems, lacksAltText } from './rules';
import articleRule from '../api/article/config/alt-text';
import answerRule from '../api/answer/config/alt-text';
import videoRule from '../api/video/config/alt-text';

const image = (alternativeText: string | null, name = 'copertina.png') => ({ alternativeText, name });
const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'Testo.' }] };
const imageBlock = (alternativeText: string | null) => ({ type: 'image', image: { url: '/uploads/x.png', ...image(alternativeText) }, children: [{ type: 'text', text: '' }] });

describe('lacksAltText', () => {
  it('refuses missing, blank and file-name alt texts', () => {
    expect(lacksAltText(image(null))).toBe(true);
    expect(lacksAltText(image('   '))).toBe(true);
    expect(lacksAltText(image('copertina.png'))).toBe(true);
    expect(lacksAltText(image('Copertina'))).toBe(true);
    expect(lacksAltText({})).toBe(true);
  });

  it('accepts a real description', () => {
    expect(lacksAltText(image('Una cuffia da call center appoggiata su una scrivania'))).toBe(false);
    expect(lacksAltText({ alternativeText: 'Copertina del libro' })).toBe(false);
  });
});

describe('findAltTextProblems', () => {
  const article = articleRule;

  it('finds nothing when every image is described, or when there is no image at all', () => {
    expect(findAltTextProblems({ cover: image('Una cuffia'), body: [paragraph, imageBlock('Un grafico')] }, article)).toEqual([]);
    expect(findAltTextProblems({ cover: null, body: [paragraph] }, article)).toEqual([]);
  });

  it('names the cover and the rich-text field, with the Italian messages', () => {
    const problems = findAltTextProblems({ cover: image(null), body: [paragraph, imageBlock('')] }, article);
    expect(problems).toEqual([
      { field: 'cover', message: COVER_WITHOUT_ALT_TEXT },
      { field: 'body', message: expect.stringContaining('«Testo dell\'articolo»') },
    ]);
    expect(COVER_WITHOUT_ALT_TEXT).toBe(
      'L\'immagine di copertina non ha il testo alternativo: aprila nella Libreria media, compila «Testo alternativo» e pubblica di nuovo.',
    );
  });

  it('checks the video poster and the images in an answer\'s text', () => {
    expect(findAltTextProblems({ poster: image('') }, videoRule)).toEqual([
      { field: 'poster', message: POSTER_WITHOUT_ALT_TEXT },
    ]);
    expect(findAltTextProblems({ correctAnswer: [imageBlock(null)] }, answerRule)).toHaveLength(1);
  });
});
