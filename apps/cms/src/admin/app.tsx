import type { StrapiApp } from '@strapi/strapi/admin';
import { registerEnumerationLabels } from './labels';
import { registerModeration } from './moderation';
import { registerPartnerWebhookActions } from './partner-webhooks';
import { registerNewsletterActions } from './newsletter';
import { registerPreviewFallback } from './preview';
import { bootstrapNewsroomChrome, registerNewsroomChrome } from './newsroom-chrome';
import { ENGLISH_OVERRIDES, ITALIAN_OVERRIDES } from './translations';

/** The browser tab title of the admin (Strapi 5 has no setting for it). */
const ADMIN_TITLE = 'Chiudete i Call Center · Redazione';

/** Where the admin remembers the language each browser chose (Strapi's own key). */
const LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Strapi sets the tab title to "Strapi Admin", then "<page> | Strapi" on
 * every page: put ours in their place, whenever the title changes.
 */
function brandDocumentTitle(): void {
  const rebrand = () => {
    const current = document.title;
    const next = !current || current === 'Strapi Admin' ? ADMIN_TITLE : current.replace(/ \| Strapi$/, ` | ${ADMIN_TITLE}`);
    if (next !== current) document.title = next;
  };
  rebrand();
  new MutationObserver(rebrand).observe(document.head, { subtree: true, childList: true, characterData: true });
}

export default {
  config: {
    // English stays available (Strapi's default); Italian is added.
    locales: ['it'],
    translations: { it: ITALIAN_OVERRIDES, en: ENGLISH_OVERRIDES },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The editors are Italian: Italian until someone picks another language.
    if (!localStorage.getItem(LANGUAGE_KEY)) localStorage.setItem(LANGUAGE_KEY, 'it');
    registerNewsroomChrome(app);
  },
  bootstrap(app: StrapiApp) {
    brandDocumentTitle();
    registerModeration(app);
    registerPartnerWebhookActions(app);
    registerNewsletterActions(app);
    registerEnumerationLabels(app);
    registerPreviewFallback(app);
    bootstrapNewsroomChrome(app);
  },
};
