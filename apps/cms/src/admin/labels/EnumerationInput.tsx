import type * as React from 'react';
import { InputRenderer } from '@strapi/strapi/admin';
import { enumOptions } from './options';

/** What the Content Manager's edit view gives an input registered with `app.addFields` (5.54), narrowed to what is used. */
export interface EnumerationFieldProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  attribute: { type: string; enum?: readonly string[] };
}

/**
 * Every enumeration of the Content Manager's edit view: Strapi's own select
 * (the admin's InputRenderer), given the Italian label of each value
 * (`@chiudete/types/labels`) instead of the stored code. Strapi 5.54 would
 * look each code up as a global translation key, where `altro` or `email`
 * cannot mean different things in different fields.
 */
export const EnumerationInput = ({ name, label, hint, labelAction, placeholder, required, disabled, attribute }: EnumerationFieldProps) => (
  <InputRenderer
    type="enumeration"
    name={name}
    label={label}
    hint={hint}
    labelAction={labelAction}
    placeholder={placeholder}
    required={required}
    disabled={disabled}
    options={enumOptions(attribute.enum ?? [])}
  />
);
