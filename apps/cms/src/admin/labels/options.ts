import { enumLabelsFor } from '@chiudete/types/labels';

/** The options of a select for an enumeration: each value with its Italian label (the value itself if the enumeration is unknown). */
export const enumOptions = (values: readonly string[]): Array<{ value: string; label: string }> => {
  const labels = enumLabelsFor(values);
  return values.map((value) => ({ value, label: labels?.[value] ?? value }));
};

/** The Italian label of a stored value, or undefined when its enumeration or the value is unknown. */
export const labelOf = (values: readonly string[], value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const labels = enumLabelsFor(values);
  return labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
};
