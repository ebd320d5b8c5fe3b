import type { SubmissionsClient } from '@chiudete/types';
import type { InjectionKey } from 'vue';

/** Tests provide a fake `SubmissionsClient` under this key (only the network is faked). */
export const SUBMISSIONS_API_KEY: InjectionKey<SubmissionsClient> = Symbol('submissions-api');

/**
 * The testimony submissions' calls, from the browser to this site's server,
 * which relays them to the CMS (server/utils/public-forms): the typed client
 * of `@chiudete/types`, loaded when first needed (loadFormClient), or the
 * tests' fake. Call it in setup; the returned function may be called any time after.
 */
export function useSubmissionsApi(): () => Promise<SubmissionsClient> {
  const injected = inject(SUBMISSIONS_API_KEY, null);
  return async () => injected ?? (await loadFormClient()).formClient().submissions;
}
