import { COVER_WITHOUT_ALT_TEXT, type AltTextRule } from '../../../media-alt-text/rules';

/** Which images must carry alternative text before publishing (src/media-alt-text). An article: its cover, and the images of its body. */
const altText: AltTextRule = {
  media: [{ field: 'cover', message: COVER_WITHOUT_ALT_TEXT }],
  blocks: [{ field: 'body', label: 'Testo dell\'articolo' }],
};

export default altText;
