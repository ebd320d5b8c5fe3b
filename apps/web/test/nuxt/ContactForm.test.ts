import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { StrapiError } from '@chiudete/types';
import type { Component } from 'vue';
import ContactForm from '~/components/contact/ContactForm.vue';
import type { FormsClient } from '~/composables/lazyForms';
import { BusyAltcha, busyCmsError, fakeFormToken, fakeFormsClient, loadFormCode, publicFormMountOptions } from './public-form';

/** The contact form's CMS calls (only the network is faked: public-form.ts). */
interface ContactApi {
  formToken: FormsClient['submissions']['formToken'];
  send: FormsClient['contactMessages']['send'];
}

function fakeApi(overrides: Partial<ContactApi> = {}): ContactApi {
  return {
    formToken: fakeFormToken('contact-token'),
    send: vi.fn(async () => ({ id: 'msg123' })),
    ...overrides,
  };
}

async function mountForm(api: ContactApi = fakeApi(), altcha?: Component) {
  await loadFormCode();
  const client = fakeFormsClient({ submissions: { formToken: api.formToken }, contactMessages: { send: api.send } });
  const wrapper = await mountSuspended(ContactForm, publicFormMountOptions(client, altcha));
  await flushPromises();
  return wrapper;
}

type Wrapper = Awaited<ReturnType<typeof mountForm>>;

async function fillValid(wrapper: Wrapper): Promise<void> {
  await wrapper.find('#contatto-topic').setValue('stampa');
  await wrapper.find('#contatto-message').setValue('  Siamo una radio locale e vorremmo intervistare l\'autrice del libro.  ');
  await wrapper.find('#contatto-email').setValue('radio@example.org');
  await wrapper.find('#contatto-privacyAccepted').setValue(true);
}

