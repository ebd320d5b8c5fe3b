import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';

/*
 * The parts of the Content Manager's admin API used by the moderation UI,
 * as @strapi/content-manager 5.54 declares them (src/content-manager.ts,
 * pages/EditView/components/{DocumentActions,Panels}.tsx). Its types are not
 * exported through @strapi/strapi/admin, so they are restated here, narrowed
 * to what this app uses.
 */

/** What document actions and side panels receive: the edit view's document. */
export interface EditViewContext {
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
  document?: Record<string, unknown>;
  documentId?: string;
  model: string;
}

interface ModalOptions {
  type: 'modal';
  title: string;
  content: React.ComponentType<{ onClose: () => void }>;
  onClose?: () => void;
}

export interface DocumentActionDescription {
  label: string;
  icon?: React.ReactNode;
  disabled?: boolean;
  position?: 'panel' | 'header' | 'table-row' | 'preview' | 'relation-modal';
  dialog?: ModalOptions;
  variant?: 'default' | 'secondary' | 'tertiary' | 'success' | 'success-light' | 'danger' | 'danger-light' | 'ghost';
}

export interface DocumentActionComponent {
  (props: EditViewContext): DocumentActionDescription | null;
  /** The default actions carry a type ('update', 'publish'…); ours do not. */
  type?: string;
  /** Where the action may be rendered at all. */
  position?: DocumentActionDescription['position'] | Array<NonNullable<DocumentActionDescription['position']>>;
}

export interface PanelDescription {
  title: string;
  content: React.ReactNode;
}

export type PanelComponent = (props: EditViewContext) => PanelDescription | null;

interface ContentManagerApis {
  addDocumentAction(actions: (previous: DocumentActionComponent[]) => DocumentActionComponent[]): void;
  addEditViewSidePanel(panels: (previous: PanelComponent[]) => PanelComponent[]): void;
}

/** The Content Manager plugin's apis, checked: a Strapi upgrade that renames them fails loudly at boot. */
export function contentManagerApis(app: Pick<StrapiApp, 'getPlugin'>): ContentManagerApis {
  const { apis } = app.getPlugin('content-manager');
  if (typeof apis.addDocumentAction !== 'function' || typeof apis.addEditViewSidePanel !== 'function') {
    throw new Error('[moderation] The Content Manager no longer has addDocumentAction/addEditViewSidePanel: check the Strapi upgrade notes.');
  }
  return apis as unknown as ContentManagerApis;
}
