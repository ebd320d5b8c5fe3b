import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { searchSuite } from './helpers/search-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`site search on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  searchSuite('PostgreSQL', createPostgresDatabase);
}
