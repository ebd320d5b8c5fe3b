import path from 'node:path';
import { BackupError } from './errors.ts';
import { cmsDirOf, read, readBool, readInt, type Env } from './env.ts';

/**
 * Where the CMS keeps its data, read from the same variables and with the
 * same defaults as apps/cms/config/database.ts and config/server.ts (tests
 * check the two agree), and from the S3 variables of the upload provider.
 */

export interface PostgresConnection {
  connectionString?: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: boolean;
}

export type DatabaseTarget
  = | { client: 'sqlite'; filename: string }
    | { client: 'postgres'; connection: PostgresConnection };

export interface S3Target {
  kind: 's3';
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Absent: the SDK's default chain (instance role, web identity...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export type UploadsTarget = { kind: 'disk'; dir: string } | S3Target;

export function databaseTarget(env: Env): DatabaseTarget {
  const client = read(env, 'DATABASE_CLIENT', 'sqlite');
  if (client === 'sqlite') {
    return { client, filename: path.resolve(cmsDirOf(env), read(env, 'DATABASE_FILENAME', '.tmp/data.db')) };
  }
  if (client !== 'postgres') throw new BackupError(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  return {
    client,
    connection: {
      connectionString: read(env, 'DATABASE_URL', '') || undefined,
      host: read(env, 'DATABASE_HOST', '127.0.0.1'),
      port: readInt(env, 'DATABASE_PORT', 5432),
      database: read(env, 'DATABASE_NAME', 'strapi'),
      user: read(env, 'DATABASE_USERNAME', 'strapi'),
      password: read(env, 'DATABASE_PASSWORD', ''),
      ssl: readBool(env, 'DATABASE_SSL', false),
    },
  };
}

export function uploadsTarget(env: Env): UploadsTarget {
  const bucket = read(env, 'S3_BUCKET', '');
  if (!bucket) {
    // Strapi resolves server.dirs.public against the app's directory; uploads live in its uploads/.
    return { kind: 'disk', dir: path.join(path.resolve(cmsDirOf(env), read(env, 'PUBLIC_DIR', './public')), 'uploads') };
  }
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID', '');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY', '');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new BackupError('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the SDK\'s default credentials).');
  }
  return {
    kind: 's3',
    bucket,
    region: read(env, 'S3_REGION', 'us-east-1'),
    endpoint: read(env, 'S3_ENDPOINT', '') || undefined,
    forcePathStyle: readBool(env, 'S3_FORCE_PATH_STYLE', false),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export const describeDatabase = (target: DatabaseTarget): string =>
  target.client === 'sqlite'
    ? `SQLite ${target.filename}`
    : `PostgreSQL ${target.connection.connectionString ? redactUrl(target.connection.connectionString) : `${target.connection.user}@${target.connection.host}:${target.connection.port}/${target.connection.database}`}`;

export const describeUploads = (target: UploadsTarget): string =>
  target.kind === 'disk' ? `folder ${target.dir}` : `S3 bucket ${target.bucket}${target.endpoint ? ` at ${target.endpoint}` : ''}`;

/** A URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
