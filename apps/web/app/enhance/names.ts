/**
 * The contract between the server-rendered components and the enhancement
 * script (main.ts): a component marks its root with `data-enhance="<name>"`
 * (useEnhancement) and the elements the script works on with
 * `data-part="<part>"`. Both sides import the names from here.
 */
export const ENHANCE_ATTRIBUTE = 'data-enhance';
export const PART_ATTRIBUTE = 'data-part';

export const ENHANCEMENTS = ['copy-link', 'countdown', 'video-player', 'clean-query', 'site-menu', 'share', 'newsletter'] as const;
export type Enhancement = (typeof ENHANCEMENTS)[number];

/** The parts of each enhancement, by role: `PARTS['copy-link'].button` is the value of the button's `data-part`. */
export const PARTS = {
  'copy-link': { button: 'copy-button', status: 'copy-status', manual: 'copy-manual', field: 'copy-field' },
  'countdown': {
    countdown: 'countdown', days: 'countdown-days', clock: 'countdown-clock', unit: 'countdown-unit',
    value: 'countdown-value', label: 'countdown-label', buyLinks: 'countdown-buy-links', status: 'countdown-status',
  },
  'video-player': { play: 'video-play', player: 'video-player' },
  'clean-query': {},
  'site-menu': { link: 'menu-link', button: 'menu-button', panel: 'menu-panel', close: 'menu-close' },
  'share': { button: 'share-button', networks: 'share-networks' },
  'newsletter': { form: 'newsletter-form', status: 'newsletter-status', done: 'newsletter-done', submit: 'newsletter-submit' },
} as const satisfies Record<Enhancement, Record<string, string>>;

export function isEnhancement(name: string | null): name is Enhancement {
  return (ENHANCEMENTS as readonly (string | null)[]).includes(name);
}
