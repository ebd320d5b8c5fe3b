import type { StrapiApp } from '@strapi/strapi/admin';
import { ApproveAction } from './ApproveAction';
import { contentManagerApis, type DocumentActionComponent } from './content-manager';
import { PersonalDataPanel } from './PersonalDataPanel';
import { RejectAction } from './RejectAction';

/**
 * The moderation UI of testimony submissions, in the Content Manager's edit
 * view (each piece renders nothing for any other content type):
 * - "Approva e pubblica" and "Rifiuta" document actions, just before "Salva":
 *   the side panel shows two buttons (the rest go to its "…" menu), so the
 *   decision takes both while the form is saved, and steps aside (the actions
 *   render nothing) as soon as the form has unsaved changes, leaving "Salva"
 *   first: a decision is never taken on top of unsaved edits;
 * - the "Dati personali trovati" side panel, which also takes a new
 *   submission into review when it is opened.
 */
export function registerModeration(app: Pick<StrapiApp, 'getPlugin'>): void {
  const contentManager = contentManagerApis(app);
  contentManager.addDocumentAction((actions: DocumentActionComponent[]) => {
    const save = actions.findIndex((action) => action.type === 'update');
    const at = save >= 0 ? save : actions.length;
    return [...actions.slice(0, at), ApproveAction, RejectAction, ...actions.slice(at)];
  });
  contentManager.addEditViewSidePanel((panels) => [...panels, PersonalDataPanel]);
}
