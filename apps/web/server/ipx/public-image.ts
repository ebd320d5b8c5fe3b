import { formatImageModifiers, parseImageModifiers, uploadRefOfPath, type ImageModifiers, type UploadRef } from '../../shared/utils/image';
import type { ImageSources } from './sources';

export interface PublicImageRequest extends UploadRef {
  modifiers: ImageModifiers;
}

/**
 * Reads a public image URL path, `/_ipx/<modifiers>/uploads/<file>` (the CMS's
 * disk) or `/_ipx/<modifiers>/s3/<file>` (the S3 bucket), the only shapes the
 * site links to, or returns null for anything else.
 */
export function publicImageRequest(path: string): PublicImageRequest | null {
  const match = /^\/_ipx\/([^/]+)(\/[^/]+\/[^/?#]+)(?:\?.*)?$/.exec(path);
  if (!match) return null;
  const modifiers = parseImageModifiers(match[1]!);
  const upload = uploadRefOfPath(match[2]!);
  return modifiers && upload ? { modifiers, ...upload } : null;
}

/**
 * The in-process IPX path that produces `request` from its source's private
 * address (./sources.ts), or null when that source is not configured (S3
 * images on a site without NUXT_PUBLIC_S3_PUBLIC_URL).
 */
export function internalIpxPath({ modifiers, source, file }: PublicImageRequest, sources: ImageSources): string | null {
  const base = sources[source];
  if (!base) return null;
  const original = source === 'uploads' ? `${base}/uploads/${file}` : `${base}/${file}`;
  return `/_ipx/${formatImageModifiers(modifiers)}/${encodeURIComponent(original)}`;
}
