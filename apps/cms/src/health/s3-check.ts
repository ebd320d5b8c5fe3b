import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * The uploads bucket, when uploads go to S3 (S3_BUCKET set; the variables
 * of the S3 upload provider: S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE). The probe asks HeadBucket:
 * the bucket exists and these credentials may use it. One attempt, no
 * retries: the probe has its own timeout.
 */
export interface S3CheckConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function readS3CheckConfig(env: Readonly<Record<string, string | undefined>>): S3CheckConfig | undefined {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  return {
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE?.trim().toLowerCase() === 'true',
    // Without keys, the SDK's own chain (an instance role, a web identity) provides them.
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export class S3BucketCheck {
  private readonly client: S3Client;

  constructor(private readonly config: S3CheckConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      maxAttempts: 1,
    });
  }

  async head(timeoutMs: number): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
  }

  close(): void {
    this.client.destroy();
  }
}
