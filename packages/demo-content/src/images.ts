import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';

/**
 * Demo images are drawn here as SVG and rendered to PNG with sharp at seed
 * time: nothing is downloaded, nothing binary lives in the repository.
 * Text uses the fonts fontconfig finds (DejaVu/Liberation on Debian); on a
 * machine without fonts the shapes still render, the lettering does not.
 */

export interface Palette {
  from: string;
  to: string;
  accent: string;
  ink: string;
}

export const PALETTES: readonly Palette[] = [
  { from: '#1d3557', to: '#457b9d', accent: '#f4a261', ink: '#ffffff' },
  { from: '#6a040f', to: '#d00000', accent: '#ffba08', ink: '#ffffff' },
  { from: '#264653', to: '#2a9d8f', accent: '#e9c46a', ink: '#ffffff' },
  { from: '#3c096c', to: '#7b2cbf', accent: '#ff9e00', ink: '#ffffff' },
  { from: '#003049', to: '#0077b6', accent: '#fcbf49', ink: '#ffffff' },
  { from: '#283618', to: '#606c38', accent: '#fefae0', ink: '#ffffff' },
  { from: '#9d0208', to: '#e85d04', accent: '#fff3b0', ink: '#ffffff' },
  { from: '#22223b', to: '#4a4e69', accent: '#f2e9e4', ink: '#ffffff' },
];

const SERIF = '\'DejaVu Serif\', \'Liberation Serif\', Georgia, serif';
const SANS = '\'DejaVu Sans\', \'Liberation Sans\', Arial, sans-serif';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap on an approximate character budget per line. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A small deterministic PRNG so the same seed string always draws the same picture. */
function random(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const textLines = (
  lines: string[],
  { x, y, size, lineHeight, family, weight, fill, anchor = 'start' }: {
    x: number;
    y: number;
    size: number;
    lineHeight: number;
    family: string;
    weight: number;
    fill: string;
    anchor?: 'start' | 'middle';
  },
): string =>
  `<text x="${x}" y="${y}" font-family="${family}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">`
  + lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`).join('')
  + '</text>';

/** Fits a title in at most `maxLines` lines by shrinking the type. */
function fitTitle(title: string, width: number, startSize: number, maxLines: number): { lines: string[]; size: number } {
  for (let size = startSize; size > 24; size -= 4) {
    const lines = wrapText(title, Math.floor(width / (size * 0.56)));
    if (lines.length <= maxLines) return { lines, size };
  }
  const size = 24;
  return { lines: wrapText(title, Math.floor(width / (size * 0.56))).slice(0, maxLines), size };
}

/** Abstract background: gradient, translucent discs and "sound wave" bars. */
function abstractBackground(width: number, height: number, palette: Palette, seed: string): string {
  const rand = random(seed);
  const discs = Array.from({ length: 5 }, () => {
    const r = Math.round(height * (0.15 + rand() * 0.45));
    return `<circle cx="${Math.round(rand() * width)}" cy="${Math.round(rand() * height)}" r="${r}" fill="${
      rand() > 0.5 ? palette.accent : palette.ink
    }" opacity="${(0.06 + rand() * 0.12).toFixed(2)}"/>`;
  }).join('');
  const barCount = 28;
  const barWidth = Math.round(width / 2 / barCount);
  const bars = Array.from({ length: barCount }, (_, i) => {
    const h = Math.round(height * (0.04 + rand() * 0.22));
    return `<rect x="${width / 2 + i * barWidth}" y="${height - h - Math.round(height * 0.08)}" width="${
      barWidth - 4
    }" height="${h}" rx="3" fill="${palette.accent}" opacity="0.55"/>`;
  }).join('');
  return (
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">`
    + `<stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>`
    + `<rect width="${width}" height="${height}" fill="url(#bg)"/>${discs}${bars}`
  );
}

