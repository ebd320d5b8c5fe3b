import { vi } from 'vitest';
import type { FormToken } from '@chiudete/types';
import { defineComponent, h, type InjectionKey } from 'vue';
import { loadFormClient, loadFormSchemas } from '~/composables/lazyForms';

/**
 * What the tests of the public forms (testimony, contact) share: only the
 * network is faked, that is the CMS calls (provided under the composable's
 * injection key) and the ALTCHA widget, whose proof of work fetches a
 * challenge from the CMS. The shared schema, the error mapping and the
 * forms are the real ones.
 */

/**
 * What the forms load once the reader uses them (composables/lazyForms.ts: the
 * typed client's error mapping, the schemas), loaded before a test mounts a
 * form, so that `flushPromises` covers the form's own work.
 */
export async function loadFormCode(): Promise<void> {
  await Promise.all([loadFormClient(), loadFormSchemas()]);
}

/** The CMS's form token endpoint, answering at once with a token the form may spend straight away. */
export function fakeFormToken(token: string) {
  return vi.fn(async (): Promise<FormToken> => ({ token, minFillSeconds: 0, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
}

export const fakeChallengeUrl = () => 'https://cms.example.test/api/altcha/challenge';

/** The ALTCHA widget, with a proof ready at once. */
const FakeAltcha = defineComponent({
  name: 'SubmissionAltcha',
  setup(_, { expose }) {
    expose({ getPayload: async () => 'altcha-payload', reset: () => {} });
    return () => h('div', { class: 'fake-altcha' });
  },
});

/** How to mount a public form (`mountSuspended`): in the document (focus is checked), with `api` as its CMS and the fake ALTCHA widget. */
export function publicFormMountOptions<A>(key: InjectionKey<A>, api: A) {
  return {
    props: { contactEmail: 'redazione@chiudeteicallcenter.eu' },
    attachTo: document.body,
    global: {
      provide: { [key as symbol]: api },
      stubs: { SubmissionAltcha: FakeAltcha },
    },
  };
}
