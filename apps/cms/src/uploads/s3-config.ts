/**
 * Where uploads live: the local disk (`<PUBLIC_DIR>/uploads`, Strapi's
 * `local` provider) unless S3_BUCKET is set, then an S3 bucket
 * (@strapi/provider-upload-aws-s3; AWS, MinIO or any S3-compatible store).
 * Read by config/plugins.ts (the upload provider) and config/middlewares.ts
 * (the admin's CSP must allow the public URL of the files). The backups read
 * the same variables.
 */
export interface S3UploadConfig {
  bucket: string;
  region: string;
  /** Empty: AWS itself. */
  endpoint: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL the files are served from, without a trailing slash: a file's URL is `<publicUrl>/<hash><ext>`. */
  publicUrl: string;
}

export interface S3UploadEnv {
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ENDPOINT?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: string;
  S3_PUBLIC_URL?: string;
}

const S3_ENV_NAMES = ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PUBLIC_URL'] as const;

/** The S3_* variables, read with the config files' `env()` (`s3UploadEnv((name) => env(name, ''))`). */
export const s3UploadEnv = (read: (name: string) => string): S3UploadEnv =>
  Object.fromEntries(S3_ENV_NAMES.map((name) => [name, read(name)]));

const DEFAULT_REGION = 'us-east-1';

const fail = (message: string): never => {
  throw new Error(`Uploads configuration: ${message}`);
};

/** An http(s) URL without its trailing slashes, or a failure naming `name`. */
function httpUrl(name: string, value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    fail(`${name}="${value}" must be an http(s) URL without query string, e.g. ${name === 'S3_ENDPOINT' ? 'http://minio:9000' : 'https://media.chiudeteicallcenter.eu'}.`);
  }
  return value.replace(/\/+$/, '');
}

function flag(name: string, value: string | undefined): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  return fail(`${name}="${value}" must be true or false.`);
}

/**
 * The public base URL of the bucket's files when S3_PUBLIC_URL is not set:
 * `<endpoint>/<bucket>` (path style, MinIO and other S3-compatible stores),
 * or AWS's virtual-hosted address of the bucket.
 */
export function defaultS3PublicUrl({ bucket, region, endpoint }: Pick<S3UploadConfig, 'bucket' | 'region' | 'endpoint'>): string {
  return endpoint ? `${endpoint}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`;
}

/**
 * The S3 settings, or null when S3_BUCKET is not set (local disk). Checked
 * when the configuration loads: with S3_BUCKET set, a missing credential or
 * a malformed URL stops the CMS at start, naming the variable.
 */
export function readS3UploadConfig(env: S3UploadEnv): S3UploadConfig | null {
  const bucket = env.S3_BUCKET?.trim() ?? '';
  if (bucket === '') return null;
  // S3's rules for bucket names (3–63 characters, lower case, digits, dots, hyphens).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) fail(`S3_BUCKET="${bucket}" is not a valid bucket name (3–63 lower-case letters, digits, dots or hyphens).`);

  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() ?? '';
  if (accessKeyId === '') fail('S3_BUCKET is set but S3_ACCESS_KEY_ID is missing: set the access key of a user that may read, write and delete objects in the bucket (or unset S3_BUCKET to keep uploads on the local disk).');
  if (secretAccessKey === '') fail('S3_BUCKET is set but S3_SECRET_ACCESS_KEY is missing: set the secret of S3_ACCESS_KEY_ID (or unset S3_BUCKET to keep uploads on the local disk).');

  const region = env.S3_REGION?.trim() || DEFAULT_REGION;
  const endpointText = env.S3_ENDPOINT?.trim() ?? '';
  const endpoint = endpointText ? httpUrl('S3_ENDPOINT', endpointText) : '';
  const publicText = env.S3_PUBLIC_URL?.trim() ?? '';
  const publicUrl = publicText ? httpUrl('S3_PUBLIC_URL', publicText) : defaultS3PublicUrl({ bucket, region, endpoint });
  return { bucket, region, endpoint, forcePathStyle: flag('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE), accessKeyId, secretAccessKey, publicUrl };
}

/** The origin of the files' public URL (the admin's CSP allows it). */
export const s3PublicOrigin = (config: S3UploadConfig): string => new URL(config.publicUrl).origin;

/**
 * The upload plugin's `provider`/`providerOptions` for the bucket.
 * `baseUrl` makes every stored URL `<publicUrl>/<key>`, whatever address the
 * store answers with. No ACL header: buckets created on AWS since 2023 refuse
 * ACLs, and the provider would send `public-read` by default; public reads
 * are the bucket policy's (or the CDN's) job. Files are public (the site
 * shows them), so URLs are not signed.
 */
export function s3ProviderConfig(config: S3UploadConfig) {
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: config.publicUrl,
      s3Options: {
        region: config.region,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        forcePathStyle: config.forcePathStyle,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        params: { Bucket: config.bucket, ACL: undefined },
      },
    },
  };
}
