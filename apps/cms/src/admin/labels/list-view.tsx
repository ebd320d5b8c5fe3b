import type * as React from 'react';
import { Typography } from '@strapi/design-system';
import { enumLabelsFor } from '@chiudete/types/labels';
import { labelOf } from './options';

/*
 * The Content Manager's list view hooks (@strapi/content-manager 5.54,
 * constants/hooks.ts; run by pages/ListView/ListViewPage.tsx and
 * components/Filters.tsx), with the shapes they pass, narrowed to what is
 * used here: their types are not exported through @strapi/strapi/admin.
 */
export const LIST_COLUMNS_HOOK = 'Admin/CM/pages/ListView/inject-column-in-table';
export const LIST_FILTERS_HOOK = 'Admin/CM/pages/ListView/inject-in-filters';

interface ListHeader {
  name: string;
  attribute: { type: string; enum?: readonly string[] };
  cellFormatter?: (row: Record<string, unknown>, header: unknown, context: unknown) => React.ReactNode;
  [key: string]: unknown;
}

interface ListFilter {
  name: string;
  type?: string;
  options?: Array<{ label?: string; value: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface ColumnsHookValue {
  displayedHeaders: ListHeader[];
  layout: unknown;
}

export interface FiltersHookValue {
  displayedFilters: ListFilter[];
  layout: unknown;
}

/**
 * List columns of enumerations show the Italian label (Strapi prints the
 * stored code as it is). Other columns are left untouched.
 */
export function labelEnumerationColumns({ displayedHeaders, ...rest }: ColumnsHookValue): ColumnsHookValue {
  return {
    ...rest,
    displayedHeaders: displayedHeaders.map((header) => {
      const values = header.attribute.type === 'enumeration' ? header.attribute.enum : undefined;
      if (!values || !enumLabelsFor(values) || header.cellFormatter) return header;
      return {
        ...header,
        cellFormatter: (row: Record<string, unknown>) => (
          <Typography textColor="neutral800">{labelOf(values, row[header.name]) ?? (typeof row[header.name] === 'string' ? row[header.name] as string : '-')}</Typography>
        ),
      };
    }),
  };
}

/** The options of the list filters on enumerations get the Italian labels too. */
export function labelEnumerationFilters({ displayedFilters, ...rest }: FiltersHookValue): FiltersHookValue {
  return {
    ...rest,
    displayedFilters: displayedFilters.map((filter) => {
      if (filter.type !== 'enumeration' || !filter.options) return filter;
      const values = filter.options.map((option) => option.value);
      if (!enumLabelsFor(values)) return filter;
      return { ...filter, options: filter.options.map((option) => ({ ...option, label: labelOf(values, option.value) ?? option.value })) };
    }),
  };
}
