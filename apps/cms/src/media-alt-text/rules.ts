/**
 * Which images of a public document must carry alternative text before it
 * is published, and how to tell the editor when one does not. Pure: the
 * document-service middleware (./index.ts) loads the document and throws.
 *
 * Two kinds of images are checked:
 * - the media fields shown as the document's picture (an article's or the
 *   book's cover, a video's poster): the alt text lives in the Media Library;
 * - images inserted in rich text (an article's body, the book's synopsis, an
 *   answer's text): the blocks editor copies the Media Library's alt text
 *   into the block when the image is inserted, so a text added later to the
 *   library does not reach the block until the image is inserted again.
 *
 * Each type's rule lives in its room, `src/api/<type>/config/alt-text.ts`
 * (Strapi's config of that API), read by ./index.ts.
 */

export interface MediaFieldRule {
  field: string;
  message: string;
}

export interface BlocksFieldRule {
  field: string;
  /** The field's label in the admin (its admin view: `src/api/<type>/config/admin-view.ts`). */
  label: string;
}

export interface AltTextRule {
  media: readonly MediaFieldRule[];
  blocks: readonly BlocksFieldRule[];
}

export const COVER_WITHOUT_ALT_TEXT
  = 'L\'immagine di copertina non ha il testo alternativo: aprila nella Libreria media, compila «Testo alternativo» e pubblica di nuovo.';

export const POSTER_WITHOUT_ALT_TEXT
  = 'L\'immagine di anteprima del video non ha il testo alternativo: aprila nella Libreria media, compila «Testo alternativo» e pubblica di nuovo.';

export const blockImageWithoutAltText = (label: string): string =>
  `Un'immagine inserita in «${label}» non ha il testo alternativo: compila «Testo alternativo» nella Libreria media, `
  + 'poi nel testo togli l\'immagine e inseriscila di nuovo, e pubblica di nuovo.';

export interface AltTextProblem {
  /** The document's field that holds the image. */
  field: string;
  message: string;
}

interface ImageLike {
  alternativeText?: unknown;
  name?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when an image has no real alternative text: none, blank, or just its
 * file name (with or without the extension), which says nothing to a reader.
 */
export function lacksAltText(image: ImageLike): boolean {
  const alt = typeof image.alternativeText === 'string' ? image.alternativeText.trim() : '';
  if (alt === '') return true;
  if (typeof image.name !== 'string' || image.name.trim() === '') return false;
  const name = image.name.trim().toLowerCase();
  const withoutExtension = name.replace(/\.[a-z0-9]{1,5}$/, '');
  const text = alt.toLowerCase();
  return text === name || text === withoutExtension;
}

/** Every image node in Strapi blocks (they sit at the top level today; nested ones are found too). */
function blockImages(value: unknown): ImageLike[] {
  if (Array.isArray(value)) return value.flatMap(blockImages);
  if (!isRecord(value)) return [];
  const own = value.type === 'image' && isRecord(value.image) ? [value.image] : [];
  return [...own, ...blockImages(value.children)];
}

/** What is wrong with the images of `document` (a row with its media populated), following `rule`. */
export function findAltTextProblems(document: Record<string, unknown>, rule: AltTextRule): AltTextProblem[] {
  const problems: AltTextProblem[] = [];
  for (const { field, message } of rule.media) {
    const media = document[field];
    const images = (Array.isArray(media) ? media : [media]).filter(isRecord);
    if (images.some(lacksAltText)) problems.push({ field, message });
  }
  for (const { field, label } of rule.blocks) {
    if (blockImages(document[field]).some(lacksAltText)) problems.push({ field, message: blockImageWithoutAltText(label) });
  }
  return problems;
}
