import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { scaleSuite } from './helpers/scale-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`at scale on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  scaleSuite('PostgreSQL', createPostgresDatabase);
}
