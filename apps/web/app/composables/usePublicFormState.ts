import type { FieldError } from '@chiudete/types';
import type { Ref } from 'vue';
import { FORM_ERROR_FIELD, UNREACHABLE_ERROR, type ErrorSummaryItem, type SortedFieldErrors } from '~/utils/form-errors';
import type { AntiAbuseInput } from './usePublicForm';

/**
 * What a public form (testimony, contact) does in the browser around its own
 * fields: the shared schema's verdict shown field by field (on submit, and
 * when the reader leaves a field they changed), the error summary, the
 * honeypot, and the sending: validation, then the ALTCHA proof, then the
 * form's own `send`, with a live status line. The schema is loaded when the
 * reader starts using the form (loadFormSchemas): the verdict is asynchronous. The form keeps its values, its
 * controls and what happens once it is sent (usePublicForm.ts does the network).
 */

/** The shared schema's verdict on the form's values. */
export type FormVerdict<D> = { data: D; errors: [] } | { data: null; errors: FieldError[] };

export type FormSendResult<R> = { ok: true; receipt: R } | { ok: false; errors: FieldError[] };

export interface PublicFormStateOptions<F extends string, D, R> {
  /** The schema's verdict on the current values (rejects when the schema could not be loaded). */
  validate: () => Promise<FormVerdict<D>>;
  /** The errors by field, the unknown ones as form errors (the form's `sortFieldErrors`). */
  sort: (errors: readonly FieldError[]) => SortedFieldErrors<F>;
  /** The error summary's lines, in the form's order (the form's `fieldErrorSummary`). */
  summarize: (errors: SortedFieldErrors<F>) => ErrorSummaryItem[];
  /** The error summary, focused whenever it shows new errors. */
  summary: Readonly<Ref<{ focus(): void } | null>>;
  /** The ALTCHA widget (SubmissionAltcha), asked for its proof once the values are valid. */
  altcha: Readonly<Ref<{ getPayload(): Promise<string | null>; reset(): void; refusal?(): FieldError | null } | null>>;
  /** The submit button's label: the message of a failed anti-spam check tells the reader to press it again. */
  submitLabel: string;
  /** The status line once sent («Messaggio inviato.»); it stays while the page moves on. */
  sentStatus: string;
  send: (data: D, antiAbuse: AntiAbuseInput) => Promise<FormSendResult<R>>;
  /** Called once the CMS accepted the form (202). */
  onSent: (receipt: R, data: D) => void;
  /** The honeypot's value as the page held it when the form hydrated (useFormValuesOnHydration). */
  honeypot?: string;
}

export function usePublicFormState<F extends string, D, R>(options: PublicFormStateOptions<F, D, R>) {
  const { validate, sort, summarize, summary, altcha } = options;

  const errors = shallowRef<SortedFieldErrors<F>>({ fields: {}, form: [] });
  const summaryItems = shallowRef<ErrorSummaryItem[]>([]);
  /** The honeypot's value (SubmissionHoneypot). */
  const website = ref(options.honeypot ?? '');
  const sending = ref(false);
  /** The live status line under the submit button. */
  const progress = ref('');
  const touched = new Set<F>();
  let attempted = false;

  function errorOf(field: F): string | undefined {
    return errors.value.fields[field]?.message;
  }

  /** Shows (or clears) the schema's verdict on one field, leaving the others as they are. */
  async function checkField(field: F, { onlyClear = false } = {}): Promise<void> {
    // Not loaded (network): the field is checked again on submit, where the failure is shown.
    const verdict = await validate().catch(() => null);
    if (!verdict) return;
    const found = sort(verdict.errors).fields[field];
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

  async function showErrors(list: FieldError[]): Promise<void> {
    errors.value = sort(list);
    summaryItems.value = summarize(errors.value);
    await nextTick();
    summary.value?.focus();
  }

  async function onSubmit(): Promise<void> {
    if (sending.value) return;
    attempted = true;
    sending.value = true;
    const verdict = await validate().catch(() => null);
    if (!verdict?.data) {
      sending.value = false;
      await showErrors(verdict?.errors ?? [UNREACHABLE_ERROR]);
      return;
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
          message: `Non siamo riusciti a completare la verifica anti-spam con il server. Premi di nuovo «${options.submitLabel}» tra qualche istante: quello che hai scritto resta qui.`,
        }]);
        return;
      }
      progress.value = 'Invio in corso…';
      const result = await options.send(data, { website: website.value, altcha: proof });
      if (result.ok) {
        sent = true;
        progress.value = options.sentStatus;
        options.onSent(result.receipt, data);
        return;
      }
      altcha.value?.reset();
      await showErrors(result.errors);
    } finally {
      sending.value = false;
      if (!sent) progress.value = '';
    }
  }

  return { summaryItems, website, sending, progress, errorOf, onInput, onBlur, onChange, recheck, onSubmit };
}
