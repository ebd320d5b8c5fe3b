import type { AntiAbuseFields, FieldError } from '@chiudete/types';
import type { FormVerdict } from '~/lazy/form-schemas';
import { FORM_ERROR_FIELD, UNREACHABLE_ERROR, fieldErrorSummary, sortFieldErrors, type ErrorSummaryItem, type SortedFieldErrors } from '~/utils/form-errors';
import type { FillKey } from '~/utils/idempotency';
import { createFormTokenKeeper } from '~/utils/form-token';
import type { FormValues, PublicFormDefinition } from '~/utils/public-form';
import type { FormsClient } from './lazyForms';

/**
 * Every public form (testimony, contact) in the browser, around its own
 * controls: its values (kept from what the reader typed while it hydrated),
 * the shared schema's verdict shown field by field (on submit, and when the
 * reader leaves a field they changed) and in the error summary, the honeypot,
 * and the sending: validation, ALTCHA proof, form token (fill time), one
 * idempotency key per fill, then `send`, with a live status line; the
 * server's refusals come back on their fields (the typed client reads them:
 * `StrapiError.fieldErrors`) or in the summary. Client-only by design: no SSR cache.
 *
 * `definition` says what the form is (utils/public-form.ts); `send` posts it
 * with the typed client, through this site's server, which relays it to the
 * CMS (server/utils/public-forms). What the form needs once used (the
 * client, the schemas, the widget) is loaded when the reader starts using it
 * (lazyForms.ts), never with the page.
 *
 * Call it in the setup of the component whose root is the `<form>`, whose
 * template names three elements: `ref="form"` (the form), `ref="summary"`
 * (FormErrorSummary) and `ref="altcha"` (FormAltcha).
 */

/** Sends a valid form with its anti-abuse fields; resolves with the CMS's receipt (202), rejects with the client's error. */
export type PublicFormSend<D, R> = (client: FormsClient, body: D & AntiAbuseFields, options: { idempotencyKey: string }) => Promise<R>;

/** What a sent form gives back: the CMS's receipt and the data as sent. */
export interface PublicFormSent<D, R> {
  receipt: R;
  data: D;
}

interface SummaryElement {
  focus(): void;
}

interface AltchaElement {
  getPayload(): Promise<string | null>;
  reset(): void;
  /** Why the CMS refused the challenge, when it said so (busy). */
  refusal?(): FieldError | null;
}

