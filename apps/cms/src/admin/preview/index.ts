import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PreviewFallback } from './PreviewFallback';

/**
 * The Preview page's fallback (./PreviewFallback.tsx), in the Content
 * Manager's `preview.actions` injection zone (the Preview page's header, the
 * one zone Strapi 5.54 has there).
 */
export function registerPreviewFallback(app: Pick<StrapiApp, 'getPlugin'>): void {
  const contentManager = app.getPlugin('content-manager') as unknown as {
    injectComponent?: (container: string, block: string, component: { name: string; Component: React.ComponentType }) => void;
  };
  if (typeof contentManager.injectComponent !== 'function') {
    throw new Error('[preview] The Content Manager no longer has injectComponent: check the Strapi upgrade notes.');
  }
  contentManager.injectComponent('preview', 'actions', { name: 'chiudete-preview-fallback', Component: PreviewFallback });
}
