import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { StrapiError, type SubmissionState, type SubmissionsClient } from '@chiudete/types';
import SubmissionStatusPanel from '~/components/submission/SubmissionStatusPanel.vue';
import { FORMS_CLIENT_KEY } from '~/composables/lazyForms';
import { fakeFormsClient, loadFormCode } from './public-form';

const TOKEN = 'Ab3_xY-9zQ7kLm2nPq4r';

const pending: SubmissionState = {
  status: 'nuova',
  title: 'Tre chiamate, tre risposte diverse',
  submittedAt: '2019-07-10T09:30:00.000Z',
  moderatedAt: null,
  withdrawnAt: null,
  testimonySlug: null,
  canWithdraw: true,
};

function fakeApi(overrides: Partial<SubmissionsClient> = {}): SubmissionsClient {
  return {
    formToken: vi.fn(),
    challengeUrl: () => 'https://chiudeteicallcenter.eu/api/altcha/challenge',
    submit: vi.fn(),
    status: vi.fn(async () => pending),
    withdraw: vi.fn(async () => ({ ...pending, status: 'ritirata' as const, withdrawnAt: '2019-07-15T08:00:00.000Z', canWithdraw: false })),
    ...overrides,
  };
}

async function mountPanel(api: SubmissionsClient, hash: string) {
  await loadFormCode();
  window.location.hash = hash;
  const wrapper = await mountSuspended(SubmissionStatusPanel, {
    attachTo: document.body,
    global: { provide: { [FORMS_CLIENT_KEY as symbol]: fakeFormsClient({ submissions: api }) } },
  });
  await flushPromises();
  // The status card and the withdraw button are loaded once the status arrived (async components).
  if (hash) await vi.waitFor(() => expect(wrapper.find('h2').exists() || wrapper.find('[role="alert"]').exists()).toBe(true));
  await flushPromises();
  return wrapper;
}

const buttonNamed = (wrapper: Awaited<ReturnType<typeof mountPanel>>, name: string) => {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`No button «${name}»`);
  return button;
};

afterEach(() => {
  window.location.hash = '';
});

describe('SubmissionStatusPanel', () => {
  it('reads the token from the fragment and shows the status', async () => {
    const api = fakeApi();
    const wrapper = await mountPanel(api, `#${TOKEN}`);
    expect(api.status).toHaveBeenCalledWith(TOKEN);
    expect(wrapper.find('h2').text()).toBe('Ricevuta, in attesa di moderazione');
    wrapper.unmount();
  });

  it('withdraws only after the confirmation, then shows the new status', async () => {
    const api = fakeApi();
    const wrapper = await mountPanel(api, `#${TOKEN}`);

    await buttonNamed(wrapper, 'Ritira la mia testimonianza').trigger('click');
    expect(api.withdraw).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('cancelliamo i dati personali');

    await buttonNamed(wrapper, 'No, lasciala com\'è').trigger('click');
    expect(wrapper.text()).not.toContain('Vuoi davvero ritirare');

    await buttonNamed(wrapper, 'Ritira la mia testimonianza').trigger('click');
    await buttonNamed(wrapper, 'Sì, ritira e cancella i miei dati').trigger('click');
    await flushPromises();

    expect(api.withdraw).toHaveBeenCalledWith(TOKEN);
    expect(wrapper.find('h2').text()).toBe('Ritirata: i tuoi dati personali sono stati cancellati');
    expect(document.activeElement).toBe(wrapper.find('h2').element);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Ritira la mia testimonianza')).toBe(false);
    wrapper.unmount();
  });

  it('says so when the link matches no story', async () => {
    const api = fakeApi({
      status: vi.fn(async () => {
        throw new StrapiError({ method: 'GET', url: 'https://chiudeteicallcenter.eu/api/testimony-submissions/status/…', status: 404 });
      }),
    });
    const wrapper = await mountPanel(api, `#${TOKEN}`);
    expect(wrapper.find('[role="alert"]').text()).toContain('non corrisponde a nessuna storia');
    wrapper.unmount();
  });

  it('asks for the private link when there is no token, without calling the CMS', async () => {
    const api = fakeApi();
    const wrapper = await mountPanel(api, '');
    expect(api.status).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('serve il link privato');
    wrapper.unmount();
  });
});
