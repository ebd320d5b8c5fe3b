import type { Global } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** Cache key of the site settings; error.vue reads it back from the payload (cmsPayloadData) when the page failed later. */
export const GLOBAL_KEY = 'global';

/** Site settings from the CMS: name, tagline, manifesto, contact address, default SEO. */
export function useGlobal(): Promise<ComputedRef<Global>> {
  return useCmsData(GLOBAL_KEY, (cms) => cms.global.get());
}