const svg = (width: number, height: number, content: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${content}</svg>`;

/** 1200x630 card for an article (cover and social share image). */
export function articleCoverSvg({ title, kicker, palette, seed }: { title: string; kicker: string; palette: Palette; seed: string }): string {
  const width = 1200;
  const height = 630;
  const { lines, size } = fitTitle(title, 1000, 64, 4);
  return svg(
    width,
    height,
    abstractBackground(width, height, palette, seed)
    + `<rect x="80" y="86" width="${Math.min(900, kicker.length * 16 + 48)}" height="44" rx="22" fill="${palette.accent}"/>`
    + textLines([kicker.toUpperCase()], { x: 100, y: 116, size: 22, lineHeight: 0, family: SANS, weight: 700, fill: palette.from })
    + textLines(lines, { x: 80, y: 220, size, lineHeight: Math.round(size * 1.18), family: SERIF, weight: 700, fill: palette.ink })
    + textLines(['Chiudete i Call Center'], { x: 80, y: 570, size: 26, lineHeight: 0, family: SANS, weight: 700, fill: palette.ink }),
  );
}

/** 1200x630 default share image of the site. */
export function siteShareSvg(tagline: string): string {
  const palette = PALETTES[1];
  const width = 1200;
  const height = 630;
  return svg(
    width,
    height,
    abstractBackground(width, height, palette, 'site')
    + textLines(['Chiudete i', 'Call Center'], { x: 80, y: 230, size: 104, lineHeight: 118, family: SERIF, weight: 700, fill: palette.ink })
    + textLines(wrapText(tagline, 52), { x: 84, y: 440, size: 32, lineHeight: 42, family: SANS, weight: 400, fill: palette.accent }),
  );
}

/** 800x1200 typographic book cover. */
export function bookCoverSvg({ title, author, publisher }: { title: string; author: string; publisher: string }): string {
  const width = 800;
  const height = 1200;
  const red = '#c1121f';
  const { lines, size } = fitTitle(title, 640, 92, 5);
  const stripes = Array.from(
    { length: 9 },
    (_, i) => `<rect x="0" y="${820 + i * 26}" width="${width}" height="10" fill="${red}" opacity="${(0.9 - i * 0.09).toFixed(2)}"/>`,
  ).join('');
  return svg(
    width,
    height,
    `<rect width="${width}" height="${height}" fill="#fdf6e3"/>`
    + `<rect x="0" y="0" width="${width}" height="40" fill="${red}"/>`
    // A telephone receiver lifted off the hook: the project's symbol.
    + `<g transform="translate(570 130) rotate(-18) scale(0.9)" fill="#1d1d1f">`
    + `<path d="M-105 10 Q0 -80 105 10" fill="none" stroke="#1d1d1f" stroke-width="34" stroke-linecap="round"/>`
    + `<rect x="-150" y="0" width="90" height="52" rx="24" transform="rotate(-28 -105 26)"/>`
    + `<rect x="60" y="0" width="90" height="52" rx="24" transform="rotate(28 105 26)"/></g>`
    + textLines(lines, { x: 80, y: 330, size, lineHeight: Math.round(size * 1.1), family: SERIF, weight: 700, fill: '#1d1d1f' })
    + stripes
    + textLines([author.toUpperCase()], { x: 80, y: 1110, size: 40, lineHeight: 0, family: SANS, weight: 700, fill: '#1d1d1f' })
    + textLines([publisher], { x: 80, y: 1160, size: 24, lineHeight: 0, family: SANS, weight: 400, fill: '#5c5c5c' }),
  );
}

/** 400x400 avatar with initials. */
export function avatarSvg({ name, palette }: { name: string; palette: Palette }): string {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 2);
  return svg(
    400,
    400,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/>`
    + `<stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>`
    + `<rect width="400" height="400" fill="url(#bg)"/><circle cx="320" cy="80" r="120" fill="${palette.accent}" opacity="0.25"/>`
    + textLines([initials], { x: 200, y: 245, size: 150, lineHeight: 0, family: SERIF, weight: 700, fill: palette.ink, anchor: 'middle' }),
  );
}

