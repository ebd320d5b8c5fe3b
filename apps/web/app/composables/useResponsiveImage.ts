import type { Media, MediaFormatName } from '@chiudete/types';

/** What MediaImage needs of an image: a media-library entry, or the copy of one inside rich text. */
export interface ImageMedia {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Media['formats'];
  updatedAt?: string | null;
}

export interface ResponsiveImage {
  src: string;
  srcset: string | undefined;
  /** The intrinsic size, for the `width`/`height` attributes (the browser reserves the box: no layout shift). */
  width: number | undefined;
  height: number | undefined;
  alt: string;
}

/**
 * Largest variant worth offering per legacy `maxFormat` (Strapi's format
 * names): about three times the largest box the image is shown in.
 */
const MAX_WIDTH: Record<MediaFormatName, number> = { thumbnail: 320, small: 1280, medium: 1600, large: 1920 };

/** The `src` used by browsers that ignore `srcset`: a middle width, enough for a phone. */
const FALLBACK_WIDTH = 800;

/**
 * `src`, `srcset` and intrinsic size of a CMS image. Uploads of the CMS
 * (`/uploads/...`, or files of its S3 bucket when `public.s3PublicUrl` is
 * set; JPEG/PNG/WebP/AVIF) become WebP variants at fixed widths,
 * resized by IPX in this server (see shared/utils/image.ts); the URL carries
 * the upload's `updatedAt`, because replacing a file in the Media Library
 * keeps its URL. Anything else (an SVG, a GIF, a file on another host) is
 * served as it is, with Strapi's own formats as `srcset`.
 */
export function useResponsiveImage(): (media: ImageMedia, options?: { maxFormat?: MediaFormatName; decorative?: boolean }) => ResponsiveImage {
  const img = useImage();
  const strapiFormats = useImageSource();
  const { s3PublicUrl } = useRuntimeConfig().public;

  return (media, { maxFormat = 'large', decorative = false } = {}) => {
    const alt = decorative ? '' : (media.alternativeText ?? '').trim();
    const { width, height } = media;
    const upload = resizableUpload(media.url, s3PublicUrl);
    if (!upload || !width || !height) {
      const source = strapiFormats({ url: media.url, alternativeText: alt, formats: media.formats ?? null, width: width ?? null, height: height ?? null }, maxFormat);
      return { ...source, alt };
    }

    const updated = media.updatedAt ? Date.parse(media.updatedAt) : Number.NaN;
    const version = Number.isFinite(updated) ? `?v=${updated.toString(36)}` : '';
    const variant = (variantWidth?: number) =>
      `${img(uploadPath(upload), { format: IMAGE_FORMAT, quality: IMAGE_QUALITY, ...(variantWidth ? { width: variantWidth } : {}) }, { provider: 'ipx' })}${version}`;

    const widths = responsiveWidths(width, MAX_WIDTH[maxFormat]);
    const candidates = [
      ...widths.map((candidate) => `${variant(candidate)} ${candidate}w`),
      // The original size, unless it is far larger than anything the layout shows.
      ...(width <= MAX_WIDTH[maxFormat] ? [`${variant()} ${width}w`] : []),
    ];
    const fallback = widths.filter((candidate) => candidate <= FALLBACK_WIDTH).at(-1);
    return {
      src: variant(width <= FALLBACK_WIDTH ? undefined : fallback),
      srcset: candidates.join(', '),
      width,
      height,
      alt,
    };
  };
}
