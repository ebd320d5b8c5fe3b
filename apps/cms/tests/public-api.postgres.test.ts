import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { publicApiSuite } from './helpers/public-api-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`public REST API on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  publicApiSuite('PostgreSQL', createPostgresDatabase);
}
