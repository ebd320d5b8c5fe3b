import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { apiCacheSuite } from './helpers/api-cache-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`response cache of the public API on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  apiCacheSuite('PostgreSQL', createPostgresDatabase);
}
