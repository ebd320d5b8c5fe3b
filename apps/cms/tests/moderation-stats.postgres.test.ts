import { describe, it } from 'vitest';
import { postgresSkipReason } from './helpers/database';
import { moderationStatsSuite } from './helpers/moderation-stats-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`moderation figures on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  // The access checks do not depend on the database: they run on SQLite only.
  moderationStatsSuite('postgres', { access: false });
}
