import { formatImageModifiers, parseImageModifiers, uploadFileName, type ImageModifiers } from '../../shared/utils/image';

export interface PublicImageRequest {
  modifiers: ImageModifiers;
  /** The upload's file name in the CMS (`/uploads/<file>`). */
  file: string;
}

/**
 * Reads a public image URL path, `/_ipx/<modifiers>/uploads/<file>` (the only
 * shape the site links to), or returns null for anything else.
 */
export function publicImageRequest(path: string): PublicImageRequest | null {
  const match = /^\/_ipx\/([^/]+)(\/uploads\/[^/?#]+)(?:\?.*)?$/.exec(path);
  if (!match) return null;
  const modifiers = parseImageModifiers(match[1]!);
  const file = uploadFileName(match[2]!);
  return modifiers && file ? { modifiers, file } : null;
}

/** The in-process IPX path that produces `request` from the CMS at `strapiUrl` (its private address). */
export function internalIpxPath({ modifiers, file }: PublicImageRequest, strapiUrl: string): string {
  const source = `${strapiUrl.replace(/\/+$/, '')}/uploads/${file}`;
  return `/_ipx/${formatImageModifiers(modifiers)}/${encodeURIComponent(source)}`;
}
