import type { StrapiApp } from '@strapi/strapi/admin';
import { contentManagerApis, type DocumentActionComponent } from '../moderation/content-manager';
import { PingAction } from './PingAction';

/**
 * The partner webhooks' admin UI: the «Invia un ping di prova» document
 * action on a webhook's edit view (it renders nothing for other types),
 * after «Salva» so that saving stays the first button.
 */
export function registerPartnerWebhookActions(app: Pick<StrapiApp, 'getPlugin'>): void {
  contentManagerApis(app).addDocumentAction((actions: DocumentActionComponent[]) => [...actions, PingAction]);
}
