import * as React from 'react';
import { DateTimePicker, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { isDateOnly, TIME_STEP_MINUTES, withDefaultTime } from './default-time';

/** What the Content Manager passes to a field registered with `app.addFields` (5.54, InputRenderer). */
interface DateTimeInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}

const MAX_DATE = new Date(2099, 11, 31);

/**
 * Every datetime field of the edit view (registered with `addFields` for
 * type `datetime`): Strapi's own input (admin FormInputs/DateTime) with two
 * changes. Any minute can be chosen (Strapi offers quarters of an hour), and
 * a date picked on an empty field does not start at 00:00, a past moment
 * when the date is today (see withDefaultTime).
 */
export const DateTimeInput = React.forwardRef<HTMLInputElement, DateTimeInputProps>(
  ({ name, label, hint, labelAction, required, disabled, placeholder }, ref) => {
    const field = useField<string | null>(name);
    const value = typeof field.value === 'string' && field.value ? new Date(field.value) : null;

    const onChange = (date: Date | undefined) => {
      if (!date) {
        field.onChange(name, null);
        return;
      }
      const next = !value && isDateOnly(date) ? withDefaultTime(date, new Date()) : date;
      field.onChange(name, next.toISOString());
    };

    return (
      <Field.Root error={field.error} name={name} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <DateTimePicker
          ref={ref}
          clearLabel="Cancella"
          dateLabel="Data"
          timeLabel="Ora"
          onChange={onChange}
          onClear={() => field.onChange(name, null)}
          value={value}
          maxDate={MAX_DATE}
          step={TIME_STEP_MINUTES}
          disabled={disabled}
          placeholder={placeholder}
          required={required}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);
DateTimeInput.displayName = 'DateTimeInput';
