import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { StrapiError, isIdempotencyKey, type SubmissionsClient } from '@chiudete/types';
import { testimonySubmissionSchema, toFieldErrors } from '@chiudete/types/forms';
import SubmissionForm from '~/components/submission/SubmissionForm.vue';
import { busyCmsError, fakeChallengeUrl, fakeFormToken, fakeFormsClient, loadFormCode, publicFormMountOptions } from './public-form';

/** The testimony form's CMS calls, the `SubmissionsClient` its composable uses (only the network is faked: public-form.ts). */
function fakeApi(overrides: Partial<SubmissionsClient> = {}): SubmissionsClient {
  return {
    formToken: fakeFormToken('form-token'),
    challengeUrl: fakeChallengeUrl,
    submit: vi.fn(async () => ({ id: 'abc', status: 'nuova' as const, accessToken: 'private-token-123', linkEmailed: false })),
    status: vi.fn(),
    withdraw: vi.fn(),
    ...overrides,
  };
}

async function mountForm(api: SubmissionsClient = fakeApi()) {
  await loadFormCode();
  const wrapper = await mountSuspended(SubmissionForm, publicFormMountOptions(fakeFormsClient({ submissions: api })));
  await flushPromises();
  return wrapper;
}

type Wrapper = Awaited<ReturnType<typeof mountForm>>;

const labelOf = (wrapper: Wrapper, id: string) => wrapper.find(`label[for="${id}"]`).text();

async function fillValid(wrapper: Wrapper): Promise<void> {
  await wrapper.find('#invio-role-cliente').setValue(true);
  await wrapper.find('#invio-companyBrand').setValue('Gestore Esempio');
  await wrapper.find('#invio-sector').setValue('telefonia');
  await wrapper.find('#invio-channel').setValue('assistenza_telefonica');
  await wrapper.find('#invio-eventMonth').setValue('2019-03');
  await wrapper.find('#invio-title').setValue('Tre chiamate, tre risposte diverse');
  await wrapper.find('#invio-story').setValue('Ho chiamato il servizio clienti tre volte per la stessa bolletta. '.repeat(5));
  await wrapper.find('#invio-displayName').setValue('Marta da Bari');
  await wrapper.find('#invio-consentToPublish').setValue(true);
  await wrapper.find('#invio-privacyAccepted').setValue(true);
}

