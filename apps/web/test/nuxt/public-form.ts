import { vi } from 'vitest';
import { ANTI_ABUSE_BUSY, StrapiError, type ContactMessagesClient, type FormToken, type NewsletterClient, type SubmissionsClient } from '@chiudete/types';
import { defineComponent, h, type Component } from 'vue';
import { FORMS_CLIENT_KEY, loadFormClient, loadFormSchemas, type FormsClient } from '~/composables/lazyForms';
import { busyError } from '~/utils/form-errors';

/**
 * What the tests of the public forms (testimony, contact) share: only the
 * network is faked, that is the CMS calls (a `FormsClient` provided under
 * FORMS_CLIENT_KEY) and the ALTCHA widget, whose proof of work fetches a
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

export const fakeChallengeUrl = () => 'https://chiudeteicallcenter.eu/api/altcha/challenge';

/** The forms' calls, each answering at once: a token, a receipt, a message stored; `overrides` replace some. */
export function fakeFormsClient(overrides: { submissions?: Partial<SubmissionsClient>; contactMessages?: Partial<ContactMessagesClient>; newsletter?: Partial<NewsletterClient> } = {}): FormsClient {
  return {
    submissions: {
      formToken: fakeFormToken('form-token'),
      challengeUrl: fakeChallengeUrl,
      submit: vi.fn(async () => ({ id: 'abc', status: 'nuova' as const, accessToken: 'private-token-123', linkEmailed: false })),
      status: vi.fn(),
      withdraw: vi.fn(),
      ...overrides.submissions,
    },
    contactMessages: {
      send: vi.fn(async () => ({ id: 'msg123' })),
      ...overrides.contactMessages,
    },
    newsletter: {
      subscribe: vi.fn(async () => ({ status: 'received' as const })),
      confirm: vi.fn(async () => ({ status: 'confermato' as const })),
      unsubscribe: vi.fn(async () => ({ status: 'cancellato' as const })),
      myData: vi.fn(),
      ...overrides.newsletter,
    },
  };
}

/** The ALTCHA widget, with a proof ready at once. */
export const FakeAltcha = defineComponent({
  name: 'FormAltcha',
  setup(_, { expose }) {
    expose({ getPayload: async () => 'altcha-payload', reset: () => {} });
    return () => h('div', { class: 'fake-altcha' });
  },
});

/** The ALTCHA widget when the CMS refused its challenge as busy (429 `antiabuse.busy`): no proof, and the reason. */
export const BusyAltcha = defineComponent({
  name: 'FormAltcha',
  setup(_, { expose }) {
    expose({ getPayload: async () => null, reset: () => {}, refusal: () => busyError(45) });
    return () => h('div', { class: 'fake-altcha' });
  },
});

/** The CMS's answer to a form's POST while its anti-spam store is full (apps/cms/src/api/anti-abuse/lib/errors.ts, busyErrorBody). */
export function busyCmsError(url: string): StrapiError {
  return new StrapiError({
    method: 'POST',
    url,
    status: 429,
    retryAfterSeconds: 45,
    body: {
      status: 429,
      name: 'RateLimitError',
      message: 'Too many anti-spam checks in progress: retry after 45 seconds.',
      details: { errors: [{ field: '_form', code: ANTI_ABUSE_BUSY, message: 'Stiamo ricevendo troppi invii in questo momento.' }] },
    },
  });
}

/** How to mount a public form (`mountSuspended`): in the document (focus is checked), with `client` as its CMS and a fake ALTCHA widget. */
export function publicFormMountOptions(client: FormsClient, altcha: Component = FakeAltcha) {
  return {
    props: { contactEmail: 'redazione@chiudeteicallcenter.eu' },
    attachTo: document.body,
    global: {
      provide: { [FORMS_CLIENT_KEY as symbol]: client },
      stubs: { FormAltcha: altcha },
    },
  };
}
