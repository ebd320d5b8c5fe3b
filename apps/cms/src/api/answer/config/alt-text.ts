import type { AltTextRule } from '../../../media-alt-text/rules';

/** Which images must carry alternative text before publishing (src/media-alt-text). An answer: no media field, only the images of its text. */
const altText: AltTextRule = {
  media: [],
  blocks: [{ field: 'correctAnswer', label: 'La risposta corretta' }],
};

export default altText;