describe('SubmissionForm', () => {
  it('asks a customer for the company and an operator for the committente and the call center', async () => {
    const wrapper = await mountForm();
    expect(labelOf(wrapper, 'invio-companyBrand')).toBe('Azienda di cui sei cliente');
    expect(labelOf(wrapper, 'invio-outsourcer')).toContain('Call center in outsourcing, se lo conosci');

    await wrapper.find('#invio-role-operatore').setValue(true);

    expect(labelOf(wrapper, 'invio-companyBrand')).toContain('Azienda per cui lavora il call center (il committente)');
    expect(labelOf(wrapper, 'invio-companyBrand')).toContain('(facoltativo)');
    expect(labelOf(wrapper, 'invio-outsourcer')).toContain('Call center per cui lavori o hai lavorato');
    expect(wrapper.find('#invio-companyBrand').attributes('aria-required')).toBeUndefined();
    wrapper.unmount();
  });

  it('shows the error summary and wires the schema\'s Italian message to an empty story', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const summary = wrapper.find('[role="alert"]');
    expect(summary.exists()).toBe(true);
    expect(document.activeElement).toBe(summary.element);

    const input = testimonySubmissionSchema.safeParse({});
    const expected = input.success ? '' : toFieldErrors(input.error, {}).find((error) => error.field === 'story')?.message;
    expect(expected).toBe('Racconta che cosa è successo.');

    const story = wrapper.find('#invio-story');
    expect(story.attributes('aria-invalid')).toBe('true');
    const describedBy = story.attributes('aria-describedby')?.split(' ') ?? [];
    const messages = describedBy.map((id) => wrapper.find(`[id="${id}"]`).text());
    expect(messages).toContain(`Errore: ${expected}`);

    // The summary links to the field, in the form's order (the role comes first).
    const links = summary.findAll('a');
    expect(links[0]?.attributes('href')).toBe('#invio-role-cliente');
    expect(links.map((link) => link.attributes('href'))).toContain('#invio-story');
    expect(summary.text()).toContain(expected);
    expect(api.submit).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('clears an error as soon as the field is right', async () => {
    const wrapper = await mountForm();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#invio-title').attributes('aria-invalid')).toBe('true');

    await wrapper.find('#invio-title').setValue('Un titolo abbastanza lungo');
    await flushPromises();
    expect(wrapper.find('#invio-title').attributes('aria-invalid')).toBeUndefined();
    expect(wrapper.find('#invio-title-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('validates a changed field when the reader leaves it', async () => {
    const wrapper = await mountForm();
    const email = wrapper.find('#invio-contactEmail');
    await email.setValue('non-una-mail');
    expect(email.attributes('aria-invalid')).toBeUndefined();
    await email.trigger('blur');
    await flushPromises();
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#invio-contactEmail-error').text()).toContain('non sembra valido');
    // An untouched field says nothing on blur.
    await wrapper.find('#invio-title').trigger('blur');
    await flushPromises();
    expect(wrapper.find('#invio-title-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows the CMS\'s field errors on the right fields and its form errors in the summary', async () => {
    const api = fakeApi({
      submit: vi.fn(async () => {
        throw new StrapiError({
          method: 'POST',
          url: 'https://chiudeteicallcenter.eu/api/testimony-submissions',
          status: 400,
          statusText: 'Bad Request',
          body: {
            status: 400,
            name: 'ValidationError',
            message: 'Invalid submission',
            details: {
              errors: [
                { field: 'story', code: 'story.personal_data', message: 'La storia contiene un numero di telefono: toglilo prima di inviarla.' },
                { field: '_form', code: 'antiabuse.too_fast', message: 'Hai compilato il modulo troppo in fretta: aspetta qualche secondo e riprova.' },
              ],
            },
          },
        });
      }),
    });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(api.submit).toHaveBeenCalledWith(expect.objectContaining({
      role: 'cliente',
      title: 'Tre chiamate, tre risposte diverse',
      website: '',
      formToken: 'form-token',
      altcha: 'altcha-payload',
    }), { idempotencyKey: expect.any(String) });
    const story = wrapper.find('#invio-story');
    expect(story.attributes('aria-invalid')).toBe('true');
    expect(story.attributes('aria-describedby')).toContain('invio-story-error');
    expect(wrapper.find('#invio-story-error').text()).toContain('La storia contiene un numero di telefono');
    expect(wrapper.find('#invio-title').attributes('aria-invalid')).toBeUndefined();

    const summary = wrapper.find('[role="alert"]');
    expect(summary.text()).toContain('Hai compilato il modulo troppo in fretta');
    expect(summary.find('a[href="#invio-story"]').exists()).toBe(true);
    expect(document.activeElement).toBe(summary.element);
    // The button is usable again for the next attempt.
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
    wrapper.unmount();
  });

  it('says when the CMS refuses for too many submissions', async () => {
    const api = fakeApi({
      submit: vi.fn(async () => {
        throw new StrapiError({ method: 'POST', url: 'https://chiudeteicallcenter.eu/api/testimony-submissions', status: 429, retryAfterSeconds: 600 });
      }),
    });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('Riprova tra 10 minuti');
    wrapper.unmount();
  });

  it('says that many are writing at once when the CMS is busy (429 antiabuse.busy)', async () => {
    const api = fakeApi({ submit: vi.fn(async () => { throw busyCmsError('https://chiudeteicallcenter.eu/api/testimony-submissions'); }) });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const alert = wrapper.find('[role="alert"]').text();
    expect(alert).toContain('ci stanno scrivendo in tanti');
    expect(alert).not.toContain('da questa connessione');
    wrapper.unmount();
  });

  it('emits the receipt after a 202 with the trimmed data', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('#invio-displayName').setValue('  Marta da Bari  ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(api.submit).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Marta da Bari' }), { idempotencyKey: expect.any(String) });
    expect(wrapper.emitted('submitted')?.[0]).toEqual([
      { id: 'abc', status: 'nuova', accessToken: 'private-token-123', linkEmailed: false },
      'Tre chiamate, tre risposte diverse',
    ]);
    wrapper.unmount();
  });

  it('sends one idempotency key per fill: the same on a retry after a lost answer, a new one for the next fill', async () => {
    const timeout = new StrapiError({ method: 'POST', url: 'https://chiudeteicallcenter.eu/api/testimony-submissions', status: 0, statusText: 'timeout of 15000ms exceeded' });
    const submit = vi.fn<SubmissionsClient['submit']>()
      .mockRejectedValueOnce(timeout)
      .mockResolvedValue({ id: 'abc', status: 'nuova', accessToken: 'private-token-123', linkEmailed: false });
    const api = fakeApi({ submit });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('submitted')).toHaveLength(1);

    const keys = submit.mock.calls.map(([, options]) => options?.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(isIdempotencyKey(keys[0])).toBe(true);
    expect(keys[1]).toBe(keys[0]);

    // After the success, the same form filled again is a new submission.
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const third = submit.mock.calls[2]?.[1]?.idempotencyKey;
    expect(isIdempotencyKey(third)).toBe(true);
    expect(third).not.toBe(keys[0]);
    wrapper.unmount();
  });

  it('hides the honeypot from people, keyboards and assistive technologies', async () => {
    const wrapper = await mountForm();
    const honeypot = wrapper.find('input[name="website"]');
    expect(honeypot.attributes('tabindex')).toBe('-1');
    expect(honeypot.attributes('autocomplete')).toBe('off');
    expect(honeypot.element.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(wrapper.find(`label[for="${honeypot.attributes('id')}"]`).text()).toBe('Lascia vuoto questo campo');
    wrapper.unmount();
  });

  it('labels every control', async () => {
    const wrapper = await mountForm();
    for (const control of wrapper.findAll('input:not([type="radio"]), select, textarea')) {
      const id = control.attributes('id');
      expect(id, control.html()).toBeTruthy();
      expect(wrapper.find(`label[for="${id}"]`).exists(), `label for ${id}`).toBe(true);
    }
    expect(wrapper.find('button[type="submit"]').text()).toBe('Invia la testimonianza');
    wrapper.unmount();
  });
});
