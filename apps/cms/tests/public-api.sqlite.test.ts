import { createSqliteDatabase } from './helpers/database';
import { publicApiSuite } from './helpers/public-api-suite';

publicApiSuite('SQLite', async () => createSqliteDatabase());
