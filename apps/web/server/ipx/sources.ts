import type { UploadSource } from '../../shared/utils/image';

/**
 * Where this server reads the originals of the images it resizes, per
 * source of the public image URLs (shared/utils/image.ts): fixed by the
 * runtime config, never by the request, so the image route fetches nothing
 * but the CMS's uploads and the one S3 bucket prefix.
 */
export type ImageSources = Record<UploadSource, string | null>;

export interface ImageSourcesConfig {
  /** NUXT_STRAPI_URL: the CMS's private address (its `/uploads/<file>`). */
  strapiUrl: string;
  /** NUXT_PUBLIC_S3_PUBLIC_URL: the bucket's public base URL, as the CMS writes it in media URLs (empty: no S3). */
  s3PublicUrl: string;
  /** NUXT_S3_READ_URL: the same files at an address closer to this server (empty: the public URL). */
  s3ReadUrl: string;
}

/** An http(s) URL without trailing slashes, or an error naming the variable. */
function baseUrl(name: string, value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new Error(`Images: ${name}="${value}" must be an http(s) URL without query string, e.g. https://media.chiudeteicallcenter.eu or http://minio:9000/uploads.`);
  }
  return value.replace(/\/+$/, '');
}

export function imageSourcesFrom({ strapiUrl, s3PublicUrl, s3ReadUrl }: ImageSourcesConfig): ImageSources {
  const s3Public = s3PublicUrl.trim() ? baseUrl('NUXT_PUBLIC_S3_PUBLIC_URL', s3PublicUrl.trim()) : null;
  const s3Read = s3ReadUrl.trim() ? baseUrl('NUXT_S3_READ_URL', s3ReadUrl.trim()) : null;
  if (s3Read && !s3Public) throw new Error('Images: NUXT_S3_READ_URL is set but NUXT_PUBLIC_S3_PUBLIC_URL is not: set it to the CMS\'s S3 public URL (S3_PUBLIC_URL there, or <S3_ENDPOINT>/<S3_BUCKET>).');
  return { uploads: baseUrl('NUXT_STRAPI_URL', strapiUrl.trim()), s3: s3Public && (s3Read ?? s3Public) };
}
