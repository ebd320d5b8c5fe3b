import { describe, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason } from './helpers/database';
import { osservatorioSuite } from './helpers/osservatorio-suite';

const skipReason = postgresSkipReason();

if (skipReason) {
  describe.skip(`Osservatorio on PostgreSQL (${skipReason})`, () => {
    it('needs TEST_POSTGRES_URL', () => {});
  });
} else {
  osservatorioSuite('PostgreSQL', createPostgresDatabase);
}
