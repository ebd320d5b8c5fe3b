import { withoutContentApiReadRoutes, type PluginWithRoutes } from '../../utils/without-read-routes';

interface UploadPlugin extends PluginWithRoutes {
  contentTypes?: { file?: { schema?: { attributes?: Record<string, { private?: boolean }> } } };
}

/**
 * - No `GET /api/upload/files[/:id]`: read-only API tokens could list every file, drafts' media included (see the helper).
 * - A file's `related` (every entry that uses it, drafts and draft versions included) is private: otherwise
 *   `populate[cover][populate]=*` serves them through any published entry's media (found by tests/fuzz-contract.test.ts).
 *   The admin's media library is not affected: `private` only hides an attribute from the content API.
 */
export default function uploadExtension<P extends UploadPlugin>(plugin: P): P {
  const related = plugin.contentTypes?.file?.schema?.attributes?.related;
  if (related) related.private = true;
  return withoutContentApiReadRoutes(plugin);
}
