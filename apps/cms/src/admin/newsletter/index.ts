import type { StrapiApp } from '@strapi/strapi/admin';
import { contentManagerApis, type DocumentActionComponent } from '../moderation/content-manager';
import { PreviewNewsletterAction, SendNewsletterAction, TestNewsletterAction } from './NewsletterActions';

/**
 * The newsletter's admin UI: «Anteprima della newsletter», «Invia una prova a
 * me» and «Invia» on a saved issue's edit view (they render nothing for
 * other types), after «Salva».
 */
export function registerNewsletterActions(app: Pick<StrapiApp, 'getPlugin'>): void {
  contentManagerApis(app).addDocumentAction((actions: DocumentActionComponent[]) => [...actions, PreviewNewsletterAction, TestNewsletterAction, SendNewsletterAction]);
}
