import { z } from 'zod';

/** A relative path with no empty, `.` or `..` segment, no backslash and no NUL: safe to join under a folder. */
const safeRelativePath = z.string().min(1).refine(
  (value) => !value.startsWith('/') && !/[\\\0]/.test(value) && value.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
  { message: 'must be a relative path without empty, "." or ".." segments' },
);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');

export const fileEntrySchema = z.object({
  /** Path inside the archive. */
  path: safeRelativePath,
  size: z.number().int().nonnegative(),
  sha256,
});

export const uploadEntrySchema = fileEntrySchema.extend({
  /** Name under the uploads folder, or the object key in the bucket. */
  key: safeRelativePath,
  contentType: z.string().optional(),
  cacheControl: z.string().optional(),
});

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'chiudete-backup';

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  versions: z.object({
    backupTool: z.string(),
    node: z.string(),
    cms: z.string().nullable(),
    strapi: z.string().nullable(),
    /** PostgreSQL server or SQLite library version. */
    database: z.string(),
    /** pg_dump's version (PostgreSQL only). */
    dumpTool: z.string().nullable(),
  }),
  database: z.object({
    client: z.enum(['postgres', 'sqlite']),
    file: fileEntrySchema,
    /** Rows per table (`schema.table` on PostgreSQL), counted in the dump's own snapshot. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  uploads: z.object({
    source: z.enum(['disk', 's3']),
    bucket: z.string().optional(),
    files: z.array(uploadEntrySchema),
    totalBytes: z.number().int().nonnegative(),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type FileEntry = z.infer<typeof fileEntrySchema>;
export type UploadEntry = z.infer<typeof uploadEntrySchema>;

/** Every file of the archive but the manifest, with its expected size and checksum. */
export const archivedFiles = (manifest: Manifest): FileEntry[] => [manifest.database.file, ...manifest.uploads.files];

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${MANIFEST_FILE} is not JSON (${(error as Error).message})`, { cause: error });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) throw new Error(`${MANIFEST_FILE} is not a valid manifest: ${z.prettifyError(result.error)}`);
  return result.data;
}
