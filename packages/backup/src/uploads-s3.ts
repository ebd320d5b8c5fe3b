import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BackupError } from './errors.ts';
import { digestBuffer, hashingStream, mapLimit } from './hash.ts';
import type { UploadEntry } from './manifest.ts';
import type { S3Target } from './targets.ts';

/** Objects transferred at the same time. */
const CONCURRENCY = 8;

export function s3Client(target: S3Target): S3Client {
  return new S3Client({
    region: target.region,
    endpoint: target.endpoint,
    forcePathStyle: target.forcePathStyle,
    credentials: target.credentials,
  });
}

const s3Failure = (target: S3Target, action: string, error: unknown) =>
  new BackupError(`S3 ${action} on bucket "${target.bucket}"${target.endpoint ? ` at ${target.endpoint}` : ''} failed: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });

/** Keys of every object in the bucket (folder markers, keys ending in "/", excluded), in listing order. */
export async function listS3Keys(target: S3Target, client = s3Client(target), limit = Infinity): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: target.bucket, ContinuationToken: token, MaxKeys: Math.min(1000, limit) }))
      .catch((error: unknown) => {
        throw s3Failure(target, 'ListObjectsV2', error);
      });
    for (const object of page.Contents ?? []) if (object.Key && !object.Key.endsWith('/')) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && keys.length < limit);
  return keys;
}

const unsafeKey = (key: string) => key.startsWith('/') || /[\\\0]/.test(key) || key.split('/').some((part) => part === '' || part === '.' || part === '..');

/** Downloads every object into `dir` (as uploads/<key>), hashing on the way; keeps content type and cache control. */
export async function downloadS3Uploads(target: S3Target, dir: string): Promise<UploadEntry[]> {
  const client = s3Client(target);
  const keys = await listS3Keys(target, client);
  const unsafe = keys.filter(unsafeKey);
  if (unsafe.length) throw new BackupError(`Bucket "${target.bucket}" holds keys that cannot be stored as paths: ${unsafe.slice(0, 5).join(', ')}`);
  return mapLimit(keys.sort(), CONCURRENCY, async (key) => {
    const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key })).catch((error: unknown) => {
      throw s3Failure(target, `GetObject ${key}`, error);
    });
    const file = path.join(dir, key);
    await mkdir(path.dirname(file), { recursive: true });
    const hashing = hashingStream();
    await pipeline(object.Body as Readable, hashing, createWriteStream(file));
    return {
      key,
      path: `uploads/${key}`,
      ...hashing.digest(),
      ...(object.ContentType ? { contentType: object.ContentType } : {}),
      ...(object.CacheControl ? { cacheControl: object.CacheControl } : {}),
    };
  });
}

export async function uploadToS3(target: S3Target, fromDir: string, files: readonly UploadEntry[]): Promise<void> {
  const client = s3Client(target);
  await mapLimit(files, CONCURRENCY, async (file) => {
    // A buffer, not a stream: a known length and a checksum computed up front work with every S3-compatible server.
    const body = await readFile(path.join(fromDir, file.path));
    await client.send(new PutObjectCommand({ Bucket: target.bucket, Key: file.key, Body: body, ContentType: file.contentType, CacheControl: file.cacheControl }))
      .catch((error: unknown) => {
        throw s3Failure(target, `PutObject ${file.key}`, error);
      });
  });
}

/** Reads every object back and compares it with the manifest: a list of what differs. */
export async function checkS3Uploads(target: S3Target, files: readonly UploadEntry[]): Promise<string[]> {
  const client = s3Client(target);
  const problems = await mapLimit(files, CONCURRENCY, async (file) => {
    const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: file.key })).catch((error: unknown) => error as Error);
    if (object instanceof Error) return `${file.key}: ${object.name}`;
    const digest = digestBuffer(Buffer.from(await object.Body!.transformToByteArray()));
    if (digest.sha256 !== file.sha256 || digest.size !== file.size) return `${file.key}: ${digest.size} bytes, sha256 ${digest.sha256}; expected ${file.size} bytes, ${file.sha256}`;
    if (file.contentType && object.ContentType !== file.contentType) return `${file.key}: content type ${object.ContentType}, expected ${file.contentType}`;
    return undefined;
  });
  return problems.filter((p): p is string => p !== undefined);
}
