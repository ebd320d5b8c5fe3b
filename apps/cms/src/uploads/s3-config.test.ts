import { describe, expect, it } from 'vitest';
import { readS3UploadConfig, s3ProviderConfig, s3PublicOrigin, s3UploadEnv } from './s3-config';

const credentials = { S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'secret-example' };

describe('S3 uploads configuration', () => {
  it('keeps uploads on the local disk without S3_BUCKET', () => {
    expect(readS3UploadConfig({})).toBeNull();
    expect(readS3UploadConfig({ S3_BUCKET: '  ', S3_ENDPOINT: 'not a url' })).toBeNull();
  });

  it.each([
    [{ S3_BUCKET: 'media' }, /S3_ACCESS_KEY_ID is missing/],
    [{ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, /S3_SECRET_ACCESS_KEY is missing/],
    [{ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: ' ', S3_SECRET_ACCESS_KEY: 'x' }, /S3_ACCESS_KEY_ID is missing/],
    [{ S3_BUCKET: 'Media_Files', ...credentials }, /S3_BUCKET="Media_Files" is not a valid bucket name/],
    [{ S3_BUCKET: 'media', ...credentials, S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT="minio:9000" must be an http\(s\) URL/],
    [{ S3_BUCKET: 'media', ...credentials, S3_PUBLIC_URL: 'ftp://cdn.example.org' }, /S3_PUBLIC_URL="ftp:\/\/cdn.example.org" must be an http\(s\) URL/],
    [{ S3_BUCKET: 'media', ...credentials, S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE="yes" must be true or false/],
  ])('stops the CMS naming the variable: %j', (env, message) => {
    expect(() => readS3UploadConfig(env)).toThrow(message);
  });

  it('serves MinIO-style stores path style from the endpoint by default', () => {
    const config = readS3UploadConfig({ S3_BUCKET: 'media', ...credentials, S3_ENDPOINT: 'http://minio:9000/', S3_FORCE_PATH_STYLE: 'true' })!;
    expect(config).toEqual({
      bucket: 'media', region: 'us-east-1', endpoint: 'http://minio:9000', forcePathStyle: true,
      accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example', publicUrl: 'http://minio:9000/media',
    });
    expect(s3PublicOrigin(config)).toBe('http://minio:9000');
  });

  it('uses AWS\'s bucket address, or S3_PUBLIC_URL (a CDN) when set', () => {
    expect(readS3UploadConfig({ S3_BUCKET: 'media', S3_REGION: 'eu-south-1', ...credentials })?.publicUrl).toBe('https://media.s3.eu-south-1.amazonaws.com');
    const cdn = readS3UploadConfig({ S3_BUCKET: 'media', ...credentials, S3_PUBLIC_URL: 'https://cdn.example.org/files/' })!;
    expect(cdn.publicUrl).toBe('https://cdn.example.org/files');
    expect(cdn.forcePathStyle).toBe(false);
  });

  it('gives the provider a fixed base URL, the credentials, and no ACL header', () => {
    const config = readS3UploadConfig({ S3_BUCKET: 'media', ...credentials, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: '1' })!;
    const { provider, providerOptions } = s3ProviderConfig(config);
    expect(provider).toBe('aws-s3');
    expect(providerOptions.baseUrl).toBe('http://127.0.0.1:9000/media');
    expect(providerOptions.s3Options).toMatchObject({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' } });
    // The key is present (the provider only adds `public-read` when it is absent) and empty.
    expect('ACL' in providerOptions.s3Options.params).toBe(true);
    expect(providerOptions.s3Options.params.ACL).toBeUndefined();
  });

  it('reads exactly the S3_* variables', () => {
    const read: string[] = [];
    const env = s3UploadEnv((name) => (read.push(name), `value of ${name}`));
    expect(read.sort()).toEqual(['S3_ACCESS_KEY_ID', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_PUBLIC_URL', 'S3_REGION', 'S3_SECRET_ACCESS_KEY']);
    expect(env.S3_BUCKET).toBe('value of S3_BUCKET');
  });
});
