import { COVER_WITHOUT_ALT_TEXT, type AltTextRule } from '../../../media-alt-text/rules';

/** Which images must carry alternative text before publishing (src/media-alt-text). The book: its cover, and the images of its synopsis. */
const altText: AltTextRule = {
  media: [{ field: 'cover', message: COVER_WITHOUT_ALT_TEXT }],
  blocks: [{ field: 'synopsis', label: 'Sinossi' }],
};

export default altText;
