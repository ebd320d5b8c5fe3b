import * as React from 'react';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useForm } from '@strapi/strapi/admin';
import { findSlugField, isUntouchedSlug } from './slug-field';

/** How long the title must stay still before the slug is rebuilt. */
const DEBOUNCE_MS = 400;

/**
 * While an entry is being created, the page address (the uid field, e.g.
 * `slug`) follows its `targetField` (e.g. `title`). Strapi 5 builds a uid once,
 * when the form opens: from the still empty title, so every new article
 * starts as "article", and it never looks at the title again (Strapi 4 did).
 * This rebuilds it through Strapi's own generator (POST
 * /content-manager/uid/generate: same slugify, a free value) as the title
 * changes, until the editor types an address of their own. Renders nothing;
 * mounted in the edit view's side panel (injection zone `editView.right-links`).
 */
export function SlugFollowsTitle() {
  const { contentType, collectionType, id, model } = useContentManagerContext();
  // The context's own `isCreatingEntry` is always false in 5.54 (it compares an id that is
  // undefined on the create page with 'create'): a collection type's entry without an id is new.
  const isCreatingEntry = collectionType === 'collection-types' && !id;
  const values = useForm('SlugFollowsTitle', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('SlugFollowsTitle', (state) => state.onChange);
  const { post } = useFetchClient();
  const slugField = findSlugField((contentType?.attributes ?? {}) as Record<string, unknown>);
  const target = slugField ? values[slugField.targetField] : undefined;
  const title = typeof target === 'string' ? target.trim() : '';
  const lastGenerated = React.useRef<string | null>(null);
  const latest = React.useRef({ values, onChange });
  latest.current = { values, onChange };
  const typeName = String((contentType?.info as { singularName?: string } | undefined)?.singularName ?? '');

  React.useEffect(() => {
    if (!isCreatingEntry || !slugField || !title) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      if (!isUntouchedSlug(latest.current.values[slugField.name], lastGenerated.current, typeName)) return;
      try {
        const { data } = await post<{ data: string }>('/content-manager/uid/generate', {
          contentTypeUID: model,
          field: slugField.name,
          data: { ...latest.current.values, id: '' },
        });
        // The editor may have typed an address while the request ran: theirs wins.
        if (cancelled || !isUntouchedSlug(latest.current.values[slugField.name], lastGenerated.current, typeName)) return;
        lastGenerated.current = data.data;
        latest.current.onChange(slugField.name, data.data);
      } catch {
        // Nothing lost: the slug keeps its value and «rigenera» still works.
      }
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [isCreatingEntry, slugField?.name, title, model, post, typeName]);

  return null;
}
