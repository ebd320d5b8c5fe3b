import { describe, expect, it } from 'vitest';
import { imageSourcesFrom } from './sources';

describe('imageSourcesFrom', () => {
  it('reads local uploads from the CMS, and S3 uploads from the public URL or the closer read URL', () => {
    expect(imageSourcesFrom({ strapiUrl: 'http://cms:1337/', s3PublicUrl: '', s3ReadUrl: '' })).toEqual({ uploads: 'http://cms:1337', s3: null });
    expect(imageSourcesFrom({ strapiUrl: 'http://cms:1337', s3PublicUrl: 'https://media.example/uploads/', s3ReadUrl: '' }))
      .toEqual({ uploads: 'http://cms:1337', s3: 'https://media.example/uploads' });
    expect(imageSourcesFrom({ strapiUrl: 'http://cms:1337', s3PublicUrl: 'https://media.example/uploads', s3ReadUrl: 'http://minio:9000/uploads' }).s3)
      .toBe('http://minio:9000/uploads');
  });

  it.each([
    [{ strapiUrl: 'cms:1337', s3PublicUrl: '', s3ReadUrl: '' }, /NUXT_STRAPI_URL="cms:1337"/],
    [{ strapiUrl: 'http://cms:1337', s3PublicUrl: 'file:///etc', s3ReadUrl: '' }, /NUXT_PUBLIC_S3_PUBLIC_URL="file:\/\/\/etc"/],
    [{ strapiUrl: 'http://cms:1337', s3PublicUrl: 'https://media.example', s3ReadUrl: 'https://media.example/?x=1' }, /NUXT_S3_READ_URL/],
    [{ strapiUrl: 'http://cms:1337', s3PublicUrl: '', s3ReadUrl: 'http://minio:9000/uploads' }, /NUXT_S3_READ_URL is set but NUXT_PUBLIC_S3_PUBLIC_URL is not/],
  ])('refuses a bad configuration, naming the variable: %j', (config, message) => {
    expect(() => imageSourcesFrom(config)).toThrow(message);
  });
});