describe('ContactForm', () => {
  it('asks for a form token of the contact form when the reader starts filling it in', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api);
    expect(api.formToken).not.toHaveBeenCalled();
    await wrapper.find('#contatto-message').trigger('focusin');
    await flushPromises();
    expect(api.formToken).toHaveBeenCalledWith('contact');
    expect(api.formToken).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('labels every control, and marks the name as optional', async () => {
    const wrapper = await mountForm();
    const label = (id: string) => wrapper.find(`label[for="${id}"]`).text();
    expect(label('contatto-topic')).toBe('Argomento');
    expect(label('contatto-message')).toBe('Il tuo messaggio');
    expect(label('contatto-name')).toContain('(facoltativo)');
    expect(label('contatto-email')).toBe('La tua e-mail');
    expect(label('contatto-privacyAccepted')).toContain('informativa sulla privacy');
    expect(wrapper.find('#contatto-name').attributes('aria-required')).toBeUndefined();
    expect(wrapper.find('#contatto-email').attributes('aria-required')).toBe('true');
    expect(wrapper.find('a[href="/privacy"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('refuses an empty form in the browser: focused summary, linked fields, the schema\'s Italian messages', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const summary = wrapper.find('[role="alert"]');
    expect(document.activeElement).toBe(summary.element);
    expect(summary.text()).toContain('Il messaggio non è stato inviato: ci sono 4 punti da sistemare');
    expect(summary.findAll('a').map((a) => a.attributes('href'))).toEqual(['#contatto-topic', '#contatto-message', '#contatto-email', '#contatto-privacyAccepted']);

    const email = wrapper.find('#contatto-email');
    expect(email.attributes('aria-invalid')).toBe('true');
    const describedBy = email.attributes('aria-describedby')?.split(' ') ?? [];
    expect(describedBy.map((id) => wrapper.find(`[id="${id}"]`).text())).toContain('Errore: Scrivi il tuo indirizzo e-mail: è lì che ti rispondiamo.');
    expect(api.send).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('validates a changed field when the reader leaves it, and clears the error once it is right', async () => {
    const wrapper = await mountForm();
    const message = wrapper.find('#contatto-message');
    await message.setValue('Troppo corto');
    expect(message.attributes('aria-invalid')).toBeUndefined();
    await message.trigger('blur');
    await flushPromises();
    expect(wrapper.find('#contatto-message-error').text()).toContain('almeno 20 caratteri');
    await message.setValue('Adesso il messaggio è abbastanza lungo.');
    await flushPromises();
    expect(message.attributes('aria-invalid')).toBeUndefined();
    wrapper.unmount();
  });

  it('sends the trimmed message with the anti-abuse fields and emits the receipt', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(api.send).toHaveBeenCalledWith({
      topic: 'stampa',
      message: 'Siamo una radio locale e vorremmo intervistare l\'autrice del libro.',
      email: 'radio@example.org',
      privacyAccepted: true,
      website: '',
      formToken: 'contact-token',
      altcha: 'altcha-payload',
    });
    expect(wrapper.emitted('sent')?.[0]).toEqual([{ id: 'msg123' }]);
    wrapper.unmount();
  });

  it('shows the CMS\'s refusals: field errors on their field, the rest in the summary', async () => {
    const api = fakeApi({
      send: vi.fn(async () => {
        throw new StrapiError({
          method: 'POST',
          url: 'https://chiudeteicallcenter.eu/api/contact-messages',
          status: 400,
          statusText: 'Bad Request',
          body: {
            status: 400,
            name: 'ValidationError',
            message: 'Invalid contact message',
            details: { errors: [
              { field: 'email', code: 'email.invalid', message: 'Questo indirizzo e-mail non sembra valido.' },
              { field: '_form', code: 'antiabuse.challenge_replayed', message: 'Questa verifica anti-spam è già stata usata: ripetila, poi invia di nuovo.' },
            ] },
          },
        });
      }),
    });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#contatto-email-error').text()).toContain('non sembra valido');
    const summary = wrapper.find('[role="alert"]');
    expect(summary.text()).toContain('già stata usata');
    expect(wrapper.emitted('sent')).toBeUndefined();
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
    wrapper.unmount();
  });

  it('says when to retry after a 429, and that the text is kept after a server error', async () => {
    let status = 429;
    const api = fakeApi({
      send: vi.fn(async () => {
        throw new StrapiError({ method: 'POST', url: 'https://chiudeteicallcenter.eu/api/contact-messages', status, retryAfterSeconds: 600 });
      }),
    });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('Riprova tra 10 minuti');

    status = 500;
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('il messaggio non è stato inviato');
    expect((wrapper.find('#contatto-message').element as HTMLTextAreaElement).value).toContain('radio locale');
    wrapper.unmount();
  });

  it('says the redazione\'s server failed, not the reader\'s connection, when the site cannot reach it (502, 504) or cannot be reached', async () => {
    let status = 504;
    const api = fakeApi({
      send: vi.fn(async () => {
        throw new StrapiError({ method: 'POST', url: 'https://chiudeteicallcenter.eu/api/contact-messages', status });
      }),
    });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    for (const code of [504, 502, 0]) {
      status = code;
      await wrapper.find('form').trigger('submit');
      await flushPromises();
      const alert = wrapper.find('[role="alert"]').text();
      expect(alert, String(code)).toContain('Non siamo riusciti a raggiungere il server');
      expect(alert, String(code)).not.toMatch(/controlla la connessione/i);
      expect(alert, String(code)).toContain('quello che hai scritto resta qui');
    }
    expect((wrapper.find('#contatto-message').element as HTMLTextAreaElement).value).toContain('radio locale');
    wrapper.unmount();
  });

  it('says that many are writing at once when the CMS is busy, apart from a limit on the reader\'s connection', async () => {
    const api = fakeApi({ send: vi.fn(async () => { throw busyCmsError('https://chiudeteicallcenter.eu/api/contact-messages'); }) });
    const wrapper = await mountForm(api);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const alert = wrapper.find('[role="alert"]').text();
    expect(alert).toContain('ci stanno scrivendo in tanti');
    expect(alert).toContain('Riprova tra un minuto');
    expect(alert).not.toContain('da questa connessione');
    expect((wrapper.find('#contatto-message').element as HTMLTextAreaElement).value).toContain('radio locale');
    wrapper.unmount();
  });

  it('says the same when the CMS refuses the anti-spam challenge as busy, and sends nothing', async () => {
    const api = fakeApi();
    const wrapper = await mountForm(api, BusyAltcha);
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('ci stanno scrivendo in tanti');
    expect(wrapper.find('[role="alert"]').text()).not.toContain('Controlla la connessione');
    expect(api.send).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
