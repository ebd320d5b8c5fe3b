import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { EnumerationInput } from './EnumerationInput';
import { LIST_COLUMNS_HOOK, LIST_FILTERS_HOOK, labelEnumerationColumns, labelEnumerationFilters, type ColumnsHookValue, type FiltersHookValue } from './list-view';

/**
 * Italian labels for every enumeration in the Content Manager, from the one
 * source shared with the site (`@chiudete/types/labels`): the edit view's
 * selects (an input registered for the `enumeration` type, which the Content
 * Manager renders in place of its own), the list columns and the list
 * filters (the Content Manager's list view hooks). Strapi 5 has no setting
 * for enumeration labels.
 */
export function registerEnumerationLabels(app: Pick<StrapiApp, 'addFields' | 'registerHook'>): void {
  app.addFields({ type: 'enumeration', Component: EnumerationInput as React.ComponentType });
  app.registerHook(LIST_COLUMNS_HOOK, (value: ColumnsHookValue) => labelEnumerationColumns(value));
  app.registerHook(LIST_FILTERS_HOOK, (value: FiltersHookValue) => labelEnumerationFilters(value));
}
