/**
 * Responsive images of the CMS's uploads, shared by the app (which writes the
 * URLs) and the server (which serves them, server/routes/_ipx).
 *
 * Strapi's local provider stores uploads as `/uploads/<name>_<hash>.<ext>`.
 * The site never shows those originals: IPX (sharp, inside this server)
 * resizes them to a few fixed widths and re-encodes them as WebP, at
 * `/_ipx/f_webp&q_75&w_640/uploads/<file>`. A fixed list of widths keeps the
 * number of variants (and the work of the server) small, and lets the server
 * refuse anything else.
 */

/** Widths (CSS pixels × density) offered in every `srcset`: phones at 1×–3×, tablets, desktops. */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 800, 960, 1280, 1600, 1920] as const;

export const IMAGE_FORMATS = ['webp', 'avif', 'jpeg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The format and quality of every variant: WebP is read by every browser this site supports. */
export const IMAGE_FORMAT: ImageFormat = 'webp';
export const IMAGE_QUALITY = 75;

/** A file in the CMS's uploads folder, as Strapi names it (no sub-folders, no encoded characters). */
const UPLOAD_PATH = /^\/uploads\/([A-Za-z0-9][A-Za-z0-9._-]{0,254})$/;

/** Raster formats IPX can resize; anything else (SVG, animated GIF) is served as it is. */
const RESIZABLE_EXTENSION = /\.(?:jpe?g|png|webp|avif|tiff?)$/i;

/** The file name of a CMS upload path (`/uploads/x_1.png` → `x_1.png`), or null for any other URL. */
export function uploadFileName(url: string): string | null {
  return UPLOAD_PATH.exec(url)?.[1] ?? null;
}

/** Whether the image at `url` can be served resized by IPX. */
export function isResizableUpload(url: string): boolean {
  const file = uploadFileName(url);
  return file !== null && RESIZABLE_EXTENSION.test(file);
}

/**
 * The widths of the `srcset` of an image `intrinsicWidth` pixels wide: the
 * standard widths below it (never enlarged), at most `maxWidth`. The original
 * size itself is offered separately, without a width modifier.
 */
export function responsiveWidths(intrinsicWidth: number, maxWidth = Number.POSITIVE_INFINITY): number[] {
  return IMAGE_WIDTHS.filter((width) => width < intrinsicWidth && width <= maxWidth);
}

export interface ImageModifiers {
  format: ImageFormat;
  quality: number;
  /** Undefined: the original width. */
  width?: number;
}

/** The IPX modifiers segment of a variant (`f_webp&q_75&w_640`), keys in IPX's sorted order. */
export function formatImageModifiers({ format, quality, width }: ImageModifiers): string {
  return [`f_${format}`, `q_${quality}`, ...(width === undefined ? [] : [`w_${width}`])].join('&');
}

/**
 * Reads a modifiers segment written by `formatImageModifiers`, or returns
 * null when it asks for anything else (another width, a crop, an unknown
 * option): the server only produces the variants the site links to.
 */
export function parseImageModifiers(segment: string): ImageModifiers | null {
  const values = new Map<string, string>();
  for (const part of segment.split('&')) {
    const match = /^([a-z])_([a-z0-9]+)$/.exec(part);
    if (!match || values.has(match[1]!)) return null;
    values.set(match[1]!, match[2]!);
  }
  const format = values.get('f');
  const quality = Number(values.get('q'));
  const width = values.has('w') ? Number(values.get('w')) : undefined;
  if (values.size !== (width === undefined ? 2 : 3)) return null;
  if (!(IMAGE_FORMATS as readonly string[]).includes(format ?? '')) return null;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) return null;
  if (width !== undefined && !(IMAGE_WIDTHS as readonly number[]).includes(width)) return null;
  return { format: format as ImageFormat, quality, ...(width === undefined ? {} : { width }) };
}
