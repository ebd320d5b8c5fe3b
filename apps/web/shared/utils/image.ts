/**
 * Responsive images of the CMS's uploads, shared by the app (which writes the
 * URLs) and the server (which serves them, server/routes/_ipx).
 *
 * Strapi's local provider stores uploads as `/uploads/<name>_<hash>.<ext>`;
 * with S3 (the CMS's S3_BUCKET) they are `<S3 public URL>/<hash>.<ext>`
 * (NUXT_PUBLIC_S3_PUBLIC_URL here). The site never shows those originals:
 * IPX (sharp, inside this server) resizes them to a few fixed widths and
 * re-encodes them as WebP, at `/_ipx/f_webp&q_75&w_640/uploads/<file>` or
 * `/_ipx/f_webp&q_75&w_640/s3/<file>`. A fixed list of widths keeps the
 * number of variants (and the work of the server) small, and lets the server
 * refuse anything else; the server alone knows where each source is read
 * (server/ipx/sources.ts), so the image route is no proxy to other hosts.
 */

/** Widths (CSS pixels × density) offered in every `srcset`: phones at 1×–3×, tablets, desktops. */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 800, 960, 1280, 1600, 1920] as const;

export const IMAGE_FORMATS = ['webp', 'avif', 'jpeg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The format and quality of every variant: WebP is read by every browser this site supports. */
export const IMAGE_FORMAT: ImageFormat = 'webp';
export const IMAGE_QUALITY = 75;

/** A file name as Strapi writes it (no sub-folders, no encoded characters). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** Raster formats IPX can resize; anything else (SVG, animated GIF) is served as it is. */
const RESIZABLE_EXTENSION = /\.(?:jpe?g|png|webp|avif|tiff?)$/i;

/** Where an upload's original is: the CMS's uploads folder (local disk), or the S3 bucket. */
export const UPLOAD_SOURCES = ['uploads', 's3'] as const;
export type UploadSource = (typeof UPLOAD_SOURCES)[number];

export interface UploadRef {
  source: UploadSource;
  file: string;
}

/** The site path an upload's variants are written for: `/uploads/<file>` or `/s3/<file>`. */
export const uploadPath = ({ source, file }: UploadRef): string => `/${source}/${file}`;

/** The upload of a path written by `uploadPath`, or null for any other path. */
export function uploadRefOfPath(path: string): UploadRef | null {
  const match = /^\/([a-z0-9]+)\/([^/]+)$/.exec(path);
  const source = UPLOAD_SOURCES.find((name) => name === match?.[1]);
  return source && FILE_NAME.test(match![2]!) ? { source, file: match![2]! } : null;
}

/**
 * The upload a CMS media URL points to: `/uploads/<file>` (local disk), or
 * `<s3PublicUrl>/<file>` when the CMS stores uploads on S3; null for any other URL.
 */
export function uploadRef(url: string, s3PublicUrl = ''): UploadRef | null {
  if (url.startsWith('/uploads/')) return uploadRefOfPath(url);
  const base = s3PublicUrl.trim().replace(/\/+$/, '');
  if (!base || !url.startsWith(`${base}/`)) return null;
  const file = url.slice(base.length + 1);
  return FILE_NAME.test(file) ? { source: 's3', file } : null;
}

/** The file name of a CMS upload path (`/uploads/x_1.png` → `x_1.png`), or null for any other URL. */
export function uploadFileName(url: string): string | null {
  const ref = uploadRef(url);
  return ref?.source === 'uploads' ? ref.file : null;
}

/** The upload behind `url` when IPX can serve it resized, else null. */
export function resizableUpload(url: string, s3PublicUrl = ''): UploadRef | null {
  const ref = uploadRef(url, s3PublicUrl);
  return ref && RESIZABLE_EXTENSION.test(ref.file) ? ref : null;
}

/** Whether the image at `url` can be served resized by IPX. */
export function isResizableUpload(url: string, s3PublicUrl = ''): boolean {
  return resizableUpload(url, s3PublicUrl) !== null;
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
