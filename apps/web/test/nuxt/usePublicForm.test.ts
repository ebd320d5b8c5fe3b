import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { StrapiError, isIdempotencyKey, type AntiAbuseFields, type ContactMessageData, type ContactMessageReceipt } from '@chiudete/types';
import { defineComponent, h, type Component } from 'vue';
import { FORMS_CLIENT_KEY } from '~/composables/lazyForms';
import { usePublicForm } from '~/composables/usePublicForm';
import { CONTACT_FORM, contactFieldId } from '~/utils/contact';
import { BusyAltcha, FakeAltcha, fakeFormToken, fakeFormsClient, loadFormCode } from './public-form';

/**
 * usePublicForm on its own, with a real form definition (the contact form's:
 * its shared schema, fields and ids) and a fake `send` standing for the
 * network; the form around it is the least a form template holds (the three
 * refs the composable names).
 */

type Send = (body: ContactMessageData & AntiAbuseFields, options: { idempotencyKey: string }) => Promise<ContactMessageReceipt>;
type PublicForm = ReturnType<typeof usePublicForm<(typeof CONTACT_FORM.fields)[number], ReturnType<typeof CONTACT_FORM.empty>, ContactMessageData, ContactMessageReceipt>>;

async function mountComposable(send: Send, { altcha = FakeAltcha as Component, formToken = fakeFormToken('token-1') } = {}) {
  await loadFormCode();
  let form: PublicForm | undefined;
  const Harness = defineComponent({
    setup() {
      form = usePublicForm(CONTACT_FORM, (_client, body, options) => send(body, options));
      return () => h('form', { ref: 'form' }, [
        h('div', { ref: 'summary', tabindex: -1, id: 'summary' }),
        h('input', { id: contactFieldId('email') }),
        h(altcha, { ref: 'altcha' }),
      ]);
    },
  });
  const client = fakeFormsClient({ submissions: { formToken } });
  const wrapper = await mountSuspended(Harness, { attachTo: document.body, global: { provide: { [FORMS_CLIENT_KEY as symbol]: client } } });
  await flushPromises();
  if (!form) throw new Error('usePublicForm was not set up');
  return { form, wrapper, client };
}

function fill(form: PublicForm): void {
  Object.assign(form.values, { topic: 'stampa', message: '  Vorremmo intervistare l\'autrice del libro, per la radio.  ', email: 'radio@example.org', privacyAccepted: true });
}

const refusal = (status: number, errors: Array<{ field: string; code: string; message: string }> = []) => new StrapiError({
  method: 'POST',
  url: 'https://chiudeteicallcenter.eu/api/contact-messages',
  status,
  body: { status, name: 'ValidationError', message: 'Invalid', details: { errors } },
});

