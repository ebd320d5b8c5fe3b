import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { newsroomWidgets } from './home/widgets';
import { DateTimeInput } from './scheduling/DateTimeInput';
import { ScheduledBadge } from './scheduling/ScheduledBadge';
import { SlugFollowsTitle } from './slug/SlugFollowsTitle';

type Widgets = Parameters<StrapiApp['widgets']['register']>[0];

/**
 * Register phase (after Strapi's plugins registered theirs): the newsroom's
 * home page widgets, and the datetime input of every edit view.
 */
export function registerNewsroomChrome(app: StrapiApp): void {
  app.widgets.register(newsroomWidgets as unknown as Widgets);
  app.addFields({ type: 'datetime', Component: DateTimeInput as unknown as ComponentType });
}

interface InjectablePlugin {
  injectComponent(view: 'editView', zone: 'right-links', component: { name: string; Component: () => unknown }): void;
}

/**
 * Bootstrap phase: in the edit view's side panel, under «Pubblica» and
 * «Salva», the "Programmato per il …" badge and the slug that follows the title.
 */
export function bootstrapNewsroomChrome(app: Pick<StrapiApp, 'getPlugin'>): void {
  const contentManager = app.getPlugin('content-manager') as unknown as InjectablePlugin;
  if (typeof contentManager.injectComponent !== 'function') {
    throw new Error('[newsroom] The Content Manager no longer has injectComponent: check the Strapi upgrade notes.');
  }
  contentManager.injectComponent('editView', 'right-links', { name: 'chiudete-scheduled-badge', Component: ScheduledBadge });
  contentManager.injectComponent('editView', 'right-links', { name: 'chiudete-slug-follows-title', Component: SlugFollowsTitle });
}
