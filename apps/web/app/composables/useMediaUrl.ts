import type { Media, MediaFormat, MediaFormatName } from '@chiudete/types';

/**
 * Media URLs for the browser. Strapi's local upload provider returns paths
 * (`/uploads/cover_abc.jpg`) that are relative to the CMS, not to this site:
 * they are made absolute with `runtimeConfig.public.cmsUrl`. Absolute URLs
 * (a cloud provider) are returned as they are.
 */
export function useMediaUrl(): (url: string) => string {
  const cmsUrl = useRuntimeConfig().public.cmsUrl.replace(/\/+$/, '');
  return (url) => (/^https?:\/\//i.test(url) ? url : `${cmsUrl}/${url.replace(/^\/+/, '')}`);
}

export interface ImageSource {
  src: string;
  srcset: string | undefined;
  width: number | undefined;
  height: number | undefined;
  alt: string;
}

const FORMAT_ORDER: MediaFormatName[] = ['thumbnail', 'small', 'medium', 'large'];

/** `src` (the largest format up to `maxFormat`, or the original), a `srcset` of every size, and the intrinsic size. */
export function useImageSource(): (media: Pick<Media, 'url' | 'formats' | 'width' | 'height' | 'alternativeText'>, maxFormat?: MediaFormatName) => ImageSource {
  const mediaUrl = useMediaUrl();
  return (media, maxFormat = 'large') => {
    const formats = media.formats ?? {};
    const available = FORMAT_ORDER
      .map((name) => formats[name])
      .filter((format): format is MediaFormat => format !== undefined);
    const limit = FORMAT_ORDER.indexOf(maxFormat);
    const preferred = FORMAT_ORDER.slice(0, limit + 1).reverse().map((name) => formats[name]).find((format) => format !== undefined);

    const candidates = [...available.map((format) => ({ url: format.url, width: format.width }))];
    if (media.width) candidates.push({ url: media.url, width: media.width });
    const srcset = candidates.length > 1
      ? candidates.map((candidate) => `${mediaUrl(candidate.url)} ${candidate.width}w`).join(', ')
      : undefined;

    return {
      src: mediaUrl(preferred?.url ?? media.url),
      srcset,
      width: preferred?.width ?? media.width ?? undefined,
      height: preferred?.height ?? media.height ?? undefined,
      alt: media.alternativeText ?? '',
    };
  };
}
