import { POSTER_WITHOUT_ALT_TEXT, type AltTextRule } from '../../../media-alt-text/rules';

/** Which images must carry alternative text before publishing (src/media-alt-text). A video: its poster. */
const altText: AltTextRule = {
  media: [{ field: 'poster', message: POSTER_WITHOUT_ALT_TEXT }],
  blocks: [],
};

export default altText;