export function usePublicForm<F extends string, V extends FormValues, D, R>(definition: PublicFormDefinition<F, V, D>, send: PublicFormSend<D, R>) {
  const { form, fields, texts } = definition;
  const client = useFormsClient();
  const token = createFormTokenKeeper(form, async (name) => (await client()).submissions.formToken(name));
  /** One idempotency key per fill (utils/idempotency.ts), its code loaded with the client. */
  let fillKey: FillKey | null = null;

  // What the reader typed while the form's code loaded is kept (the page hydrates the form on first use).
  const { website: honeypot, ...typed } = useFormValuesOnHydration<FormValues>({ ...definition.empty(), website: '' });
  const values = reactive(typed as V);
  /** The honeypot's value (FormHoneypot). */
  const website = ref(typeof honeypot === 'string' ? honeypot : '');

  const errors = shallowRef<SortedFieldErrors<F>>({ fields: {}, form: [] });
  const summaryItems = shallowRef<ErrorSummaryItem[]>([]);
  const sending = ref(false);
  /** The live status line under the submit button. */
  const progress = ref('');
  const touched = new Set<F>();
  let attempted = false;

  const formElement = useTemplateRef<HTMLFormElement>('form');
  const summary = useTemplateRef<SummaryElement>('summary');
  const altcha = useTemplateRef<AltchaElement>('altcha');

  // When the reader starts filling the form in: the form token (the fill time the CMS checks starts
  // now, in the reader's browser, and loads the typed client), and the schema.
  useFirstUse(formElement, () => {
    void loadFormSchemas();
    void token.startFilling();
  });

  /** The shared schema's verdict on the current values (rejects when the schema could not be loaded). */
  async function validate(): Promise<FormVerdict<D>> {
    const schemas = await loadFormSchemas();
    return schemas.check(definition.schema(schemas), definition.toInput(values as V));
  }

  function errorOf(field: F): string | undefined {
    return errors.value.fields[field]?.message;
  }

  /** Shows (or clears) the schema's verdict on one field, leaving the others as they are. */
  async function checkField(field: F, { onlyClear = false } = {}): Promise<void> {
    // Not loaded (network): the field is checked again on submit, where the failure is shown.
    const verdict = await validate().catch(() => null);
    if (!verdict) return;
    const found = sortFieldErrors(verdict.errors, fields).fields[field];
    if (onlyClear && found) return;
    errors.value = { ...errors.value, fields: { ...errors.value.fields, [field]: found } };
  }

  /** While typing, an error disappears as soon as the field is right; new errors wait for the reader to leave it. */
  function onInput(field: F): void {
    touched.add(field);
    if (errorOf(field)) void checkField(field, { onlyClear: true });
  }

  function onBlur(field: F): void {
    if (touched.has(field) || attempted) void checkField(field);
  }

  /** Radios, selects and checkboxes are settled when changed. */
  function onChange(field: F): void {
    touched.add(field);
    void checkField(field);
  }

  /** After another field changed what `field` requires: checked again if it shows an error, or was touched before a submit. */
  function recheck(field: F): void {
    if (errorOf(field) || (attempted && touched.has(field))) void checkField(field);
  }

  async function showErrors(list: readonly FieldError[]): Promise<void> {
    errors.value = sortFieldErrors(list, fields);
    summaryItems.value = fieldErrorSummary(errors.value, fields, definition.controlId);
    await nextTick();
    summary.value?.focus();
  }

  /** The POST, with a spent form token and the fill's idempotency key: the errors to show when it failed. */
  async function post(data: D, proof: string): Promise<{ ok: true; receipt: R } | { ok: false; errors: FieldError[] }> {
    const api = await client().catch(() => null);
    fillKey ??= await loadFormClient().then((loaded) => loaded.createFillKey(), () => null);
    const formToken = api && fillKey ? await token.take() : null;
    if (!api || !fillKey || !formToken) return { ok: false, errors: [UNREACHABLE_ERROR] };
    const idempotencyKey = fillKey.forAttempt(data);
    try {
      const receipt = await send(api, { ...data, website: website.value, altcha: proof, formToken }, { idempotencyKey });
      fillKey.done();
      return { ok: true, receipt };
    } catch (cause) {
      console.warn(`[${form} form] send:`, cause instanceof Error ? cause.message : cause);
      // A new token at once, so that its fill time runs while the reader corrects the form.
      void token.startFilling();
      const shown = await loadFormClient().then(({ publicFormErrors }) => publicFormErrors(cause, texts), () => [UNREACHABLE_ERROR]);
      return { ok: false, errors: shown };
    }
  }

  /** The form's submit: resolves with the receipt once the CMS accepted it (202), with null otherwise (the errors are shown). */
  async function submit(): Promise<PublicFormSent<D, R> | null> {
    if (sending.value) return null;
    attempted = true;
    sending.value = true;
    const verdict = await validate().catch(() => null);
    if (!verdict?.data) {
      sending.value = false;
      await showErrors(verdict?.errors ?? [UNREACHABLE_ERROR]);
      return null;
    }
    const { data } = verdict;
    let sent = false;
    try {
      progress.value = 'Verifica anti-spam in corso…';
      const proof = await altcha.value?.getPayload();
      if (!proof) {
        // The CMS may have said why (busy: too many readers at once); otherwise the network is the likely cause.
        await showErrors([altcha.value?.refusal?.() ?? {
          field: FORM_ERROR_FIELD,
          code: 'antiabuse.challenge_failed',
          message: `Non siamo riusciti a completare la verifica anti-spam con il server. Premi di nuovo «${texts.submitLabel}» tra qualche istante: quello che hai scritto resta qui.`,
        }]);
        return null;
      }
      progress.value = 'Invio in corso…';
      const result = await post(data, proof);
      if (result.ok) {
        sent = true;
        progress.value = texts.sentStatus;
        return { receipt: result.receipt, data };
      }
      altcha.value?.reset();
      await showErrors(result.errors);
      return null;
    } finally {
      sending.value = false;
      if (!sent) progress.value = '';
    }
  }

  return {
    values,
    website,
    texts,
    summaryItems,
    sending,
    progress,
    errorOf,
    onInput,
    onBlur,
    onChange,
    recheck,
    submit,
    /** URL the ALTCHA widget fetches its challenge from (this site, relayed to the CMS), once the client is loaded. */
    challengeUrl: async () => (await client()).submissions.challengeUrl(),
  };
}
