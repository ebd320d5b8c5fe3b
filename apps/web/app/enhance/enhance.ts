import { enhanceCleanQuery } from './clean-query';
import { enhanceCopyLink } from './copy-link';
import { enhanceCountdown } from './countdown';
import { ENHANCE_ATTRIBUTE, isEnhancement, type Enhancement } from './names';
import { enhanceNewsletter } from './newsletter';
import { enhanceShare } from './share';
import { enhanceSiteMenu } from './site-menu';
import { enhanceVideoPlayer } from './video-player';

const ENHANCERS: Record<Enhancement, (root: HTMLElement) => void> = {
  'copy-link': enhanceCopyLink,
  'countdown': enhanceCountdown,
  'video-player': enhanceVideoPlayer,
  'clean-query': enhanceCleanQuery,
  'site-menu': enhanceSiteMenu,
  'share': enhanceShare,
  'newsletter': enhanceNewsletter,
};

/** Marks an element once enhanced, so that running `enhance` again changes nothing. */
const DONE_ATTRIBUTE = 'data-enhanced';

/**
 * Enhances every element of `root` marked `data-enhance="<name>"`. An element
 * whose markup the script does not recognise keeps the server's version
 * (which works without JavaScript); the others are enhanced all the same.
 */
export function enhance(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${ENHANCE_ATTRIBUTE}]:not([${DONE_ATTRIBUTE}])`)) {
    const name = element.getAttribute(ENHANCE_ATTRIBUTE);
    if (!isEnhancement(name)) continue;
    element.setAttribute(DONE_ATTRIBUTE, '');
    try {
      ENHANCERS[name](element);
    } catch (error) {
      console.error(`[enhance] ${name}:`, error);
    }
  }
}
