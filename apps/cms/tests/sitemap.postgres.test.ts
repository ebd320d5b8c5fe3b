import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { sitemapSuite } from './helpers/sitemap-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`sitemap source on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  sitemapSuite('PostgreSQL', createPostgresDatabase);
}
