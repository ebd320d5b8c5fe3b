import type { StrapiApp } from '@strapi/strapi/admin';
import { registerEnumerationLabels } from './labels';
import { registerModeration } from './moderation';
import { registerPreviewFallback } from './preview';

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

/**
 * Content Manager strings that Strapi 5.54 has no Italian for, limited to
 * what editors meet every day (lists, the edit view, relations, messages).
 */
const CONTENT_MANAGER_IT: Record<string, string> = {
  'header.name': 'Gestore Contenuti',
  'components.LeftMenu.collection-types': 'Collezioni',
  'components.LeftMenu.single-types': 'Entità singole',
  'components.LeftMenu.Search.label': 'Cerca un tipo di contenuto',
  'HeaderLayout.button.label-add-entry': 'Crea un nuovo elemento',
  'pages.ListView.header-subtitle': '{number, plural, =0 {Nessun elemento trovato} one {# elemento trovato} other {# elementi trovati}}',
  'containers.list.filters.status': 'Stato',
  'containers.list.table-headers.status': 'Stato',
  'containers.list.items': '{number} {number, plural, =0 {elementi} one {elemento} other {elementi}}',
  'containers.list.table.row-actions': 'Azioni',
  'containers.List.modified': 'Modificato',
  'containers.List.statusFilter.draft': 'Bozza (mai pubblicato)',
  'containers.List.statusFilter.published': 'Pubblicato (tutti)',
  'containers.List.statusFilter.publishedModified': 'Pubblicato (con modifiche non pubblicate)',
  'containers.List.statusFilter.publishedUnmodified': 'Pubblicato (senza modifiche)',
  'containers.empty-label': 'Senza titolo',
  'containers.untitled': 'Senza titolo',
  'containers.edit.title.new': 'Nuovo elemento',
  'containers.edit.panels.default.title': 'Elemento',
  'containers.edit.panels.default.more-actions': 'Altre azioni',
  'containers.edit.header.more-actions': 'Altre azioni',
  'containers.edit.information.document.label': 'Creato',
  'containers.edit.information.document.value': '{time}{isAnonymous, select, true {} other { da {author}}}',
  'containers.edit.information.last-draft.label': 'Modificato',
  'containers.edit.information.last-draft.value': '{time}{isAnonymous, select, true {} other { da {author}}}',
  'containers.edit.information.last-published.label': 'Pubblicato',
  'containers.edit.information.last-published.value': '{time}{isAnonymous, select, true {} other { da {author}}}',
  'containers.edit.tabs.label': 'Versione del documento',
  'containers.edit.tabs.draft': 'bozza',
  'containers.edit.tabs.published': 'pubblicata',
  'form.Input.hint.character.unit': '{maxValue, plural, one { carattere} other { caratteri}}',
  'containers.EditView.saveHint': 'Ctrl / Cmd + Invio per salvare',
  'containers.EditView.publishHint': 'Ctrl / Cmd + Maiusc + Invio per pubblicare',
  'actions.edit.label': 'Modifica',
  'actions.clone.label': 'Duplica',
  'actions.open-in-new-tab.label': 'Apri in una nuova scheda',
  'actions.delete.label': 'Elimina{isLocalized, select, true { (tutte le lingue)} other {}}',
  'actions.delete.dialog.body': 'Vuoi davvero eliminare questo elemento? Non si può tornare indietro.',
  'actions.discard.label': 'Scarta le modifiche',
  'actions.discard.dialog.body': 'Vuoi davvero scartare le modifiche? Non si può tornare indietro.',
  'actions.unpublish.dialog.body': 'Vuoi davvero togliere questo elemento dal sito?',
  'actions.unpublish.dialog.option.keep-draft': 'Togli dal sito e tieni l\'ultima bozza',
  'actions.unpublish.dialog.option.replace-draft': 'Togli dal sito e sostituisci l\'ultima bozza',
  'components.RelationInputModal.modal-title': 'Modifica l\'elemento collegato',
  'components.RelationInputModal.button-fullpage': 'Vai all\'elemento',
  'components.RepeatableComponent.error-message': 'Ci sono errori in questo gruppo di campi',
  'relation.isLoading': 'Caricamento dei collegamenti…',
  'relation.loadMore': 'Mostra altri',
  'relation.notAvailable': 'Nessun elemento da collegare',
  'relation.publicationState.draft': 'Bozza',
  'relation.publicationState.published': 'Pubblicato',
  'success.record.clone': 'Elemento duplicato',
  'success.record.discard': 'Modifiche scartate',
  'success.record.publishing': 'Pubblicazione in corso…',
  'success.records.delete': 'Eliminazione riuscita.',
  'success.records.publish': 'Pubblicazione riuscita.',
  'success.records.unpublish': 'Pubblicazione ritirata.',
  'validation.error': 'Alcuni campi non sono validi: correggili prima di salvare.',
  'listView.validation.errors.title': 'Serve una correzione',
  'listView.validation.errors.message':
    'Prima di pubblicare controlla che tutti i campi siano validi (campi obbligatori, numero minimo o massimo di caratteri, ecc.).',
  'widget.last-edited.title': 'Ultimi elementi modificati',
  'widget.last-edited.no-data': 'Nessun elemento modificato',
  'widget.last-published.title': 'Ultimi elementi pubblicati',
  'widget.last-published.no-data': 'Nessun elemento pubblicato',
};

/** Plugin strings are keyed `<plugin id>.<key>`. */
const prefixed = (pluginId: string, messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, message]) => [`${pluginId}.${key}`, message]));

export default {
  config: {
    // English stays available (Strapi's default); Italian is added.
    locales: ['it'],
    translations: {
      it: {
        'Auth.form.welcome.title': 'Chiudete i Call Center',
        'Auth.form.welcome.subtitle': 'Accedi alla redazione',
        'Auth.form.email.placeholder': 'redazione@esempio.it',
        'app.components.LeftMenu.navbrand.title': 'Chiudete i Call Center',
        'app.components.LeftMenu.navbrand.workplace': 'Redazione',
        ...prefixed('content-manager', CONTENT_MANAGER_IT),
      },
      en: {
        'Auth.form.welcome.title': 'Chiudete i Call Center',
        'Auth.form.welcome.subtitle': 'Log in to the newsroom',
        'app.components.LeftMenu.navbrand.title': 'Chiudete i Call Center',
        'app.components.LeftMenu.navbrand.workplace': 'Redazione',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    // The editors are Italian: Italian until someone picks another language.
    if (!localStorage.getItem(LANGUAGE_KEY)) localStorage.setItem(LANGUAGE_KEY, 'it');
  },
  bootstrap(app: StrapiApp) {
    brandDocumentTitle();
    registerModeration(app);
    registerEnumerationLabels(app);
    registerPreviewFallback(app);
  },
};
