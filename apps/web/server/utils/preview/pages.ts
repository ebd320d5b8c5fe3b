import type { PreviewScope } from '../../../shared/utils/preview-scope';
import { canonicalPath } from '../page-cache/canonical';
import { entryPaths } from '../page-cache/paths';

/** The canonical paths of the pages a preview session shows its document on (a video's: /video; a book's: /libro). */
export const previewPagePaths = (scope: PreviewScope): string[] => entryPaths(scope.type, scope.slug);

/** Whether a request path (with or without its query) is one of the session's pages, however it is written. */
export function isPreviewedPage(scope: PreviewScope, requestPath: string): boolean {
  const mark = requestPath.indexOf('?');
  const path = canonicalPath(mark < 0 ? requestPath : requestPath.slice(0, mark));
  return path !== null && previewPagePaths(scope).includes(path);
}