describe('usePublicForm', () => {
  it('validates with the shared schema: nothing is sent, errors by field in the form\'s order, the summary focused', async () => {
    const send = vi.fn<Send>();
    const { form, wrapper } = await mountComposable(send);
    form.values.email = 'non-una-mail';
    expect(await form.submit()).toBeNull();
    await flushPromises();
    expect(send).not.toHaveBeenCalled();
    expect(form.summaryItems.value.map((item) => item.target)).toEqual(['contatto-topic', 'contatto-message', 'contatto-email', 'contatto-privacyAccepted']);
    expect(form.errorOf('email')).toMatch(/^Questo indirizzo e-mail non sembra valido/);
    expect(form.errorOf('name')).toBeUndefined();
    expect(document.activeElement?.id).toBe('summary');
    expect(form.sending.value).toBe(false);
    wrapper.unmount();
  });

  it('checks a field when the reader leaves it after changing it, and clears its error as soon as it is right', async () => {
    const { form, wrapper } = await mountComposable(vi.fn<Send>());
    form.values.email = 'non-una-mail';
    form.onBlur('email');
    await flushPromises();
    expect(form.errorOf('email')).toBeUndefined();
    form.onInput('email');
    form.onBlur('email');
    await flushPromises();
    expect(form.errorOf('email')).toContain('non sembra valido');
    form.values.email = 'radio@example.org';
    form.onInput('email');
    await flushPromises();
    expect(form.errorOf('email')).toBeUndefined();
    wrapper.unmount();
  });

  it('sends the schema\'s data with the honeypot, the ALTCHA proof and a spent form token, and gives back the receipt', async () => {
    const send = vi.fn<Send>(async () => ({ id: 'msg1' }));
    const { form, wrapper } = await mountComposable(send);
    fill(form);
    const sent = await form.submit();
    expect(sent?.receipt).toEqual({ id: 'msg1' });
    expect(sent?.data.message).toBe('Vorremmo intervistare l\'autrice del libro, per la radio.');
    expect(send).toHaveBeenCalledWith(
      { topic: 'stampa', message: 'Vorremmo intervistare l\'autrice del libro, per la radio.', email: 'radio@example.org', privacyAccepted: true, website: '', altcha: 'altcha-payload', formToken: 'token-1' },
      { idempotencyKey: expect.any(String) },
    );
    expect(form.progress.value).toBe('Messaggio inviato.');
    wrapper.unmount();
  });

  it('shows the server\'s field errors (the client\'s `fieldErrors`) on their fields, the others in the summary', async () => {
    const send = vi.fn<Send>(async () => {
      throw refusal(400, [
        { field: 'email', code: 'email.invalid', message: 'Il server dice: e-mail non valida.' },
        { field: '_form', code: 'antiabuse.too_fast', message: 'Troppo in fretta.' },
        { field: 'messageStatus', code: 'unknown_field', message: 'Campo estraneo.' },
      ]);
    });
    const { form, wrapper } = await mountComposable(send);
    fill(form);
    expect(await form.submit()).toBeNull();
    await flushPromises();
    expect(form.errorOf('email')).toBe('Il server dice: e-mail non valida.');
    expect(form.summaryItems.value).toEqual([
      { message: 'Il server dice: e-mail non valida.', target: 'contatto-email' },
      { message: 'Troppo in fretta.' },
      { message: 'Campo estraneo.' },
    ]);
    expect(document.activeElement?.id).toBe('summary');
    wrapper.unmount();
  });

  it('says the server refused the form when a 400 names no field, and keeps the values', async () => {
    const { form, wrapper } = await mountComposable(vi.fn<Send>(async () => { throw refusal(400); }));
    fill(form);
    await form.submit();
    expect(form.summaryItems.value).toEqual([{ message: 'Il server non ha accettato il modulo. Controlla i campi e riprova.' }]);
    expect(form.values.email).toBe('radio@example.org');
    wrapper.unmount();
  });

  it('keeps the fill\'s idempotency key across retries, and makes a new one for new content or after a success', async () => {
    const send = vi.fn<Send>()
      .mockRejectedValueOnce(refusal(0))
      .mockRejectedValueOnce(refusal(504))
      .mockResolvedValue({ id: 'msg1' });
    const { form, wrapper, client } = await mountComposable(send);
    fill(form);
    expect(await form.submit()).toBeNull();
    expect(await form.submit()).toBeNull();
    expect(await form.submit()).not.toBeNull();
    const keys = send.mock.calls.map(([, options]) => options.idempotencyKey);
    expect(isIdempotencyKey(keys[0])).toBe(true);
    expect(keys).toEqual([keys[0], keys[0], keys[0]]);
    // Each attempt spent a form token of its own.
    expect(client.submissions.formToken).toHaveBeenCalledTimes(3);

    // The same content again after the success: a new fill, a new key.
    await form.submit();
    form.values.message = 'Un altro messaggio, abbastanza lungo per il modulo.';
    send.mockRejectedValueOnce(refusal(0));
    await form.submit();
    const [fourth, fifth] = send.mock.calls.slice(3).map(([, options]) => options.idempotencyKey);
    expect(fourth).not.toBe(keys[0]);
    expect(fifth).not.toBe(fourth);
    wrapper.unmount();
  });

  it('sends nothing without an ALTCHA proof, and says why when the CMS did (busy)', async () => {
    const send = vi.fn<Send>();
    const { form, wrapper } = await mountComposable(send, { altcha: BusyAltcha });
    fill(form);
    expect(await form.submit()).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(form.summaryItems.value[0]?.message).toContain('ci stanno scrivendo in tanti');
    wrapper.unmount();
  });

  it('says the server could not be reached when no form token could be had', async () => {
    const send = vi.fn<Send>();
    const formToken = vi.fn(async () => { throw refusal(502); });
    const { form, wrapper } = await mountComposable(send, { formToken });
    fill(form);
    expect(await form.submit()).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(form.summaryItems.value[0]?.message).toContain('Non siamo riusciti a raggiungere il server');
    wrapper.unmount();
  });
});