/**
 * 1280x720 poster of a video: background and kicker only. The site draws the
 * play button and the title over it, so the poster carries neither.
 */
export function videoPosterSvg({ kicker, palette, seed }: { kicker: string; palette: Palette; seed: string }): string {
  const width = 1280;
  const height = 720;
  return svg(
    width,
    height,
    abstractBackground(width, height, palette, seed)
    + textLines([kicker.toUpperCase()], { x: 90, y: 150, size: 26, lineHeight: 0, family: SANS, weight: 700, fill: palette.accent }),
  );
}

/** Renders an SVG string to a PNG buffer. */
export const renderPng = (source: string): Promise<Buffer> => sharp(Buffer.from(source)).png({ compressionLevel: 6 }).toBuffer();

export interface ImageSpec {
  /** File name in the media library, without extension. */
  name: string;
  svg: string;
  /** Italian alternative text, read by screen readers. */
  alt: string;
  caption?: string;
}

export interface UploadedImage {
  id: number;
  documentId: string;
  url: string;
}

/** The part of the upload plugin's `upload` service used here. */
interface UploadService {
  upload(input: {
    data: { fileInfo: { name: string; alternativeText: string; caption?: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<UploadedImage[]>;
  remove(file: UploadedImage): Promise<unknown>;
}

const UPLOAD_CONCURRENCY = 3;

const uploadService = (strapi: Core.Strapi): UploadService => strapi.plugin('upload').service('upload') as UploadService;

/**
 * Renders every image (in parallel), then uploads them a few at a time
 * through the upload plugin (which stores the file and generates its thumbnail
 * and responsive formats). Returns the media entries keyed like `specs`; on
 * failure, removes what was already uploaded.
 */
export async function createImages<K extends string>(
  strapi: Core.Strapi,
  specs: Record<K, ImageSpec>,
): Promise<Record<K, UploadedImage>> {
  const keys = Object.keys(specs) as K[];
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'cicc-seed-'));
  const uploaded: Partial<Record<K, UploadedImage>> = {};
  try {
    const rendered = await Promise.all(
      keys.map(async (key) => {
        const spec = specs[key];
        const buffer = await renderPng(spec.svg);
        const filepath = path.join(dir, `${spec.name}.png`);
        await writeFile(filepath, buffer);
        return { key, spec, filepath, size: buffer.length };
      }),
    );
    strapi.log.info(`[seed] Rendered ${rendered.length} PNG images in ${Date.now() - started} ms; uploading...`);
    // The upload plugin optimizes each image and derives its thumbnail and
    // responsive formats: a few uploads at a time keep both cores busy.
    const queue = [...rendered];
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { key, spec, filepath, size } = item;
        try {
          const [file] = await uploadService(strapi).upload({
            data: { fileInfo: { name: `${spec.name}.png`, alternativeText: spec.alt, caption: spec.caption } },
            files: { filepath, originalFilename: `${spec.name}.png`, mimetype: 'image/png', size },
          });
          if (!file) throw new Error(`Upload of ${spec.name}.png returned no file`);
          uploaded[key] = file;
        } catch (error) {
          queue.length = 0; // stop the other workers too
          throw error;
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  } catch (error) {
    await removeImages(strapi, Object.values<UploadedImage | undefined>(uploaded));
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return uploaded as Record<K, UploadedImage>;
}

/** Deletes media entries and their files (used to undo a failed seed). */
export async function removeImages(strapi: Core.Strapi, files: Array<UploadedImage | undefined>): Promise<void> {
  for (const file of files) {
    if (!file) continue;
    try {
      const full = await strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
      if (full) await uploadService(strapi).remove(full);
    } catch (error) {
      strapi.log.warn(`[seed] Could not remove the demo image ${file.id}: ${String(error)}`);
    }
  }
}
